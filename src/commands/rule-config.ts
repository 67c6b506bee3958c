/**
 * `--config <file>` and `--profile default|strict`, shared by the commands that run the
 * consistency rules (extract, ingest). A bad configuration is a usage error — exit 2 before
 * any file is read — whose message names the file and what is wrong in it.
 */
import { DEFAULT_CONFIG, loadConfig, type ValidationConfig, ValidationConfigSchema } from '../validate/config.js'
import { InputError } from '../result.js'
import { UsageError } from './command.js'

/** parseArgs option definitions to spread into a command's options. */
export const RULE_CONFIG_OPTIONS = {
  config: { type: 'string' },
  profile: { type: 'string' },
} as const

export const PROFILES = ValidationConfigSchema.shape.profile.unwrap().options

/** Help text for the two options, descriptions starting at `column` as in the command's Options section. */
export function ruleConfigHelp(column: number): string {
  const item = (option: string, lines: string[]) =>
    lines.map((l, i) => (i === 0 ? `  ${option}`.padEnd(Math.max(column, option.length + 3)) : ' '.repeat(column)) + l).join('\n')
  return [
    item('--config <file>', [
      'Rule configuration, JSON: {"profile": "default" or "strict",',
      '"rules": {"<rule-id>": "off", "info", "warning", "error" or',
      '[severity, {options}]}}. Unknown rule ids are an error.',
    ]),
    item('--profile <p>', ["default (each rule's own severity) or strict (info becomes", 'warning, warning becomes error); overrides the file\'s profile.']),
  ].join('\n')
}

/**
 * The configuration the options ask for; DEFAULT_CONFIG when neither is given. The rule
 * modules (to know the valid ids) load only for a --config file: an ingest's main thread
 * otherwise never needs them before its workers start.
 */
export async function ruleConfigFrom(values: { config?: string | undefined; profile?: string | undefined }): Promise<ValidationConfig> {
  let config: ValidationConfig = DEFAULT_CONFIG
  if (values.config !== undefined) {
    if (values.config.trim() === '') throw new UsageError('--config needs a file name')
    const [{ RULE_IDS }, { CROSS_RULE_IDS }] = await Promise.all([import('../validate/rules/index.js'), import('../validate/cross/index.js')])
    try {
      config = loadConfig(values.config, [...RULE_IDS, ...CROSS_RULE_IDS])
    } catch (error) {
      // InputError's message already reads "<file>: <what is wrong>".
      if (error instanceof InputError) throw new UsageError(error.message)
      throw error
    }
  }
  if (values.profile !== undefined) {
    if (!(PROFILES as readonly string[]).includes(values.profile))
      throw new UsageError(`--profile must be one of ${PROFILES.join(', ')}, not '${values.profile}'`)
    config = { ...config, profile: values.profile as ValidationConfig['profile'] }
  }
  return config
}
