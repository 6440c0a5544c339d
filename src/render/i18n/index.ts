// Messages into text: every catalogue of render/i18n, and the words used inside them.
import type { Messages, Msg, MsgId } from '../../core/messages/index.js';
import { analyses } from './analyses.js';
import { annual } from './annual.js';
import { bulletin } from './bulletin.js';
import type { Catalog, Lang } from './catalog.js';
import { cli } from './cli.js';
import { diagnostics } from './diagnostics.js';
import { grade } from './grade.js';
import { history } from './history.js';
import { ingest } from './ingest.js';
import { ledger } from './ledger.js';
import { merge } from './merge.js';
import { RULE_TEXTS } from '../../core/messages/rules.js';
import { INTAKE_TEXTS } from '../../core/messages/intake.js';
import { show } from './show.js';
import { stars } from './stars.js';
import { status } from './status.js';
import { web } from './web.js';
import { workbook } from './workbook.js';
import { WORDS } from './words.js';
import { fieldLabel } from '../../core/columns.js';
import { printable } from '../../core/text.js';

export type { Lang } from './catalog.js';

const CATALOG: Catalog<Messages> = {
  ...analyses,
  ...annual,
  ...bulletin,
  ...cli,
  ...diagnostics,
  ...grade,
  ...history,
  ...ingest,
  ...INTAKE_TEXTS,
  ...ledger,
  ...merge,
  ...RULE_TEXTS,
  ...show,
  ...stars,
  ...status,
  ...web,
  ...workbook,
};

// Parameters that name a kind of thing or value are words to translate.
const WORD_PARAMS = new Set([
  'what',
  'expected',
  'actual',
  'grade',
  'from',
  'to',
  'max',
  'need',
  'previous',
  'movement',
  'dimension',
  'date_field',
  'other_field',
  'state',
  'role',
]);

// Parameters naming a record's field: Chinese text gives its sheet header, with the name a YAML file writes.
const FIELD_PARAMS = new Set(['field', 'needs']);

/** A field as Chinese text names it: its sheets' header (a YAML file's key is in the diagnostic's path and source line). */
function labelled(field: string): string {
  return fieldLabel(null, field) ?? field;
}

/** The text of message `id` with `params`, in `lang`. */
export function t<K extends MsgId>(lang: Lang, id: K, ...params: {} extends Messages[K] ? [Messages[K]?] : [Messages[K]]): string {
  return text(lang, id, params[0]);
}

/** The text of a message carried as data (a diagnostic's, an explanation's). */
export function tm(lang: Lang, m: Msg): string {
  return text(lang, m.id, m.params);
}

function text(lang: Lang, id: MsgId, params: object | undefined): string {
  const flat: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    // Alternatives offered are read as "A, B or C"; other lists are reasons, one after another.
    if (Array.isArray(v)) flat[k] = (v as Msg[]).map((m) => tm(lang, m)).join(k === 'hint' ? (lang === 'zh' ? '、' : ' or ') : lang === 'zh' ? '；' : '; ');
    else if (k === 'grades' && typeof v === 'string')
      flat[k] = v
        .split('/')
        .map((g) => word(lang, g))
        .join('/');
    // Sections named together (reviews/points): each its word, as a list.
    else if (k === 'sections' && typeof v === 'string')
      flat[k] = v
        .split('/')
        .map((x) => word(lang, x))
        .join(lang === 'zh' ? '、' : ', ');
    else if (FIELD_PARAMS.has(k) && lang === 'zh' && typeof v === 'string') flat[k] = labelled(v);
    else if (WORD_PARAMS.has(k) && typeof v === 'string') flat[k] = word(lang, v);
    // A value from the command line or the data is shown, never obeyed: an ESC in --org must not rewrite the terminal.
    else flat[k] = typeof v === 'string' ? printable(v) : (v as number);
  }
  return (CATALOG[id][lang] as (p: Record<string, string | number>) => string)(flat);
}

/** A date as a notice writes it: 2011年8月15日, 15 August 2011. */
export const longDate = (lang: Lang, iso: string): string =>
  t(lang, 'bulletin_date', { y: iso.slice(0, 4), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) });

/** Words used inside messages: types, record kinds, enum labels. */
export function word(lang: Lang, key: string): string {
  return WORDS[key]?.[lang] ?? key;
}
