/** STUB — owned by the TXT-reader work: decides the format from the bytes. */
export type Sniffed = { kind: 'txt' } | { kind: 'docx' } | { kind: 'pdf' } | { kind: 'unreadable'; code: string; reason: string }

export function sniffFormat(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { kind: 'unreadable', code: 'empty', reason: 'the file is empty' }
  return { kind: 'txt' }
}
