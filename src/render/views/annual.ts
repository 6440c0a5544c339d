// `cxzy annual` as a document — the candidates and reserves of each award with
// their records, the grades against the year before, and with --all every
// org's and member's year — and as JSON (SPEC §3 keys); --explain gives every
// criterion of every org and member considered, with pass or fail.
import type { View } from '../formats/index.js';
import { sourceText, type Grade } from '../../core/model.js';
import { memberCriteria, workerCriteria, type Annual, type AwardKind, type Criterion, type MemberYear, type OrgYear } from '../../analyses/annual.js';
import type { Rules } from '../../core/rules.js';
import type { PlainId } from '../../core/messages/index.js';
import { t, tm, word, type Lang } from '../i18n/index.js';
import { GAP, num, para, text, type CellValue, type Doc, type DocSection, type Part } from '../doc.js';
import { GRADES } from '../../core/model.js';
import { GRADE_COLORS } from './bulletin-attachments.js';
import { punct } from '../i18n/punctuation.js';
import { Listed, Written } from '../formats/json.js';
import { memberYearJson } from './annual-parts.js';

const AWARDS: AwardKind[] = ['advanced_org', 'excellent_member', 'excellent_worker'];

function table(ids: PlainId[], rows: CellValue[][], lang: Lang, right: number[] = []): Part {
  return {
    kind: 'table',
    table: { headers: ids.map((k) => t(lang, k)), rows, align: ids.map((_, i) => (right.includes(i) ? 'right' : 'left')), none: t(lang, 'yr_none') },
  };
}

const orgRow = (o: OrgYear, lang: Lang): CellValue[] => [
  text(o.org),
  text(o.name),
  num(o.graded_quarters),
  num(o.good_quarters),
  num(o.months_met),
  num(o.benchmark_quarters),
  num(o.problems),
  num(o.problems_closed),
  num(o.supervised),
  text(o.movement ? word(lang, o.movement) : '—'),
  o.mean_composite === null ? null : num(o.mean_composite, 1),
];
const ORG_IDS: PlainId[] = [
  'yr_h_org',
  'yr_h_name',
  'yr_h_graded',
  'yr_h_good',
  'yr_h_months',
  'yr_h_benchmark',
  'yr_h_problems',
  'yr_h_closed',
  'yr_h_supervised',
  'yr_h_movement',
  'yr_h_mean',
];
const memberRow = (m: MemberYear): CellValue[] => [
  text(m.member),
  text(m.name),
  text(m.org),
  num(m.red_star_quarters),
  num(m.stars_total),
  num(m.points_total, 1),
  num(m.discipline_deductions),
];
const MEMBER_IDS: PlainId[] = ['yr_h_member', 'yr_h_name', 'yr_h_org', 'yr_h_red', 'yr_h_stars', 'yr_h_points', 'yr_h_discipline'];

/** One award's candidates then reserves, each with the record that made them. */
function award(a: Annual, kind: AwardKind, lang: Lang): DocSection {
  // A set: a city proposes tens of thousands of members.
  const proposed = new Set(a.candidates[kind]);
  const [yes, no] = [text(t(lang, 'yr_candidate'), 'ok'), text(t(lang, 'yr_reserve_one'), 'muted')];
  const status = (id: string) => (proposed.has(id) ? yes : no);
  const ids = [...a.candidates[kind], ...a.reserves[kind]];
  if (kind === 'advanced_org') {
    const of = new Map(a.orgs.map((o) => [o.org, o]));
    const rows = ids.map((id) => [status(id), ...orgRow(of.get(id)!, lang)]);
    return { id: kind, title: t(lang, 'yr_advanced_org'), parts: [table(['yr_h_status', ...ORG_IDS], rows, lang, [3, 4, 5, 6, 7, 8, 9, 11]), GAP] };
  }
  // Only the members named: a city's year has 750,000.
  const named = new Set(ids);
  const of = new Map(a.members.flatMap((m) => (named.has(m.member) ? [[m.member, m] as const] : [])));
  const rows = ids.map((id) => [status(id), ...memberRow(of.get(id)!)]);
  return {
    id: kind,
    title: t(lang, kind === 'excellent_member' ? 'yr_excellent_member' : 'yr_excellent_worker'),
    parts: [table(['yr_h_status', ...MEMBER_IDS], rows, lang, [4, 5, 6, 7]), GAP],
  };
}

/** The grades this year and last, as two bars of the grades' colours (a table where there is no drawing). */
function distribution(a: Annual, lang: Lang): DocSection {
  const grades: (Grade | 'ungraded')[] = [...GRADES, 'ungraded'];
  const title = t(lang, 'yr_distribution', { year: a.year, previous: Number(a.year) - 1 });
  const bar = (label: string, counts: Record<Grade | 'ungraded', number>) => ({
    label,
    segments: grades.map((g) => ({ name: word(lang, g), value: counts[g], color: GRADE_COLORS[g] })),
  });
  const chart = {
    id: 'distribution',
    caption: title,
    label: t(lang, 'yr_h_year'),
    bars: [bar(t(lang, 'yr_h_this'), a.distribution.this_year), bar(t(lang, 'yr_h_previous'), a.distribution.previous_year)],
    none: t(lang, 'yr_none'),
  };
  return { id: 'distribution', title, parts: [{ kind: 'chart', chart }] };
}

/** Each criterion as one line: pass or fail, what it says, where it came from. */
const criteriaParts = (head: string, list: Criterion[], lang: Lang): Part[] => [
  para(head, 'strong'),
  ...list.map((c) =>
    para(`  ${t(lang, c.pass ? 'yr_pass' : 'yr_fail')}　${tm(lang, c.msg)}${c.src ? `  (${sourceText(c.src)})` : ''}`, c.pass ? undefined : 'muted'),
  ),
];

function explain(a: Annual, lang: Lang, rules: Rules): DocSection {
  const verdict = (ok: boolean) => t(lang, ok ? 'yr_pass' : 'yr_fail');
  const branchOf = new Map(a.orgs.map((o) => [o.org, o]));
  const parts: Part[] = [
    ...a.orgs
      .filter((o) => o.criteria.length)
      .flatMap((o) =>
        criteriaParts(t(lang, 'yr_explain_org', { org: o.org, name: o.name, verdict: verdict(o.criteria.every((c) => c.pass)) }), o.criteria, lang),
      ),
    ...a.members.flatMap((m) => {
      const branch = branchOf.get(m.org)!;
      const [mine, worker] = [memberCriteria(m, branch, rules, branchOf), workerCriteria(m, branch, rules)];
      const head = (award: 'yr_excellent_member' | 'yr_excellent_worker', list: Criterion[]) =>
        t(lang, 'yr_explain_member', { member: m.member, name: m.name, award: t(lang, award), verdict: verdict(list.every((c) => c.pass)) });
      return [
        ...criteriaParts(head('yr_excellent_member', mine), mine, lang),
        ...(worker.length ? criteriaParts(head('yr_excellent_worker', worker), worker, lang) : []),
      ];
    }),
  ];
  return { id: 'explain', title: '', parts };
}

/** `all`: every org's and member's year too; `why`: every criterion. */
function annualDoc(a: Annual, lang: Lang, opts: { all: boolean; explain: boolean; rules: Rules }): Doc {
  const c = a.candidates;
  const summary = t(lang, 'yr_summary', {
    orgs: a.orgs.length,
    members: a.member_total,
    adv: c.advanced_org.length,
    adv_q: a.quotas.advanced_org,
    mem: c.excellent_member.length,
    mem_q: a.quotas.excellent_member,
    mem_base: a.bases.excellent_member,
    share: Math.round(opts.rules.annual.max_share * 1000) / 10,
    wrk: c.excellent_worker.length,
    wrk_q: a.quotas.excellent_worker,
  });
  const sections: DocSection[] = [
    { id: 'annual', title: t(lang, 'yr_title', { year: a.year }), parts: [para(summary), GAP] },
    ...AWARDS.map((k) => award(a, k, lang)),
    distribution(a, lang),
  ];
  if (opts.all) {
    sections.push({
      id: 'orgs',
      title: t(lang, 'yr_orgs'),
      parts: [
        table(
          ORG_IDS,
          a.orgs.map((o) => orgRow(o, lang)),
          lang,
          [2, 3, 4, 5, 6, 7, 8, 10],
        ),
      ],
    });
    sections.push({ id: 'members', title: t(lang, 'yr_members'), parts: [table(MEMBER_IDS, a.members.map(memberRow), lang, [3, 4, 5, 6])] });
  } else sections.push({ id: 'hint', title: '', parts: [GAP, para(t(lang, 'yr_all_hint'), 'muted')] });
  if (opts.explain) sections.push(explain(a, lang, opts.rules));
  return { lang, title: t(lang, 'yr_title', { year: a.year }), sections };
}

const criteriaJson = (list: Criterion[], lang: Lang) =>
  list.map((c) => ({ code: c.msg.id, message: tm(lang, c.msg), pass: c.pass, ...(c.src ? { source: c.src } : {}) }));

/** `members`: the members' years to list, made as they are written (annualListView); else the review's own. */
function annualJson(a: Annual, lang: Lang, explainAll: boolean, rules: Rules, members: Iterable<MemberYear> | Written = a.members) {
  const branchOf = new Map(a.orgs.map((o) => [o.org, o]));
  return {
    year: a.year,
    orgs: a.orgs.map((o) => ({
      org: o.org,
      name: o.name,
      quarters: o.quarters,
      graded_quarters: o.graded_quarters,
      good_quarters: o.good_quarters,
      months_met: o.months_met,
      benchmark_quarters: o.benchmark_quarters,
      problems: o.problems,
      problems_closed: o.problems_closed,
      supervised: o.supervised,
      movement: o.movement,
      mean_composite: o.mean_composite,
      ...(explainAll ? { criteria: criteriaJson(o.criteria, lang) } : {}),
    })),
    members:
      members instanceof Written
        ? members
        : new Listed(members, (m) => ({
            ...memberYearJson(m),
            ...(explainAll
              ? {
                  criteria: criteriaJson(memberCriteria(m, branchOf.get(m.org)!, rules, branchOf), lang),
                  worker_criteria: criteriaJson(workerCriteria(m, branchOf.get(m.org)!, rules), lang),
                }
              : {}),
          })),
    candidates: a.candidates,
    reserves: a.reserves,
    quotas: a.quotas,
    bases: a.bases,
    distribution: a.distribution,
  };
}

/** An org's year as `show` gives it: its grade each quarter, its figures, and the criteria of 先进基层党组织 for a branch. */
export function orgYearParts(y: OrgYear, lang: Lang): Part[] {
  const quarters = Object.entries(y.quarters).map(([p, g]) => `${p} ${word(lang, g)}`);
  return [
    para(
      t(lang, 'yr_sh_org', {
        quarters: quarters.join(punct(lang, 'list')),
        months: y.months_met,
        benchmark: y.benchmark_quarters,
        problems: y.problems,
        closed: y.problems_closed,
        supervised: y.supervised,
        movement: y.movement ? word(lang, y.movement) : '—',
      }),
    ),
    ...(y.criteria.length
      ? criteriaParts(t(lang, 'yr_sh_award', { verdict: t(lang, y.criteria.every((c) => c.pass) ? 'yr_pass' : 'yr_fail') }), y.criteria, lang)
      : []),
  ];
}

/** A member's year as `show` gives it. */
export function memberYearParts(y: MemberYear, lang: Lang): Part[] {
  return [para(t(lang, 'yr_sh_member', { red: y.red_star_quarters, stars: y.stars_total, points: y.points_total, discipline: y.discipline_deductions }))];
}

/** What annual shows: the year of each org and member, with the candidates. */
export const annualView = (a: Annual, lang: Lang, opts: { all: boolean; explain: boolean; rules: Rules }): View => ({
  data: () => annualJson(a, lang, opts.explain, opts.rules),
  doc: () => annualDoc(a, lang, opts),
});

/**
 * The same of a year too long to hold: its JSON lists every member's year as
 * it is made (`stream`: the contenders' review and every member's year); its
 * document is made from the whole review (`whole`).
 */
export const annualListView = (
  list: () => { annual: Annual; members: Iterable<MemberYear> | Written },
  whole: () => Annual,
  lang: Lang,
  opts: { all: boolean; explain: boolean; rules: Rules },
): View => ({
  data: () => {
    const { annual, members } = list();
    return annualJson(annual, lang, opts.explain, opts.rules, members);
  },
  doc: () => annualDoc(whole(), lang, opts),
});
