// 积分评星 as a document: the member table, then the named red stars,
// benchmark branches and flag committees with why each qualified or missed;
// and its JSON (SPEC §3 keys).
import type { View } from '../formats/index.js';
import type { MemberStars, StarsResult, StarsVerdicts, Verdict } from '../../analyses/stars.js';
import { LEADS } from '../../core/model.js';
import { t, word, type Lang } from '../i18n/index.js';
import { GAP, num, para, text, type CellValue, type Doc, type Part } from '../doc.js';
import { explainJson, explainParts } from './explain.js';
import { Later, Listed, Written } from '../formats/json.js';
import { memberJson, type StarsRuns } from './stars-parts.js';
import { MEMBERS_INDENT } from './runs.js';
import { punct } from '../i18n/punctuation.js';
import type { CommitteeStars, StarsSummary } from '../../analyses/stars-summary.js';

/** `members: false` leaves out the member table (the demo shows only who qualified). */
export function starsDoc(s: StarsResult, lang: Lang, members = true): Doc {
  const headers = [
    t(lang, 'st_member'),
    t(lang, 'st_name'),
    t(lang, 'st_org'),
    ...LEADS.map((l) => word(lang, `head_${l}`)),
    t(lang, 'st_stars'),
    t(lang, 'st_red'),
  ];
  const yes = t(lang, 'yes');
  // Each row is built when asked for: a city lists 750,000 members, too many to hold as rows.
  const rows = {
    *[Symbol.iterator](): Generator<CellValue[]> {
      for (const m of s.members) {
        yield [text(m.member), text(m.name), text(m.org), ...LEADS.map((l) => num(m.scores[l])), { t: 'stars', v: m.stars }, text(m.red_star ? yes : '')];
      }
    },
  };
  const parts: Part[] = [];
  if (members)
    parts.push(
      { kind: 'table', table: { headers, rows, align: ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'left', 'left'], shrink: [1] } },
      GAP,
    );
  const reds = s.members.filter((m) => m.red_star);
  parts.push(para(t(lang, 'st_members_n', { n: s.members.length, red: reds.length })));
  const sep = punct(lang, 'list');
  parts.push(para(`${t(lang, 'st_red_list')}${punct(lang, 'colon')}${reds.map((m) => `${m.name}（${m.org}）`).join(sep) || t(lang, 'st_none')}`));
  if (s.pending) parts.push(GAP, para(t(lang, 'st_pending', { period: s.period }), 'warn'));
  parts.push(...verdictParts(s, lang));
  return { lang, sections: [{ id: 'stars', title: t(lang, 'st_title', { period: s.period }), parts }] };
}

/** The benchmark branches and flag committees, each with why it qualified or which condition it missed. */
function verdictParts(s: StarsResult, lang: Lang): Part[] {
  const parts: Part[] = [];
  const verdicts = (title: string, list: Verdict[]) => {
    if (list.length === 0) return; // a subtree without branches (or committees) has none to name
    parts.push(GAP, { kind: 'heading', text: title });
    for (const v of list) {
      const mark = v.qualified ? { text: `✔ ${t(lang, 'qualified')}`, tone: 'ok' as const } : { text: `✘ ${t(lang, 'not_qualified')}`, tone: 'muted' as const };
      parts.push({ kind: 'para', spans: [{ text: `${v.code} ${v.name}  ` }, mark] }, ...explainParts(v.explain, lang));
    }
  };
  verdicts(t(lang, 'st_benchmark'), s.benchmark);
  verdicts(t(lang, 'st_flag'), s.flag);
  return parts;
}

/**
 * The terminal's view of a city's rating: per committee, the members rated,
 * red stars and benchmark branches; the red-star members; the benchmark
 * branches and flag committees; and how to see every member. `s` may have
 * rated only the red-star candidates; `total`: the members rated.
 */
export function starsSummaryDoc(s: StarsResult, committees: CommitteeStars[], total: number, lang: Lang): Doc {
  const red = s.members.filter((m) => m.red_star);
  const parts: Part[] = [
    para(t(lang, 'st_members_n', { n: total, red: red.length })),
    GAP,
    { kind: 'heading', text: t(lang, 'st_by_committee') },
    {
      kind: 'table',
      table: {
        headers: [t(lang, 'st_h_committee'), t(lang, 'bulletin_h_name'), t(lang, 'st_h_rated'), t(lang, 'st_red_list'), t(lang, 'st_h_benchmark')],
        rows: committees.map((c) => [text(c.code), text(c.name), num(c.rated), num(c.red), num(c.benchmark)]),
        align: ['left', 'left', 'right', 'right', 'right'],
        shrink: [1],
      },
    },
    GAP,
    { kind: 'heading', text: t(lang, 'st_red_list') },
    {
      kind: 'table',
      table: {
        headers: [t(lang, 'st_member'), t(lang, 'st_name'), t(lang, 'st_org'), t(lang, 'st_stars')],
        rows: {
          *[Symbol.iterator]() {
            for (const m of red) yield [text(m.member), text(m.name), text(m.org), { t: 'stars', v: m.stars }] as CellValue[];
          },
        },
        none: t(lang, 'st_none'),
      },
    },
  ];
  if (s.pending) parts.push(GAP, para(t(lang, 'st_pending', { period: s.period }), 'warn'));
  // Who qualified, by name; why each candidate did or did not is in --all.
  const qualified = (title: string, list: Verdict[]) => {
    const named = list.filter((v) => v.qualified);
    parts.push(
      GAP,
      { kind: 'heading', text: title },
      {
        kind: 'table',
        table: {
          headers: [t(lang, 'bulletin_h_org'), t(lang, 'bulletin_h_name')],
          rows: named.map((v) => [text(v.code), text(v.name)]),
          none: t(lang, 'st_none'),
        },
      },
    );
  };
  if (!s.pending) {
    qualified(t(lang, 'st_benchmark'), s.benchmark);
    qualified(t(lang, 'st_flag'), s.flag);
  }
  parts.push(GAP, para(t(lang, 'st_summarised', { n: total }), 'warn'));
  return { lang, sections: [{ id: 'stars', title: t(lang, 'st_title', { period: s.period }), parts }] };
}

/** The summary of a rating past SUMMARY_PAST members: per committee, the red stars, the qualified branches and committees. */
export const starsSummaryView = ({ s, committees, total }: StarsSummary, lang: Lang): View => ({
  data: () => ({
    period: s.period,
    members_rated: total,
    committees,
    red_stars: s.members.filter((m) => m.red_star).map((m) => ({ member: m.member, name: m.name, org: m.org, stars: m.stars })),
    benchmark: s.pending ? null : s.benchmark.filter((v) => v.qualified).map((v) => v.code),
    flag: s.pending ? null : s.flag.filter((v) => v.qualified).map((v) => v.code),
  }),
  doc: () => starsSummaryDoc(s, committees, total, lang),
});

/** What a rating's JSON is made from: its members, written as they come (or already written), then its verdicts, asked for after them. */
interface Rated {
  period: string;
  members: Iterable<MemberStars> | Written;
  verdicts(): StarsVerdicts;
}

function starsJson(r: Rated, lang: Lang) {
  const verdict = (v: Verdict) => ({ code: v.code, name: v.name, qualified: v.qualified, why: explainJson(v.explain, lang) });
  let known: StarsVerdicts | undefined;
  const later = <T>(f: (v: StarsVerdicts) => T) => new Later(() => f((known ??= r.verdicts())));
  return {
    period: r.period,
    members: r.members instanceof Written ? r.members : new Listed(r.members, memberJson),
    benchmark_branches: later((v) => v.benchmark.filter((b) => b.qualified).map((b) => b.code)),
    flag_committees: later((v) => v.flag.filter((f) => f.qualified).map((f) => f.code)),
    grading_pending: later((v) => v.pending),
    benchmark_candidates: later((v) => v.benchmark.map(verdict)),
    flag_candidates: later((v) => v.flag.map(verdict)),
  };
}

/** What stars shows: every member's stars and the verdicts. */
export const starsView = (s: StarsResult, lang: Lang): View => ({
  data: () => starsJson({ period: s.period, members: s.members, verdicts: () => s }, lang),
  doc: () => starsDoc(s, lang),
});

/**
 * The same of a rating too long to hold: its JSON rates the members as it
 * writes them (`stream`); its document, which counts them before it lists
 * them, is made from the whole rating (`whole`).
 */
export const starsListView = (list: () => StarsRuns, whole: () => StarsResult, lang: Lang): View => ({
  data: () => {
    const l = list();
    return starsJson({ period: l.period, members: new Written(l.runs, MEMBERS_INDENT), verdicts: () => l.verdicts() }, lang);
  },
  doc: () => starsDoc(whole(), lang),
});
