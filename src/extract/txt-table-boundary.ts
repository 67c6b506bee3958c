/**
 * Lines that cannot belong to a table cell: they open the next part of the document.
 * A flattened Word table gives no end mark of its own, so a table ends where one of
 * these follows it (or, in the tab layout, where the layout says so: txt-tab-tables.ts).
 */

/** 附件3, 附件 3：, 附表1 — attachment markers stand alone on their line. */
const ATTACHMENT = /^(附件|附表)\s*[0-9０-９一二三四五六七八九十]{0,3}\s*[:：]?\s*$/

/** 表1 / 表一 / 表 2-1 … at the start of a caption. */
const CAPTION_NUMBERED = /^表\s*[0-9０-９一二三四五六七八九十]+([-－.．][0-9０-９]+)?(\s|[:：、．.]|$)/

/** A short line naming a table: 2022年部门整体支出绩效自评表, …情况表（单位：万元）. */
const CAPTION_TITLE = /表\s*([（(][^（）()]*[)）])?$/

/** 单位：万元 on a line of its own (or in parentheses). */
const UNIT_LINE = /^[（(]?\s*(金额)?单位\s*[:：]/

/** 一、基本情况 / 第一部分 / 第一章: top-level headings. Lower levels (（一）) do occur inside cells. */
const TOP_HEADING = /^(第[一二三四五六七八九十]+[部章节]分?|[一二三四五六七八九十]+、)/

/** Captions and headings are short; sentences inside cells are not. */
const SHORT = 40

/** Sentence punctuation: a line ending with it is prose, not a caption or heading. */
const SENTENCE_END = /[。；;，,]$/

export function isAttachmentMarker(line: string): boolean {
  return ATTACHMENT.test(line.trim())
}

/**
 * True when `line` opens a new part of the document (attachment marker, table caption,
 * unit line, top-level heading), so a table before it has ended.
 */
export function isTableBoundary(line: string): boolean {
  const s = line.trim()
  if (s === '') return false
  if (isAttachmentMarker(s) || UNIT_LINE.test(s)) return true
  if (s.length > SHORT || SENTENCE_END.test(s)) return false
  return CAPTION_NUMBERED.test(s) || CAPTION_TITLE.test(s) || TOP_HEADING.test(s)
}
