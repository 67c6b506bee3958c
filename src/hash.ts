import { createHash } from 'node:crypto'

/** A document's identity: the sha256 of its file bytes, hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}
