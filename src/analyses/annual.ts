// 年度评议与表彰 (SPEC §2 "Annual review"): pure — a year's quarterly grades,
// star ratings, monthly quotas and ledger in, each org's and member's year,
// the award candidates with every criterion that decided them, and the grade
// distribution against the previous year out. No I/O, no printing.
import { LEADS, type Grade, type Member, type Org, type Points, type Problem, type Source } from '../core/model.js';
import type { Rules } from '../core/rules.js';
import type { Msg } from '../core/messages/index.js';
import { rank, type Movement, type OrgGrade } from './grade.js';
import { stateAt } from './ledger.js';
import { groupBy } from '../core/collections.js';
import { scoreMember } from './stars.js';

/** One quarter of the year as the quarterly analyses left it: its orgs' grades (none without reviews) and its benchmark branches. */
export interface AnnualQuarter {
  period: string;
  grades: OrgGrade[];
  benchmark: Set<string>;
}

/** A member's quarters so far: kept instead of the points records, which a city cannot hold for four quarters. */
export interface MemberTally {
  /** Stars in each quarter with points. */
  stars: Record<string, number>;
  points: number;
  reds: number;
  discipline: number;
  /** The first points record of the year: where the tally starts. */
  src: Source;
}

/** One member's tally from its own quarters: each with its points record and whether it was a red star. */
export function tallyOf(quarters: { period: string; points: Points; red: boolean }[], rules: Rules): MemberTally | undefined {
  const tally = new Map<string, MemberTally>();
  for (const q of quarters) {
    tallyQuarter(tally, q.period, [q.points], new Set(q.red ? [q.points.member] : []), rules);
  }
  return tally.values().next().value;
}

/** Adds one quarter's points to `tally`, member by member; `red`: the quarter's red-star members. */
export function tallyQuarter(tally: Map<string, MemberTally>, period: string, points: Iterable<Points>, red: ReadonlySet<string>, rules: Rules): void {
  for (const p of points) {
    let t = tally.get(p.member);
    if (!t) tally.set(p.member, (t = { stars: {}, points: 0, reds: 0, discipline: 0, src: p.src }));
    addPoints(t, period, p, red, rules);
  }
}

/** One quarter's points record added to its member's tally. */
function addPoints(t: MemberTally, period: string, p: Points, red: ReadonlySet<string>, rules: Rules): void {
  const s = scoreMember(p, rules);
  t.stars[period] = s.stars;
  for (const lead of LEADS) t.points += s.scores[lead];
  if (red.has(p.member)) t.reds++;
  for (const d of p.deductions) if (d.dimension === 'discipline') t.discipline++;
}

/**
 * Each listed member's year made as the members and their points are read,
 * none held (a city's 750,000: `annual --all --format json`): `members` as at
 * the year's placing quarter and `points` of the year's rated quarters, both
 * in order of member id (points by quarter within a member); `reds`: each
 * rated quarter's red stars. The same years as memberYears() gives.
 */
export function* eachMemberYear(
  members: Iterable<Member>,
  points: Iterator<Points>,
  reds: ReadonlyMap<string, ReadonlySet<string>>,
  branches: ReadonlySet<string>,
  moves: ReadonlyMap<string, Record<string, string>>,
  rules: Rules,
): Generator<MemberYear> {
  let p = points.next();
  for (const m of members) {
    while (!p.done && p.value.member < m.id) p = points.next();
    let t: MemberTally | undefined;
    for (; !p.done && p.value.member === m.id; p = points.next()) {
      const red = reds.get(p.value.period);
      if (red === undefined) continue; // a quarter the year does not rate
      t ??= { stars: {}, points: 0, reds: 0, discipline: 0, src: p.value.src };
      addPoints(t, p.value.period, p.value, red, rules);
    }
    if (m.active && branches.has(m.org)) yield memberYear(m, t, moves.get(m.id));
  }
}

export interface AnnualInput {
  year: string;
  orgs: Org[];
  members: Member[];
  quarters: AnnualQuarter[];
  /** Each member's quarters of the year with points (tallyQuarter). */
  tally: Map<string, MemberTally>;
  /** The members who were in another branch in some quarter of the year than the one the year places them in: their branch each quarter. */
  moves?: Map<string, Record<string, string>>;
  /** For each month of the year with reports, the orgs that met its quota; a month without is a month missed. */
  monthsMet: Set<string>[];
  /** The ledger's problems found by the year's end. */
  problems: Problem[];
  /** Each org's final grade in its last graded quarter of the previous year. */
  previous: Map<string, Grade>;
  /** --org: the subtree listed and counted for the quotas; null for all. */
  within: Set<string> | null;
  /**
   * Each org's active members counted, when `members` holds only those who
   * can qualify (a red star in enough quarters, or a secretary): the quotas
   * and the count are of every member. Absent: `members` is every member.
   */
  population?: Map<string, { members: number; probationary: number; secretaries: number }>;
  rules: Rules;
}

/** One criterion of a candidacy: its value, what it needs, whether it passed, where it came from. */
export interface Criterion {
  msg: Msg;
  pass: boolean;
  src?: Source;
}

export interface OrgYear {
  org: string;
  name: string;
  type: Org['type'];
  quarters: Record<string, Grade | 'ungraded'>;
  graded_quarters: number;
  good_quarters: number;
  months_met: number;
  benchmark_quarters: number;
  problems: number;
  problems_closed: number;
  supervised: number;
  movement: Movement | null;
  /** The mean composite over the graded quarters: the rank among candidates. */
  mean_composite: number | null;
  criteria: Criterion[];
}

export interface MemberYear {
  member: string;
  name: string;
  org: string;
  role: Member['role'];
  red_star_quarters: number;
  stars_total: number;
  points_total: number;
  discipline_deductions: number;
  /** Stars in each quarter of the year with points. */
  stars_by_quarter: Record<string, number>;
  /** Where its record starts: the member, and its first points record of the year. */
  src: Source;
  points_src: Source | null;
  /** For a member who moved during the year, its branch in each quarter (else `org`'s in every one). */
  quarter_orgs?: Record<string, string>;
}

export type AwardKind = 'advanced_org' | 'excellent_member' | 'excellent_worker';

export interface Annual {
  year: string;
  orgs: OrgYear[];
  /** Every member's year, or (AnnualInput.population) only those who could qualify. */
  members: MemberYear[];
  /** How many members the year counts: active, in the branches listed. */
  member_total: number;
  candidates: Record<AwardKind, string[]>;
  reserves: Record<AwardKind, string[]>;
  /** How many may be proposed, per award. */
  quotas: Record<AwardKind, number>;
  /** What each quota is a share of: the active branches, their active members not probationary, their active secretaries. */
  bases: Record<AwardKind, number>;
  distribution: { this_year: Record<Grade | 'ungraded', number>; previous_year: Record<Grade | 'ungraded', number> };
}

const emptyCounts = (): Record<Grade | 'ungraded', number> => ({ good: 0, fair: 0, average: 0, poor: 0, ungraded: 0 });

/** The year's results by org: each quarter's grades and benchmark verdicts, each month's quota (a city has 30,000 orgs: looked up, not searched). */
interface Index {
  grades: { period: string; of: Map<string, OrgGrade> }[];
  benchmark: Set<string>[];
  met: Set<string>[];
}

function indexOf(input: AnnualInput): Index {
  return {
    grades: input.quarters.map((q) => ({ period: q.period, of: new Map(q.grades.map((g) => [g.org, g])) })),
    benchmark: input.quarters.map((q) => q.benchmark),
    met: input.monthsMet,
  };
}

/** The orgs of the year: each active branch, and each active committee with a review in the year. */
function orgYears(input: AnnualInput): OrgYear[] {
  const ix = indexOf(input);
  const reviewed = new Set(input.quarters.flatMap((q) => q.grades.filter((g) => g.grade !== 'ungraded').map((g) => g.org)));
  const end = `${input.year}-12-31`;
  const problemsOf = groupBy(input.problems, (p) => p.org);
  return input.orgs
    .filter((o) => o.active && (o.type === 'branch' || reviewed.has(o.code)) && (input.within === null || input.within.has(o.code)))
    .map((o) => orgYear(o, input, ix, problemsOf.get(o.code) ?? [], end));
}

function orgYear(o: Org, input: AnnualInput, ix: Index, problems: Problem[], end: string): OrgYear {
  const quarters: Record<string, Grade | 'ungraded'> = {};
  const composites: number[] = [];
  let last: Grade | null = null;
  for (const { period, of } of ix.grades) {
    const g = of.get(o.code);
    quarters[period] = g?.grade ?? 'ungraded';
    if (g && g.grade !== 'ungraded') {
      last = g.grade;
      if (g.composite !== null) composites.push(g.composite);
    }
  }
  const graded = Object.values(quarters).filter((g) => g !== 'ungraded');
  const states = problems.map((p) => stateAt(p, end, input.rules));
  const found = states.filter((s) => s.problem.found >= `${input.year}-01-01`);
  const prev = input.previous.get(o.code) ?? null;
  const year: OrgYear = {
    org: o.code,
    name: o.name,
    type: o.type,
    quarters,
    graded_quarters: graded.length,
    good_quarters: graded.filter((g) => g === 'good').length,
    months_met: ix.met.filter((m) => m.has(o.code)).length,
    benchmark_quarters: ix.benchmark.filter((b) => b.has(o.code)).length,
    problems: found.length,
    problems_closed: found.filter((s) => s.closedAt).length,
    supervised: states.filter((s) => s.supervised).length,
    movement: last === null ? null : prev === null ? 'new' : rank(last) < rank(prev) ? 'up' : rank(last) > rank(prev) ? 'down' : 'same',
    mean_composite: composites.length ? composites.reduce((a, b) => a + b, 0) / composites.length : null,
    criteria: [],
  };
  if (o.type === 'branch') year.criteria = orgCriteria(year, input.rules);
  return year;
}

/** 先进基层党组织: each criterion of SPEC §2 with its value and what it needs. */
function orgCriteria(y: OrgYear, rules: Rules): Criterion[] {
  const a = rules.annual;
  return [
    { msg: { id: 'yr_c_graded', params: { n: y.graded_quarters, need: a.min_graded_quarters } }, pass: y.graded_quarters >= a.min_graded_quarters },
    {
      msg: { id: 'yr_c_all_good', params: { good: y.good_quarters, graded: y.graded_quarters } },
      pass: y.graded_quarters > 0 && y.good_quarters === y.graded_quarters,
    },
    { msg: { id: 'yr_c_benchmark', params: { n: y.benchmark_quarters, need: a.benchmark_quarters } }, pass: y.benchmark_quarters >= a.benchmark_quarters },
    { msg: { id: 'yr_c_months', params: { n: y.months_met, need: a.months_met } }, pass: y.months_met >= a.months_met },
    { msg: { id: 'yr_c_supervised', params: { n: y.supervised } }, pass: y.supervised === 0 },
  ];
}

/** Each active member of an active branch, over the quarters with points. */
function memberYears(input: AnnualInput, orgs: OrgYear[]): MemberYear[] {
  const branches = new Map(orgs.filter((o) => o.type === 'branch').map((o) => [o.org, o]));
  return input.members.filter((m) => m.active && branches.has(m.org)).map((m) => memberYear(m, input.tally.get(m.id), input.moves?.get(m.id)));
}

export function memberYear(m: Member, t: MemberTally | undefined, moved?: Record<string, string>): MemberYear {
  const stars = t?.stars ?? {};
  return {
    ...(moved ? { quarter_orgs: moved } : {}),
    member: m.id,
    name: m.name,
    org: m.org,
    role: m.role,
    red_star_quarters: t?.reds ?? 0,
    stars_total: Object.values(stars).reduce((x, y) => x + y, 0),
    points_total: Math.round((t?.points ?? 0) * 100) / 100,
    discipline_deductions: t?.discipline ?? 0,
    stars_by_quarter: stars,
    src: m.src,
    points_src: t?.src ?? null,
  };
}

/**
 * 优秀共产党员: each criterion of SPEC §2 with its value. Made when asked (to
 * choose, to explain), not kept: a city has 750,000 members. Its branch's
 * grades are each quarter's branch's, for a member who moved (`branches`:
 * every branch's year by code).
 */
export function memberCriteria(m: MemberYear, branch: OrgYear, rules: Rules, branches: Map<string, OrgYear>): Criterion[] {
  const a = rules.annual;
  const gradeIn = (q: string) => {
    const org = m.quarter_orgs?.[q] ?? branch.org;
    return (org === branch.org ? branch : branches.get(org))?.quarters[q];
  };
  const weak = Object.keys(branch.quarters).filter((q) => gradeIn(q) === 'average' || gradeIn(q) === 'poor').length;
  return [
    { msg: { id: 'yr_c_role', params: { role: `role_${m.role}` } }, pass: m.role !== 'probationary', src: m.src },
    {
      msg: { id: 'yr_c_red', params: { n: m.red_star_quarters, need: a.red_star_quarters } },
      pass: m.red_star_quarters >= a.red_star_quarters,
      ...(m.points_src ? { src: m.points_src } : {}),
    },
    { msg: { id: 'yr_c_discipline', params: { n: m.discipline_deductions } }, pass: m.discipline_deductions === 0 },
    { msg: { id: 'yr_c_branch', params: { org: branch.org, n: weak } }, pass: weak === 0 },
  ];
}

/** 优秀党务工作者, for a secretary (none otherwise): its branch qualifies, and its stars in every quarter with points. */
export function workerCriteria(m: MemberYear, branch: OrgYear, rules: Rules): Criterion[] {
  if (m.role !== 'secretary') return [];
  const a = rules.annual;
  const quarters = Object.values(m.stars_by_quarter);
  const strong = quarters.filter((n) => n >= a.worker_min_stars).length;
  return [
    { msg: { id: 'yr_c_worker_org', params: { org: branch.org } }, pass: branch.criteria.every((c) => c.pass) },
    {
      msg: { id: 'yr_c_worker_stars', params: { n: strong, need: a.worker_points_quarters, stars: a.worker_min_stars } },
      pass: quarters.length >= a.worker_points_quarters && strong === quarters.length,
    },
  ];
}

/** At most max_share of `n`, rounded half up, at least 1. */
const quotaOf = (n: number, share: number) => Math.max(1, Math.floor(n * share + 0.5));

/** The qualified in rank order, the first `quota` candidates, the rest reserves. */
function split<T>(qualified: T[], order: (a: T, b: T) => number, quota: number, key: (x: T) => string): [string[], string[]] {
  const ranked = [...qualified].sort(order).map(key);
  return [ranked.slice(0, quota), ranked.slice(quota)];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function annualReview(input: AnnualInput): Annual {
  const orgs = orgYears(input);
  const members = memberYears(input, orgs);
  const share = input.rules.annual.max_share;
  const branches = orgs.filter((o) => o.type === 'branch');
  const count = counts(members, branches, input.population);
  const quotas = {
    advanced_org: quotaOf(branches.length, share),
    excellent_member: quotaOf(count.eligible, share),
    excellent_worker: quotaOf(count.secretaries, share),
  };
  const [advC, advR] = split(
    branches.filter((o) => o.criteria.every((c) => c.pass)),
    (a, b) => (b.mean_composite ?? 0) - (a.mean_composite ?? 0) || byText(a.org, b.org),
    quotas.advanced_org,
    (o) => o.org,
  );
  const memberOrder = (a: MemberYear, b: MemberYear) => b.stars_total - a.stars_total || b.points_total - a.points_total || byText(a.member, b.member);
  const branchOf = new Map(branches.map((o) => [o.org, o]));
  const passes = (list: Criterion[]) => list.length > 0 && list.every((c) => c.pass);
  const [memC, memR] = split(
    members.filter((m) => passes(memberCriteria(m, branchOf.get(m.org)!, input.rules, branchOf))),
    memberOrder,
    quotas.excellent_member,
    (m) => m.member,
  );
  const [wrkC, wrkR] = split(
    members.filter((m) => passes(workerCriteria(m, branchOf.get(m.org)!, input.rules))),
    memberOrder,
    quotas.excellent_worker,
    (m) => m.member,
  );
  return {
    year: input.year,
    orgs,
    members,
    member_total: count.members,
    candidates: { advanced_org: advC, excellent_member: memC, excellent_worker: wrkC },
    reserves: { advanced_org: advR, excellent_member: memR, excellent_worker: wrkR },
    quotas,
    bases: { advanced_org: branches.length, excellent_member: count.eligible, excellent_worker: count.secretaries },
    distribution: distribution(orgs, input.previous),
  };
}

/** The members the year counts, those who may be excellent members (not probationary), and the secretaries. */
function counts(members: MemberYear[], branches: OrgYear[], population: AnnualInput['population']) {
  if (!population) {
    const eligible = members.filter((m) => m.role !== 'probationary').length;
    return { members: members.length, eligible, secretaries: members.filter((m) => m.role === 'secretary').length };
  }
  const out = { members: 0, eligible: 0, secretaries: 0 };
  for (const b of branches) {
    const c = population.get(b.org);
    if (!c) continue;
    out.members += c.members;
    out.eligible += c.members - c.probationary;
    out.secretaries += c.secretaries;
  }
  return out;
}

/** Each listed org's last graded quarter of the year, and of the year before. */
function distribution(orgs: OrgYear[], previous: Map<string, Grade>): Annual['distribution'] {
  const this_year = emptyCounts();
  const previous_year = emptyCounts();
  for (const o of orgs) {
    const last = [...Object.values(o.quarters)].reverse().find((g) => g !== 'ungraded') ?? 'ungraded';
    this_year[last]++;
    previous_year[previous.get(o.org) ?? 'ungraded']++;
  }
  return { this_year, previous_year };
}
