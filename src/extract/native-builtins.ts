/**
 * pdf.js's legacy build (loaded through pdf-parse) bundles core-js, which replaces
 * Array.prototype.push and JSON.parse with JavaScript polyfills on Node 20 (core-js "forces"
 * them over spec corner cases: lengths beyond 2^32, JSON.parse source access) — once when
 * the module loads and again when its fake worker loads on the first document. Every later
 * push in every stage of every document then runs through the polyfill: measured ≈ 3% of a
 * TXT analysis in a process that has read one PDF. The built-ins are captured when this
 * module is evaluated (read-source.ts imports it before any reader) and put back after a
 * PDF is read; pdf.js does not depend on the corner cases the polyfills cover.
 */
const NATIVE: ReadonlyArray<readonly [object, PropertyKey, PropertyDescriptor | undefined]> = [
  [Array.prototype, 'push', Object.getOwnPropertyDescriptor(Array.prototype, 'push')],
  [JSON, 'parse', Object.getOwnPropertyDescriptor(JSON, 'parse')],
]

/** Puts back the built-ins polyfilled since this module was loaded. Cheap: a no-op when nothing changed. */
export function restoreNativeBuiltins(): void {
  for (const [owner, key, descriptor] of NATIVE) {
    if (!descriptor || Object.getOwnPropertyDescriptor(owner, key)?.value === descriptor.value) continue
    Object.defineProperty(owner, key, descriptor)
  }
}
