/**
 * Where the parts of a DOCX package are. The main document is whatever the package
 * relationships (_rels/.rels) call the officeDocument, styles and numbering are what its
 * own relationships name — each falling back to the conventional word/… name, exactly as
 * mammoth resolves them (lib/docx/docx-reader.js `findPartPaths`), so both read the same parts.
 */
import { InputError } from '../result.js'
import { childElements, firstChild, parseXml } from './docx-xml.js'
import type { ZipPackage } from './docx-zip.js'

const RELATIONSHIP_TYPES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'

export interface DocxParts {
  document: string
  styles: string
  numbering: string
}

/** @throws InputError `docx-no-document` when the package has no main document part. */
export function findParts(pkg: ZipPackage, path: string): DocxParts {
  const document = findPart(pkg, '_rels/.rels', `${RELATIONSHIP_TYPES}officeDocument`, '', 'word/document.xml')
  if (!pkg.exists(document))
    throw new InputError(path, `the file is a ZIP archive but not a Word document: it has no main document part (${document})`, 'docx-no-document')
  const slash = document.lastIndexOf('/')
  const dir = slash === -1 ? '' : document.slice(0, slash)
  const rels = `${dir ? `${dir}/` : ''}_rels/${document.slice(slash + 1)}.rels`
  return {
    document,
    styles: findPart(pkg, rels, `${RELATIONSHIP_TYPES}styles`, dir, 'word/styles.xml'),
    numbering: findPart(pkg, rels, `${RELATIONSHIP_TYPES}numbering`, dir, 'word/numbering.xml'),
  }
}

function findPart(pkg: ZipPackage, relsPath: string, type: string, base: string, fallback: string): string {
  const xml = pkg.readText(relsPath)
  if (xml === undefined) return fallback
  const root = firstChild(parseXml(xml), 'relationships:Relationships')
  for (const rel of childElements(root, 'relationships:Relationship')) {
    const target = rel.attributes['Target']
    if (rel.attributes['Type'] !== type || target === undefined) continue
    const joined = (target.startsWith('/') ? target : `${base ? `${base}/` : ''}${target}`).replace(/^\/+/, '')
    if (pkg.exists(joined)) return joined
  }
  return fallback
}
