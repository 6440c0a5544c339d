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
  const widths = headers.map((h, i) => Math.max(stringWidth(h), ...cells.map((r) => stringWidth(r[i]?.text ?? ''))));
  const pad = (text: string, i: number) => {
    const gap = ' '.repeat(widths[i] - stringWidth(text));
    return align[i] === 'right' ? gap + text : text + gap;
  };
  const line = (r: Cell[]) => r.map((c, i) => (c.style ?? ((s: string) => s))(pad(c.text, i))).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(headers.map((h) => ({ text: h }))), rule, ...cells.map(line)].join('\n');
}
