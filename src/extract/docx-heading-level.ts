/**
 * The heading level a Word paragraph declares: its style (Heading 1…9, shown as 标题 1…9 in
 * Chinese Word and stored as `heading 1` in styles.xml; WPS stores the Chinese name) or,
 * failing that, an outline level set on the paragraph or its style. Level 1 is the top
 * section level, as the section tree ranks 一、; a Title style is the document title, 0.
 */

const HEADING_STYLE = /^(?:heading|标题)\s*([1-9])$/i
const TITLE_STYLE = /^(?:title|标题)$/i
/** `w:outlineLvl` 9 means body text (ECMA-376 Part 1 §17.3.1.20). */
const BODY_TEXT_OUTLINE = 9

export function headingLevelOf(styleName: string | null | undefined, outlineLvl: number | undefined): number | undefined {
  const name = styleName?.trim() ?? ''
  const m = HEADING_STYLE.exec(name)
  if (m) return Number(m[1])
  if (TITLE_STYLE.test(name)) return 0
  if (outlineLvl !== undefined && outlineLvl >= 0 && outlineLvl < BODY_TEXT_OUTLINE) return outlineLvl + 1
  return undefined
}
