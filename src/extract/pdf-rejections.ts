/**
 * pdf.js 5.4 lets some internal promises reject unhandled on corrupt files: a page-tree
 * prefetch in its Catalog.getPageDict, for one, when an xref entry is broken. Node's
 * default for an unhandled rejection is to crash the process, so one bad download would
 * end a whole batch. While a document is open (and a moment after), a rejection whose
 * reason is one of pdf.js's own exceptions is therefore ignored — the reader still gets
 * the error through the calls it awaits. Any other rejection keeps Node's default.
 */

/** Exception classes pdf.js raises for malformed input (pdf.js shared/util.js). */
const PDFJS_EXCEPTIONS = new Set([
  'AbortException',
  'FormatError',
  'InvalidPDFException',
  'MissingDataException',
  'PasswordException',
  'ResponseException',
  'UnknownErrorException',
  'XRefEntryException',
  'XRefParseException',
])

/** How long after the last document closes late rejections are still expected. @default 1000 */
const GRACE_MS = 1000

let open = 0
let listening = false
let grace: NodeJS.Timeout | undefined

export function isPdfjsException(reason: unknown): boolean {
  return reason instanceof Error && PDFJS_EXCEPTIONS.has(reason.name)
}

function onRejection(reason: unknown): void {
  if (isPdfjsException(reason)) return
  // Alone, this listener would silence everything; keep Node's default (crash) instead.
  if (process.listenerCount('unhandledRejection') === 1)
    process.nextTick(() => {
      throw reason
    })
}

/** Starts guarding; call the returned function once the document is destroyed. */
export function guardPdfjsRejections(): () => void {
  open++
  if (grace) clearTimeout(grace)
  grace = undefined
  if (!listening) {
    process.on('unhandledRejection', onRejection)
    listening = true
  }
  let released = false
  return () => {
    if (released) return
    released = true
    if (--open > 0) return
    grace = setTimeout(() => {
      if (open === 0 && listening) {
        process.off('unhandledRejection', onRejection)
        listening = false
      }
    }, GRACE_MS)
    grace.unref()
  }
}
