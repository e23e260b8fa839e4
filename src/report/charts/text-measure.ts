/**
 * Text measurement estimates for the report charts: the width of a text, wrapping into lines
 * and cutting with an ellipsis. No DOM: the widths are estimates per character.
 *
 * @packageDocumentation
 */

/**
 * An estimate of the rendered width of a text in a sans-serif font, in pixels. Good enough
 * to reserve margins and to decide when to wrap or rotate labels.
 * @param content - the text
 * @param fontSize - font size in pixels
 */
export function textWidth(content: string, fontSize: number): number {
  let units = 0;
  for (const ch of content) {
    if ('il.,:;|!\'’ '.includes(ch)) units += 0.3;
    else if ('fjtrI()[]-'.includes(ch)) units += 0.38;
    else if ('mwMW@'.includes(ch)) units += 0.86;
    else if (ch >= 'A' && ch <= 'Z') units += 0.66;
    else units += 0.56;
  }
  return units * fontSize;
}

/**
 * Wraps text into lines no wider than `maxWidth` (estimated), breaking at spaces; a word that
 * is too long on its own gets a line of its own. At most `maxLines` lines: the last one ends in
 * an ellipsis when text was cut.
 * @param content - the text
 * @param maxWidth - maximum line width in pixels
 * @param fontSize - font size in pixels
 * @param maxLines - maximum number of lines (default 3)
 */
export function wrapText(content: string, maxWidth: number, fontSize: number, maxLines = 3): readonly string[] {
  const words = content.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (current !== '' && textWidth(candidate, fontSize) > maxWidth) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current !== '') lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = truncate(`${kept[maxLines - 1] ?? ''} ${lines[maxLines] ?? ''}`, maxWidth, fontSize);
  return kept;
}

/**
 * Shortens text with an ellipsis so that it fits `maxWidth` (estimated).
 * @param content - the text
 * @param maxWidth - maximum width in pixels
 * @param fontSize - font size in pixels
 */
export function truncate(content: string, maxWidth: number, fontSize: number): string {
  if (textWidth(content, fontSize) <= maxWidth) return content;
  const chars = [...content];
  while (chars.length > 0 && textWidth(`${chars.join('')}…`, fontSize) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
