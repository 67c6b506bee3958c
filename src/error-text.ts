/** What an error says, whatever was thrown (libraries throw strings and plain objects too). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** The first line of an error's message: what a summary line or a failures row can hold (stack traces stay out). */
export function firstLine(error: unknown): string {
  const text = messageOf(error)
  return text.split('\n', 1)[0] ?? text
}
