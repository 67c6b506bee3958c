/** Memory of a live process from /proc/<pid>/status (Linux), shared by child.mjs and rss-hook.mjs. */
import { readFileSync } from 'node:fs'

/**
 * VmRSS (now) and VmHWM (peak so far) of the process whose status file is `path`, in bytes;
 * undefined elsewhere than Linux or once the process has exited.
 */
export function readStatus(path) {
  let text
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
  const kib = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024
  return { rssBytes: kib('VmRSS'), hwmBytes: kib('VmHWM') }
}
