// Plain-text tables aligned by display width (a Chinese character takes two
// columns), with colour applied after padding so it never breaks alignment.
import stringWidth from 'string-width';

export interface Cell {
  text: string;
  /** Colour or emphasis applied to the padded text (identity when colour is off). */
  style?: (s: string) => string;
}

export type Align = 'left' | 'right';

export function renderTable(headers: string[], rows: (string | Cell)[][], align: Align[] = []): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'string' ? { text: c } : c)));
  // Each cell measured once; a loop, not Math.max(...column): a city's 750,000 members overflow the call stack.
  const measured = cells.map((r) => r.map((c) => width(c.text)));
  const widths = headers.map((h) => width(h));
  for (const r of measured) for (let i = 0; i < widths.length; i++) if ((r[i] ?? 0) > widths[i]) widths[i] = r[i];
  const line = (r: Cell[], w: number[]) =>
    r
      .map((c, i) => {
        const gap = ' '.repeat(widths[i] - w[i]);
        return (c.style ?? ((s: string) => s))(align[i] === 'right' ? gap + c.text : c.text + gap);
      })
      .join('  ')
      .trimEnd();
  const out = [line(headers.map((h) => ({ text: h })), headers.map(width)), widths.map((w) => '─'.repeat(w)).join('  ')];
  for (let i = 0; i < cells.length; i++) out.push(line(cells[i], measured[i]));
  return out.join('\n');
}

/**
 * Display width. Plain ASCII (codes, numbers) and ASCII mixed with common CJK
 * (ideographs, CJK and fullwidth punctuation: two columns each) are counted
 * directly; string-width's general path segments graphemes, about 30 µs a
 * string here, which a city's tables feel. The rest (★, emoji) repeat and are
 * remembered.
 */
const ASCII = /^[\x20-\x7e]*$/;
const ASCII_CJK = /^[\x20-\x7e\u3000-\u3029\u302e-\u303e\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60\uffe0-\uffe6]*$/;
const widthOf = new Map<string, number>();
export function width(text: string): number {
  if (ASCII.test(text)) return text.length;
  if (ASCII_CJK.test(text)) {
    let w = 0;
    for (let i = 0; i < text.length; i++) w += text.charCodeAt(i) < 0x7f ? 1 : 2;
    return w;
  }
  let w = widthOf.get(text);
  if (w === undefined) {
    if (widthOf.size > 100_000) widthOf.clear(); // bounded: a long run must not keep every name
    widthOf.set(text, (w = stringWidth(text)));
  }
  return w;
}
