// Plain-text tables aligned by display width (a Chinese character takes two
// columns), with colour applied after padding so it never breaks alignment.
import stringWidth from 'string-width';

export interface Cell {
  text: string;
  /** Colour or emphasis applied to the padded text (identity when colour is off). */
  style?: (s: string) => string;
}

export type Align = 'left' | 'right';

export type TableRow = readonly (string | Cell)[];

const textOf = (c: string | Cell) => (typeof c === 'string' ? c : c.text);

export function renderTable(headers: string[], rows: Iterable<TableRow>, align: Align[] = []): string {
  return [...tableLines(headers, rows, align)].join('\n');
}

/**
 * The table's lines, one at a time. `rows` is walked twice, widths first, so
 * it may build each row when asked: a city's 750,000 members need not be held
 * as rows, nor as one string.
 */
export function* tableLines(headers: string[], rows: Iterable<TableRow>, align: Align[] = []): Generator<string> {
  // A loop, not Math.max(...column): 750,000 arguments overflow the call stack.
  const widths = headers.map(width);
  for (const r of rows) {
    for (let i = 0; i < r.length && i < widths.length; i++) {
      const w = width(textOf(r[i]));
      if (w > widths[i]) widths[i] = w;
    }
  }
  const line = (r: TableRow) => {
    let s = '';
    for (let i = 0; i < r.length; i++) {
      const c = r[i];
      const text = textOf(c);
      const gap = ' '.repeat(widths[i] - width(text));
      const padded = align[i] === 'right' ? gap + text : text + gap;
      s += (i ? '  ' : '') + (typeof c === 'string' || !c.style ? padded : c.style(padded));
    }
    return s.trimEnd();
  };
  yield line(headers);
  yield widths.map((w) => '─'.repeat(w)).join('  ');
  for (const r of rows) yield line(r);
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
