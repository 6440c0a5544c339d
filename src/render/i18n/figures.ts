// Figures in running text, written as an office writes them (SPEC §3): a
// count with its measure word and no space (25个, "25 organisations"), a part
// of a whole in words (25个中的18个, "18 of 25"), never 18/25, and a list of
// names that is either complete or says it is a selection (其中, "among them").
// `proseFaults` states the same rules as checks, for the tests to run over
// every sentence the bulletin prints.
import type { Lang } from './catalog.js';

/** What is counted: its measure word in Chinese, its noun (singular, plural) in English. */
const UNITS = {
  org: { zh: '个', en: ['organisation', 'organisations'] },
  committee: { zh: '个', en: ['committee', 'committees'] },
  branch: { zh: '个', en: ['branch', 'branches'] },
  member: { zh: '名', en: ['member', 'members'] },
  pledge: { zh: '项', en: ['pledge', 'pledges'] },
  item: { zh: '条', en: ['item', 'items'] },
  typical: { zh: '个', en: ['typical', 'typicals'] },
  point: { zh: '分', en: ['point', 'points'] },
  record: { zh: '条', en: ['points record', 'points records'] },
  problem: { zh: '个', en: ['problem', 'problems'] },
} as const;

export type Unit = keyof typeof UNITS;

export type Figure =
  /** A count: 25个, "25 organisations". */
  | { n: number; unit: Unit }
  /** A part of a whole: 25个中的18个, "18 of 25 organisations". */
  | { part: number; whole: number; unit: Unit }
  /** Names in a sentence: all of them, or the first `max` marked as a selection of how many there are. */
  | { names: readonly string[]; unit: Unit; max: number };

const digits = (lang: Lang, n: number) => (lang === 'en' ? n.toLocaleString('en-US') : String(n));
const noun = (n: number, unit: Unit) => UNITS[unit].en[n === 1 ? 0 : 1];

/** A figure as running text in `lang`. */
export function figure(lang: Lang, f: Figure): string {
  if ('names' in f) {
    const zh = lang === 'zh';
    const sep = zh ? '、' : ', ';
    const last = zh ? '、' : ' and ';
    const join = (xs: readonly string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(sep)}${last}${xs[xs.length - 1]}`);
    if (f.names.length <= f.max) return join(f.names);
    const shown = join(f.names.slice(0, f.max));
    return zh ? `共${figure(lang, { n: f.names.length, unit: f.unit })}，其中有${shown}等` : `${digits(lang, f.names.length)} in all, among them ${shown}`;
  }
  if ('part' in f)
    return lang === 'zh'
      ? `${f.whole}${UNITS[f.unit].zh}中的${f.part}${UNITS[f.unit].zh}`
      : `${digits(lang, f.part)} of ${digits(lang, f.whole)} ${noun(f.whole, f.unit)}`;
  return lang === 'zh' ? `${f.n}${UNITS[f.unit].zh}` : `${digits(lang, f.n)} ${noun(f.n, f.unit)}`;
}

export type ProseFault = 'space' | 'fraction' | 'zero' | 'list';

const HAN = '\\u3400-\\u9fff';
const ZH_RULES: [ProseFault, RegExp][] = [
  ['space', new RegExp(`\\d[ \\t\\u00a0]+[${HAN}]|[${HAN}][ \\t\\u00a0]+\\d`)],
  ['fraction', /\d\s*\/\s*\d/],
  // 有0个, 中有0名: a count of nothing said as if it were something.
  ['zero', /有0[个名项条]|(?<![\d.])0[个名项条](?:[^，。；、]*)达到/],
];
const EN_RULES: [ProseFault, RegExp][] = [
  ['fraction', /\d\s*\/\s*\d/],
  ['zero', /\b0 of \d|(?<![\d.,])0 (?:organisations?|committees?|branches?|members?|pledges?|items?|typicals?) (?:have|has|met|are|is)\b/],
  ['list', /\band others\b/],
];

/** Which of the rules for figures in running text `text` breaks (none: []). */
export function proseFaults(lang: Lang, text: string): ProseFault[] {
  const faults = (lang === 'zh' ? ZH_RULES : EN_RULES).filter(([, re]) => re.test(text)).map(([f]) => f);
  if (lang === 'zh' && listsShort(text)) faults.push('list');
  return faults;
}

/** A Chinese list that ends 等N个 but names fewer or more than N, without 其中. */
function listsShort(text: string): boolean {
  for (const m of text.matchAll(/([^：，。；（]*)等(\d+)[个名项条]/g)) {
    if (/其中/.test(text.slice(0, m.index))) continue;
    if (m[1].split('、').length !== Number(m[2])) return true;
  }
  return false;
}
