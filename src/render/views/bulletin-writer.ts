// What every part of the bulletin writes with: its messages in the chosen
// language, its tables, charts and lists of orgs, names in running text, the
// month and the quarter in words, and the paragraphs of the body.
import type { Bulletin } from '../../analyses/bulletin/bulletin.js';
import type { Named } from '../../analyses/bulletin/pledges.js';
import type { Messages, MsgId, PlainId } from '../../core/messages/index.js';
import type { Rules } from '../../core/rules.js';
import { type CellValue, type Chart, type DocSection, type Part, para, text } from '../doc.js';
import { t, type Lang, word } from '../i18n/index.js';
import { figure, type Unit } from '../i18n/figures.js';
import { punct } from '../i18n/punctuation.js';

/** Markdown and HTML are read by people: a longer table is cut there (XLSX and JSON keep every row). */
export const MAX_TEXT_ROWS = 500;
/** Names a sentence lists before it names only some and says how many there are in all (其中). */
const NAMES_IN_PROSE = 10;

export interface NoticeOptions {
  version: string;
  belowPct: string;
  office: Rules['office'];
  /** --org: the committee whose subtree the bulletin covers. */
  scope: Named | null;
  /** The day it is issued, YYYY-MM-DD. */
  issued: string;
  /** --number. */
  number: number | null;
  /** How many rows of a table the format shows (Markdown and HTML: MAX_TEXT_ROWS); the rest are counted, not built. Default: all. */
  shown?: number;
}

/** A table's rows: made already, or a list and how to make a row of it. */
/** A table's rows: a list and how to make a row of it; `total` when the list is only the first of more (a bulletin's lists cut where they are made). */
export interface Rows<T> {
  list: readonly T[];
  row: (x: T) => CellValue[];
  total?: number;
}

type Tr = <K extends MsgId>(id: K, ...p: {} extends Messages[K] ? [Messages[K]?] : [Messages[K]]) => string;

export interface Writer {
  lang: Lang;
  tr: Tr;
  /** An enumeration's word. */
  w: (k: string) => string;
  /** Column headers. */
  h: (...ids: PlainId[]) => string[];
  /** Only the rows the format shows are made (NoticeOptions.shown); the table says how many there are in all. */
  table: <T>(caption: string, headers: string[], rows: Rows<T>, wrap?: number[]) => Part;
  chart: (c: Omit<Chart, 'none'>) => Part;
  /** A list of orgs: code and name. */
  named: (caption: string, list: Named[]) => Part;
  /** Between names in a list. */
  sep: string;
  /** Names in a sentence: all of them, or the first few marked as a selection of how many there are. */
  names: (list: string[], unit: Unit) => string;
  month: string;
  quarter: (p: string) => string;
  area: string;
  /** A section of the body: one paragraph of sentences. */
  facts: (...lines: string[]) => Part[];
  body: (id: string, title: PlainId, parts: Part[]) => DocSection;
}

export function writer(b: Bulletin, lang: Lang, opts: NoticeOptions): Writer {
  const tr = <K extends MsgId>(id: K, ...p: {} extends Messages[K] ? [Messages[K]?] : [Messages[K]]) => t(lang, id, ...p);
  const w = (k: string) => word(lang, k);
  const h = (...ids: PlainId[]) => ids.map((id) => t(lang, id));
  const none = tr('bulletin_none');
  const cut = { max: MAX_TEXT_ROWS, more: (shown: number, total: number) => tr('bulletin_more', { shown, total }) };
  const table = <T>(caption: string, headers: string[], { list, row, total = list.length }: Rows<T>, wrap?: number[]): Part => {
    const made = list.slice(0, opts.shown ?? Infinity).map(row);
    return { kind: 'table', table: { caption, headers, rows: made, none, cut, ...(wrap ? { wrap } : {}), ...(total === made.length ? {} : { total }) } };
  };
  const chart = (c: Omit<Chart, 'none'>): Part => ({ kind: 'chart', chart: { ...c, none } });
  const named = (caption: string, list: Named[]): Part => ({
    kind: 'table',
    table: { caption, headers: h('bulletin_h_org', 'bulletin_h_name'), rows: list.map((n) => [text(n.code), text(n.name)]), none, list: true },
  });
  const sep = punct(lang, 'list');
  const names = (list: string[], unit: Unit) => figure(lang, { names: list, unit, max: NAMES_IN_PROSE });
  const month = tr('bulletin_month_words', { y: b.month.slice(0, 4), m: Number(b.month.slice(5)) });
  const quarter = (p: string) => tr('bulletin_period_words', { y: p.slice(0, 4), q: Number(p.slice(5)) });
  const area = opts.scope ? opts.scope.name : (opts.office.area ?? tr('bulletin_area_default'));

  return {
    lang,
    tr,
    w,
    h,
    table,
    chart,
    named,
    sep,
    names,
    month,
    quarter,
    area,
    facts: (...lines) => [para(lines.join(punct(lang, 'sentence')))],

    body: (id, title, parts) => ({ id, title: tr(title), parts }),
  };
}
