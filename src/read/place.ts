// Places a field of an already-read record from its source file and line,
// for the checks that run after reading (references, duplicates, warnings).
// It reads the file's text again only when asked, so parsed trees need not be
// kept in memory for the whole batch.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Place } from '../core/diagnostic.js';
import type { Source } from '../core/model.js';
import { decode } from './decode.js';
import { cellPlace } from './workbook/sheet.js';
import type { SheetLayout } from './task.js';

/**
 * A file's text and where each of its lines starts (as `split(/\r?\n/)`
 * would cut it), each line made a string only when asked: a city's members
 * file has 2.8 million lines, and a few thousand of them are placed.
 */
class Lines {
  private readonly starts: Uint32Array;

  constructor(private readonly text: string) {
    let n = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
    this.starts = new Uint32Array(n);
    let k = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts[k++] = i + 1;
  }

  get length(): number {
    return this.starts.length;
  }

  /** Line `i` (0-based) without its line break, or undefined past the last. */
  at(i: number): string | undefined {
    if (i < 0 || i >= this.length) return undefined;
    const start = this.starts[i];
    if (i + 1 === this.length) return this.text.slice(start);
    const end = this.starts[i + 1] - 1;
    return this.text.slice(start, this.text.charCodeAt(end - 1) === 13 && end > start ? end - 1 : end);
  }
}

export class RecordPlacer {
  private readonly texts = new Map<string, Lines | null>();

  /**
   * `text(file)`: the file's text when the caller has it; else it is read from
   * `cwd`. `sheets(file)`: a workbook's sheets with their columns, to place a
   * field of a record from a workbook at its cell.
   */
  constructor(
    private readonly cwd: string,
    private readonly text: (file: string) => string | undefined = () => undefined,
    private readonly sheets: (file: string) => SheetLayout[] | undefined = () => undefined,
  ) {}

  place(src: Source, field: string | null): Place {
    if (src.sheet !== undefined) return this.cell({ ...src, sheet: src.sheet }, field);
    const lines = this.lines(src.file);
    const first = lines?.at(src.line - 1);
    if (!lines || first === undefined) return { file: src.file, line: src.line, col: 1, endCol: 2, source: null };
    const dash = /^(\s*)(- )?/.exec(first)!;
    const indent = dash[1].length;
    const start = dash[0].length;
    if (field) {
      const re = new RegExp(`(^|[\\s{,])${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:\\s*`);
      for (let i = src.line - 1; i < lines.length; i++) {
        const text = lines.at(i)!;
        if (i > src.line - 1) {
          const ind = /^\s*/.exec(text)![0].length;
          if (text.trim() !== '' && !text.trimStart().startsWith('#') && ind <= indent) break;
        }
        const m = re.exec(i === src.line - 1 ? text.slice(start) : text);
        if (m) {
          const col = (i === src.line - 1 ? start : 0) + m.index + m[0].length + 1;
          const end = valueEnd(text, col - 1);
          return { file: src.file, line: i + 1, col, endCol: Math.max(col + 1, end + 1), source: text };
        }
      }
    }
    return { file: src.file, line: src.line, col: start + 1, endCol: Math.max(start + 2, first.length + 1), source: first };
  }

  /** A workbook's record: the field's cell in its row, else the row's first cell. */
  private cell(src: Source & { sheet: string }, field: string | null): Place {
    const layout = this.sheets(src.file)?.find((s) => s.sheet === src.sheet)?.layout;
    const at = field === null ? undefined : layout?.[field];
    return cellPlace(src.file, src.sheet, src.line, at?.[0] ?? 1, at?.[1] ?? null, undefined);
  }

  private lines(file: string): Lines | null {
    if (!this.texts.has(file)) {
      let lines: Lines | null = null;
      const known = this.text(file);
      if (known !== undefined) lines = new Lines(known);
      else {
        try {
          const d = decode(readFileSync(resolve(this.cwd, file)));
          if (d.ok) lines = new Lines(d.text);
        } catch {
          lines = null;
        }
      }
      this.texts.set(file, lines);
    }
    return this.texts.get(file)!;
  }
}

/** End (0-based, exclusive) of a plain value starting at `from`: before a comment, a flow comma or brace. */
function valueEnd(text: string, from: number): number {
  let end = text.length;
  const cut = text.slice(from).search(/\s+#|,|}/);
  if (cut >= 0) end = from + cut;
  while (end > from && /\s/.test(text[end - 1])) end--;
  return end;
}
