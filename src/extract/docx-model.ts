/**
 * The part of mammoth's document model (node_modules/mammoth/lib/documents.js) the DOCX
 * reader walks. mammoth ships no types for it (`transformDocument: (element: any) => any`);
 * these mirror the factory functions there. Nodes of other types are walked through their
 * `children` when they have some and otherwise ignored.
 */

export interface MText {
  type: 'text'
  value: string
}

export interface MParagraph {
  type: 'paragraph'
  children: MNode[]
  styleId: string | null
  /** The style's name from styles.xml, e.g. `heading 1`, `标题 1`. */
  styleName: string | null
  /** The list level definition when numbered (not the list id: see docx-paragraphs.ts). */
  numbering: { isOrdered: boolean; level: string } | null
}

export interface MTableCell {
  type: 'tableCell'
  children: MNode[]
  /** From w:gridSpan; 1 when absent. */
  colSpan: number
  /** Computed by mammoth from w:vMerge; the continuation cells are removed from later rows. */
  rowSpan: number
}

export interface MTableRow {
  type: 'tableRow'
  children: MNode[]
  isHeader: boolean
}

export interface MTable {
  type: 'table'
  children: MNode[]
}

export interface MBreak {
  type: 'break'
  breakType: 'line' | 'page' | 'column'
}

export interface MCheckbox {
  type: 'checkbox'
  checked: boolean
}

export interface MNoteReference {
  type: 'noteReference'
  noteType: 'footnote' | 'endnote'
  noteId: string
}

export interface MNote {
  type: 'note'
  body: MNode[]
}

export interface MOther {
  type: 'run' | 'hyperlink' | 'tab' | 'image' | 'bookmarkStart' | 'commentReference' | 'document' | 'note' | 'comment'
  children?: MNode[]
}

export type MNode = MText | MParagraph | MTable | MTableRow | MTableCell | MBreak | MCheckbox | MNoteReference | MOther

export interface MDocument {
  type: 'document'
  children: MNode[]
  notes: { resolve(reference: MNoteReference): MNote | null }
}

/** Body paragraphs in reading order, table cells included (the order docx-paragraphs.ts mirrors). */
export function bodyParagraphs(nodes: MNode[], out: MParagraph[] = []): MParagraph[] {
  for (const node of nodes) {
    if (node.type === 'paragraph') out.push(node)
    else if ('children' in node && node.children) bodyParagraphs(node.children, out)
  }
  return out
}

/** The text of a paragraph's Text nodes (what docx-paragraphs.ts keys on). */
export function plainText(nodes: MNode[]): string {
  let s = ''
  for (const node of nodes) {
    if (node.type === 'text') s += node.value
    else if (node.type !== 'paragraph' && 'children' in node && node.children) s += plainText(node.children)
  }
  return s
}
