/**
 * Which rules run and how loud they are: a profile (default, strict) and per-rule settings,
 * from a JSON file such as
 *
 *   { "profile": "strict", "rules": { "placeholder": "off", "sum-mismatch": ["error", { … }] } }
 *
 * A setting is a severity, "off", or [severity, options]; options are validated by the rule's
 * own zod schema when the rules run.
 */
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { InputError } from '../result.js'
import { type Rule, type Severity } from './rule.js'

const Level = z.enum(['off', 'info', 'warning', 'error'])

export const RuleSettingSchema = z.union([Level, z.tuple([Level, z.record(z.string(), z.unknown())])])

export const ValidationConfigSchema = z.object({
  /** default: each rule's own severity; strict: info becomes warning and warning error. @default "default" */
  profile: z.enum(['default', 'strict']).default('default'),
  rules: z.record(z.string(), RuleSettingSchema).default({}),
})

export type ValidationConfig = z.infer<typeof ValidationConfigSchema>
export type RuleSetting = z.infer<typeof RuleSettingSchema>

export const DEFAULT_CONFIG: ValidationConfig = { profile: 'default', rules: {} }

const STRICTER: Record<Severity, Severity> = { info: 'warning', warning: 'error', error: 'error' }

/** The severity a rule runs at under a configuration, or 'off'. */
export function severityOf(rule: Rule<unknown>, config: ValidationConfig): Severity | 'off' {
  const setting = config.rules[rule.id]
  const level = setting === undefined ? undefined : Array.isArray(setting) ? setting[0] : setting
  if (level !== undefined) return level
  return config.profile === 'strict' ? STRICTER[rule.defaultSeverity] : rule.defaultSeverity
}

/** The options configured for a rule ({} when none). */
export function optionsOf(rule: Rule<unknown>, config: ValidationConfig): unknown {
  const setting = config.rules[rule.id]
  return Array.isArray(setting) ? setting[1] : {}
}

/**
 * Reads a configuration file. Unknown rule ids are an error: a typo would otherwise silently
 * leave a rule at its default.
 * @throws InputError naming the file and what is wrong with it.
 */
export function loadConfig(path: string, knownRules: readonly string[]): ValidationConfig {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new InputError(path, `cannot read the rule configuration: ${(error as Error).message}`, 'config-unreadable')
  }
  const parsed = ValidationConfigSchema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new InputError(path, `invalid rule configuration at ${issue.path.join('.') || '(root)'}: ${issue.message}`, 'config-invalid')
  }
  const unknown = Object.keys(parsed.data.rules).filter((id) => !knownRules.includes(id))
  if (unknown.length > 0) throw new InputError(path, `unknown rule id ${unknown.map((u) => `'${u}'`).join(', ')}; known: ${knownRules.join(', ')}`, 'config-invalid')
  return parsed.data
}
