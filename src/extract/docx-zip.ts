/**
 * The ZIP container of a DOCX, read defensively: the central directory is checked BEFORE
 * anything is inflated (entry count, total declared size, compression ratio), and every
 * entry is inflated with its declared size as a hard output limit, so a directory that lies
 * cannot turn a few kilobytes into gigabytes. mammoth reads the package through this reader
 * (docx-mammoth.ts), so the limits hold for every part it opens.
 *
 * Format: PKWARE APPNOTE.TXT 6.3 (§4.3.12 central directory, §4.3.16 end record, §4.5.3
 * ZIP64 extra field). Any defect becomes an InputError naming the file; nothing else is
 * thrown for bad bytes.
 */
import { crc32, inflateRawSync } from 'node:zlib'
import { InputError } from '../result.js'

/** Limits applied from the directory before inflating. */
export interface ZipLimits {
  /**
   * Sum of the declared uncompressed sizes of all entries.
   * @default 200 MiB
   */
  maxTotalBytes: number
  /**
   * Largest uncompressed/compressed ratio of an entry bigger than `ratioFloorBytes`.
   * Real DOCX XML compresses 5–30×; deflate bombs reach 1000×.
   * @default 100
   */
  maxRatio: number
  /** Entries smaller than this are not ratio-checked (tiny parts compress absurdly well). @default 1 MiB */
  ratioFloorBytes: number
  /** @default 10000 */
  maxEntries: number
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 10_000,
}

interface Entry {
  name: string
  method: number
  crc: number
  compressedSize: number
  size: number
  localOffset: number
}

/** A DOCX package opened for reading; parts are inflated on demand and cached. */
export interface ZipPackage {
  names(): string[]
  exists(name: string): boolean
  /** @throws InputError when the entry's data is corrupt or inflates beyond its declared size. */
  read(name: string): Uint8Array | undefined
  readText(name: string): string | undefined
}

const u16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8)
const u32 = (b: Uint8Array, i: number): number => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0
const u64 = (b: Uint8Array, i: number): number => u32(b, i) + u32(b, i + 4) * 2 ** 32

const SIG_LOCAL = 0x04034b50
const SIG_CENTRAL = 0x02014b50
const SIG_END = 0x06054b50
const SIG_ZIP64_END = 0x06064b50
const SIG_ZIP64_LOCATOR = 0x07064b50

/** @throws InputError (only) when the bytes are not a sound, reasonably sized ZIP. */
export function openZip(bytes: Uint8Array, path: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipPackage {
  const corrupt = corruptReporter(path)
  const entries = readDirectory(bytes, path, limits)
  checkLimits(entries, path, limits)
  const byName = new Map<string, Entry>()
  for (const e of entries) {
    // Two entries with one name would let different readers see different documents.
    if (byName.has(e.name)) corrupt(`the entry ${e.name} occurs twice in the ZIP directory`)
    byName.set(e.name, e)
  }
  const cache = new Map<string, Uint8Array>()
  const decoder = new TextDecoder('utf-8')
  const read = (name: string): Uint8Array | undefined => {
    const entry = byName.get(name)
    if (!entry) return undefined
    let data = cache.get(name)
    if (!data) {
      data = inflate(bytes, entry, path, corrupt)
      cache.set(name, data)
    }
    return data
  }
  return {
    names: () => [...byName.keys()],
    exists: (name) => byName.has(name),
    read,
    readText: (name) => {
      const data = read(name)
      return data && decoder.decode(data).replace(/^\uFEFF/, '')
    },
  }
}

function corruptReporter(path: string): (why: string) => never {
  return (why) => {
    throw new InputError(path, `the DOCX file is truncated or corrupt: ${why}`, 'docx-corrupt')
  }
}

function bombReporter(path: string): (why: string) => never {
  return (why) => {
    throw new InputError(path, `the DOCX file is refused as a possible ZIP bomb: ${why}`, 'docx-zip-bomb')
  }
}

function readDirectory(bytes: Uint8Array, path: string, limits: ZipLimits): Entry[] {
  const corrupt = corruptReporter(path)
  const end = findEnd(bytes)
  if (end === -1) corrupt('it has no ZIP end-of-directory record (the download may have been cut off)')
  let count = u16(bytes, end + 10)
  let offset = u32(bytes, end + 16)
  if (count === 0xffff || offset === 0xffffffff) {
    const loc = end - 20
    if (loc < 0 || u32(bytes, loc) !== SIG_ZIP64_LOCATOR) corrupt('its ZIP64 directory locator is missing')
    const z64 = u64(bytes, loc + 8)
    if (z64 + 56 > bytes.length || u32(bytes, z64) !== SIG_ZIP64_END) corrupt('its ZIP64 end record is missing')
    count = u64(bytes, z64 + 32)
    offset = u64(bytes, z64 + 48)
  }
  if (count === 0) corrupt('its ZIP directory lists no entries')
  if (count > limits.maxEntries) bombReporter(path)(`it lists ${count} entries (limit ${limits.maxEntries})`)
  const entries: Entry[] = []
  const decoder = new TextDecoder('utf-8')
  let p = offset
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== SIG_CENTRAL) corrupt(`ZIP directory entry ${i + 1} of ${count} is missing or damaged`)
    const flags = u16(bytes, p + 8)
    const nameLength = u16(bytes, p + 28)
    const extraLength = u16(bytes, p + 30)
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength))
    const entry: Entry = {
      name,
      method: u16(bytes, p + 10),
      crc: u32(bytes, p + 16),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      localOffset: u32(bytes, p + 42),
    }
    readZip64Extra(bytes, p + 46 + nameLength, extraLength, entry)
    // Bit 0: ZIP-level encryption. (A password-protected Word file is an OLE2 file, not a ZIP.)
    if (flags & 1) throw new InputError(path, `the DOCX file is encrypted (${name}); cnreport cannot read it`, 'docx-encrypted')
    entries.push(entry)
    p += 46 + nameLength + extraLength + u16(bytes, p + 32)
  }
  return entries
}

/** APPNOTE §4.5.3: 0xFFFFFFFF sizes and offsets are given again, as 64-bit values, in extra field 0x0001. */
function readZip64Extra(bytes: Uint8Array, from: number, length: number, entry: Entry): void {
  for (let q = from; q + 4 <= from + length; ) {
    const id = u16(bytes, q)
    const size = u16(bytes, q + 2)
    if (id === 0x0001) {
      let r = q + 4
      if (entry.size === 0xffffffff) (entry.size = u64(bytes, r)), (r += 8)
      if (entry.compressedSize === 0xffffffff) (entry.compressedSize = u64(bytes, r)), (r += 8)
      if (entry.localOffset === 0xffffffff) entry.localOffset = u64(bytes, r)
      return
    }
    q += 4 + size
  }
}

function findEnd(bytes: Uint8Array): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff)
  for (let p = bytes.length - 22; p >= stop; p--) if (u32(bytes, p) === SIG_END) return p
  return -1
}

function checkLimits(entries: Entry[], path: string, limits: ZipLimits): void {
  const bomb = bombReporter(path)
  const total = entries.reduce((sum, e) => sum + e.size, 0)
  if (total > limits.maxTotalBytes)
    bomb(`its entries would inflate to ${mib(total)} (limit ${mib(limits.maxTotalBytes)})`)
  for (const e of entries)
    if (e.size >= limits.ratioFloorBytes && e.size > e.compressedSize * limits.maxRatio)
      bomb(`${e.name} would inflate ${Math.round(e.size / Math.max(1, e.compressedSize))}× (limit ${limits.maxRatio}×)`)
}

const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MiB`

function inflate(bytes: Uint8Array, e: Entry, path: string, corrupt: (why: string) => never): Uint8Array {
  const p = e.localOffset
  if (p + 30 > bytes.length || u32(bytes, p) !== SIG_LOCAL) corrupt(`the data of ${e.name} is missing`)
  const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28)
  if (start + e.compressedSize > bytes.length) corrupt(`the data of ${e.name} is cut off`)
  const raw = bytes.subarray(start, start + e.compressedSize)
  let data: Uint8Array
  if (e.method === 0) data = raw
  else if (e.method === 8) {
    try {
      // One byte of headroom: output beyond the declared size means the directory lied.
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size + 1) })
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        bombReporter(path)(`${e.name} inflates beyond its declared ${e.size} bytes`)
      return corrupt(`${e.name} cannot be inflated (${(error as Error).message})`)
    }
  } else return corrupt(`${e.name} uses ZIP compression method ${e.method}, which DOCX files do not use`)
  if (data.length !== e.size) corrupt(`${e.name} inflates to ${data.length} bytes, not the declared ${e.size}`)
  if (crc32(data) !== e.crc) corrupt(`${e.name} fails its CRC-32 check`)
  return data
}
