// A document on the terminal: sections and headings in bold, paragraphs as
// lines, tables aligned by display width (a Chinese character takes two
// columns) with colour applied after padding so it never breaks alignment.
// Line by line: a city's member table is too long to hold as one string.
import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import { printable } from '../../core/text.js';
import { sourceText } from '../../core/model.js';
import { cellText, chartTable, type CellValue, type Doc, type DocTable, type Part, type Span, type Tone } from '../doc.js';

export function renderText(doc: Doc, c: ChalkInstance, room?: number): string {
  return [...textLines(doc, c, room)].join('\n');
}

/**
 * The document's lines, its tables fitted to `room` columns. A gap is a blank
 * line between two pieces of content, never at either end or twice.
 */
export function* textLines(doc: Doc, c: ChalkInstance, room = Infinity): Generator<string> {
  let started = false;
  let gap = false;
  const emit = function* (lines: Iterable<string>): Generator<string> {
    for (const l of lines) {
      if (gap && started) yield '';
      gap = false;
      started = true;
      yield l;
    }
  };
  for (const s of doc.sections) {
    if (started) gap = true;
    if (s.title) yield* emit([c.bold(printable(s.title))]);
    for (const p of s.parts) {
      if (p.kind === 'gap') gap = true;
      else yield* emit(partLines(p, c, room));
    }
  }
}

function* partLines(p: Exclude<Part, { kind: 'gap' }>, c: ChalkInstance, room: number): Generator<string> {
  switch (p.kind) {
    case 'heading':
      return yield c.bold(printable(p.text));
    case 'para': {
      const body = spans(p.spans, c);
      const src = p.source ? `  (${printable(sourceText(p.source))})` : '';
      return yield p.point ? `    · ${body}${src}` : `${body}${src}`;
    }
    case 'table':
      return yield* tableLines(p.table, c, room);
    case 'chart':
      return yield* tableLines(chartTable(p.chart), c, room);
  }
}

const spans = (list: Span[], c: ChalkInstance) => list.map((s) => toned(c, s.tone)(printable(s.text))).join('');

/** The colour of a tone; identity when colour is off. */
function toned(c: ChalkInstance, tone: Tone | undefined): (s: string) => string {
  switch (tone) {
    case 'good':
    case 'ok':
      return c.green;
    case 'fair':
      return c.cyan;
    case 'average':
    case 'warn':
      return c.yellow;
    case 'poor':
    case 'bad':
      return c.red;
    case 'ungraded':
    case 'muted':
      return c.dim;
    case 'strong':
      return c.bold;
    default:
      return (s: string) => s;
  }
}

/** A cell as the terminal shows it. */
const cellOnTerminal = (cell: CellValue) => (cell?.t === 'stars' ? '★'.repeat(cell.v) || '0' : printable(cellText(cell)));

/**
 * The table's lines, one at a time. Its rows are walked twice, widths first,
 * so they may be built when asked: a city's 750,000 members need not be held
 * as rows, nor as one string.
 */
export function* tableLines(t: DocTable, c: ChalkInstance, room = Infinity): Generator<string> {
  const align = t.align ?? [];
  // A loop, not Math.max(...column): 750,000 arguments overflow the call stack.
  const widths = t.headers.map((h) => width(printable(h)));
  let n = 0;
  for (const r of t.rows) {
    n++;
    for (let i = 0; i < r.length && i < widths.length; i++) {
      const w = width(cellOnTerminal(r[i]));
      if (w > widths[i]) widths[i] = w;
    }
  }
  if (n === 0 && t.none !== undefined) return yield c.dim(printable(t.none));
  const full = [...widths];
  fitColumns(widths, t.shrink ?? [], room);
  const narrowed = widths.flatMap((w, i) => (w < full[i] ? [i] : []));
  const line = (texts: string[], tones: (Tone | undefined)[]) => {
    let s = '';
    for (let i = 0; i < texts.length; i++) {
      const gap = ' '.repeat(widths[i] - width(texts[i]));
      const padded = align[i] === 'right' ? gap + texts[i] : texts[i] + gap;
      s += (i ? '  ' : '') + (tones[i] ? toned(c, tones[i])(padded) : padded);
    }
    return s.trimEnd();
  };
  yield line(t.headers.map(printable), []);
  yield widths.map((w) => '─'.repeat(w)).join('  ');
  for (const r of t.rows) {
    const texts = r.map(cellOnTerminal);
    const tones = r.map((cell) => cell?.tone);
    // A cell wider than its narrowed column wraps within it: a name or a problem's description is never cut.
    if (narrowed.every((i) => width(texts[i]) <= widths[i])) {
      yield line(texts, tones);
      continue;
    }
    const cells = texts.map((x, i) => (width(x) <= widths[i] ? [x] : wrap(x, widths[i])));
    const height = Math.max(...cells.map((l) => l.length));
    for (let k = 0; k < height; k++)
      yield line(
        cells.map((l) => l[k] ?? ''),
        tones,
      );
  }
}

/** Narrowest a column is narrowed to. */
const MIN_COLUMN = 8;

/**
 * Narrow the `shrink` columns of `widths` (in place), widest first, until the
 * table fits `room` columns or they are as narrow as they go.
 */
function fitColumns(widths: number[], shrink: number[], room: number): void {
  let over = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1) - room;
  while (over > 0) {
    let widest = -1;
    for (const i of shrink) if (widths[i] > MIN_COLUMN && (widest < 0 || widths[i] > widths[widest])) widest = i;
    if (widest < 0) break;
    widths[widest]--;
    over--;
  }
}

/** Text in lines of at most `max` display columns, broken after the last space or slash that fits (words, folders whole), else between characters. */
export function wrap(text: string, max: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line !== '' && width(line + ch) > max) {
      // After a space or a path's slash where there is one: words and folder names kept whole.
      const space = Math.max(line.lastIndexOf(' '), line.lastIndexOf('/'));
      const at = space > 0 ? space + 1 : line.length;
      out.push(line.slice(0, at).trimEnd());
      line = line.slice(at);
    }
    line += ch;
  }
  if (line !== '' || out.length === 0) out.push(line);
  return out;
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
