// Every output format, once: its name, the file extensions that choose it for
// --out, whether it is a file only (never text on a terminal), and how a
// command's view becomes it. A view is what a command shows, as data (JSON,
// in SPEC's keys) and as a document (every other format), each made only when
// a format asks for it. A new format is an entry here.
import { Chalk } from 'chalk';
import { csvPieces } from './csv.js';
import type { Doc } from '../doc.js';
import { renderHtml } from './html.js';
import { jsonText } from './json.js';
import { renderMarkdown } from './md.js';
import { textLines } from './text.js';
import { renderXlsx } from './xlsx.js';

export type Rendered = string | Buffer | Iterable<string>;

/** What a command shows: its data and its document, each made when a format asks. */
export interface View {
  data(): unknown;
  doc(): Doc;
}

/**
 * What a format can show: a table of rows (grade, stars, show…), a notice to
 * hand over (the bulletin), what a command that changes the database did (its
 * summary: import, undo, merge), settings (the rules in force).
 */
export type ViewKind = 'rows' | 'notice' | 'summary' | 'settings';

export interface Format {
  /** Extensions of an --out file that choose this format, lower case. */
  exts: readonly string[];
  /** The kinds of view it shows. */
  shows: readonly ViewKind[];
  /** Written only into a file. */
  binary: boolean;
  /** The view in this format, as written into a file. */
  render: (view: View) => Rendered | Promise<Rendered>;
}

function* lines(it: Iterable<string>): Generator<string> {
  for (const l of it) yield `${l}\n`;
}

export const FORMATS = {
  table: { exts: [], shows: ['rows'], binary: false, render: (v: View) => lines(textLines(v.doc(), new Chalk({ level: 0 }))) },
  json: { exts: ['.json'], shows: ['rows', 'notice', 'summary', 'settings'], binary: false, render: (v: View) => jsonText(v.data()) },
  yaml: { exts: ['.yaml', '.yml'], shows: ['settings'], binary: false, render: async (v: View) => (await import('yaml')).stringify(v.data()) },
  csv: { exts: ['.csv'], shows: ['rows'], binary: false, render: (v: View) => csvPieces(v.doc()) },
  md: { exts: ['.md', '.markdown'], shows: ['rows', 'notice'], binary: false, render: (v: View) => renderMarkdown(v.doc()) },
  html: { exts: ['.html', '.htm'], shows: ['notice'], binary: false, render: (v: View) => renderHtml(v.doc()) },
  xlsx: { exts: ['.xlsx'], shows: ['rows', 'notice'], binary: true, render: (v: View) => renderXlsx(v.doc()) },
  // Loaded when a document is written: docx is a fifth of cxzy's start.
  docx: { exts: ['.docx'], shows: ['notice'], binary: true, render: async (v: View) => (await import('./docx.js')).renderDocx(v.doc()) },
} as const satisfies Record<string, Format>;

export type FormatName = keyof typeof FORMATS;

/** What a command of each kind writes when no format is asked for: a table; the notice in Markdown; settings as a rules file writes them. */
const DEFAULT: Record<ViewKind, FormatName> = { rows: 'table', notice: 'md', summary: 'table', settings: 'yaml' };

/** The formats that show views of `kind`, its default first, then in the registry's order; `text`: only those a terminal shows. */
export function formatsFor(kind: ViewKind, text = false): FormatName[] {
  const shows = (Object.keys(FORMATS) as FormatName[]).filter((f) => (FORMATS[f].shows as readonly ViewKind[]).includes(kind) && !(text && FORMATS[f].binary));
  return [DEFAULT[kind], ...shows.filter((f) => f !== DEFAULT[kind])];
}

/** The extensions that choose one of `allowed`, in the order given. */
export function byExtension<F extends FormatName>(allowed: readonly F[]): Record<string, F> {
  return Object.fromEntries(allowed.flatMap((f) => FORMATS[f].exts.map((e) => [e, f]))) as Record<string, F>;
}

/** `view` in `format`, as written into a file. */
export async function render(format: FormatName, view: View): Promise<Rendered> {
  return FORMATS[format].render(view);
}

/** A document that is only a document (a notice): in any format but JSON, which has no data of it. */
export const renderAs = (format: Exclude<FormatName, 'json'>, doc: Doc): Promise<Rendered> =>
  render(format, {
    doc: () => doc,
    data: () => {
      throw new Error('a notice has no JSON');
    },
  });
