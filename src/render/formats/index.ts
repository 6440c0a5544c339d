// Every output format, once: its name, the file extensions that choose it for
// --out, whether it is a file only (never text on a terminal), and how a
// document becomes it. JSON has no document renderer: it is the result's data
// (render/json.ts), written by the command. A new format is an entry here.
import { Chalk } from 'chalk';
import { csvPieces } from './csv.js';
import type { Doc } from '../doc.js';
import { renderDocx } from './docx.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './md.js';
import { textLines } from './text.js';
import { renderXlsx } from './xlsx.js';

export type Rendered = string | Buffer | Iterable<string>;

export interface Format {
  /** Extensions of an --out file that choose this format, lower case. */
  exts: readonly string[];
  /** Written only into a file. */
  binary: boolean;
  /** The document in this format, as written into a file; none for JSON. */
  render?: (doc: Doc) => Rendered | Promise<Rendered>;
}

function* lines(it: Iterable<string>): Generator<string> {
  for (const l of it) yield `${l}\n`;
}

export const FORMATS = {
  table: { exts: [], binary: false, render: (doc: Doc) => lines(textLines(doc, new Chalk({ level: 0 }))) },
  json: { exts: ['.json'], binary: false },
  csv: { exts: ['.csv'], binary: false, render: csvPieces },
  md: { exts: ['.md', '.markdown'], binary: false, render: renderMarkdown },
  html: { exts: ['.html', '.htm'], binary: false, render: renderHtml },
  xlsx: { exts: ['.xlsx'], binary: true, render: renderXlsx },
  docx: { exts: ['.docx'], binary: true, render: renderDocx },
} as const satisfies Record<string, Format>;

export type FormatName = keyof typeof FORMATS;

/** The extensions that choose one of `allowed`, in the order given. */
export function byExtension<F extends FormatName>(allowed: readonly F[]): Record<string, F> {
  return Object.fromEntries(allowed.flatMap((f) => FORMATS[f].exts.map((e) => [e, f]))) as Record<string, F>;
}

/** `doc` in `format` (not JSON), as written into a file. */
export async function renderAs(format: Exclude<FormatName, 'json'>, doc: Doc): Promise<Rendered> {
  return FORMATS[format].render(doc);
}
