// 积分评星 (SPEC §2): member stars and red stars, benchmark branches and flag
// committees — each with the reasons it qualified or which condition it missed.
import type { Lead, MemberPoints, Org, Points, Source, Typical } from '../core/model.js';
import { LEADS } from '../core/model.js';
import type { Rules } from '../core/rules.js';
import { groupBy } from '../core/collections.js';
import { pct } from '../core/numbers.js';
import { OrgTree } from '../core/tree.js';
import { satisfaction, type Because, type Grading } from './grade.js';

export interface MemberStars {
  member: string;
  name: string;
  org: string;
  scores: Record<Lead, number>;
  stars: number;
  satisfaction: number | null;
  red_star: boolean;
  /** The points record the scores come from. */
  src: Source;
}

export interface Verdict {
  code: string;
  name: string;
  qualified: boolean;
  explain: Because[];
}

export interface StarsResult {
  period: string;
  members: MemberStars[];
  benchmark: Verdict[];
  flag: Verdict[];
  /** The quarter is not graded yet: members are rated, benchmark branches and flag committees wait for the grades. */
  pending: boolean;
}

/**
 * `points` are read first, once; the fields after them are read once each,
 * after the points: a caller may give them as getters, to read them while
 * the points are rated (services.ts).
 */
export interface StarsInput {
  period: string;
  orgs: Org[];
  /** The period's points records, each with its member's name, org and status. */
  points: Iterable<MemberPoints>;
  /** Active members per org, with or without points: what the red-star share is of. */
  activeMembers: Map<string, number>;
  /** Null while the quarter has no reviews. */
  grading: Grading | null;
  /** How many months of the quarter each org met the report quota in. */
  monthsMet: Map<string, number>;
  typicals: Typical[];
  rules: Rules;
}

export function scoreMember(p: Points, rules: Rules): { scores: Record<Lead, number>; stars: number } {
  // One pass and no arrays: a city's year scores three million points records.
  const scores = { study: p.study, excel: p.excel, service: p.service, discipline: p.discipline, integrity: p.integrity };
  for (const d of p.deductions) scores[d.dimension] -= d.points;
  let stars = 0;
  for (const lead of LEADS) {
    if (scores[lead] < 0) scores[lead] = 0;
    if (scores[lead] >= rules.stars.star_min) stars++;
  }
  return { scores, stars };
}

/** `p` rated, or null for a member left out: inactive, or of an org that is not active. */
function rateMember(p: MemberPoints, rules: Rules, activeOrgs: Map<string, Org>): MemberStars | null {
  if (!p.active || !activeOrgs.has(p.org)) return null;
  const { scores, stars } = scoreMember(p, rules);
  const sat = p.masses ? satisfaction(p.masses) : null;
  const rs = rules.stars.red_star;
  const red = stars >= rs.stars && (sat === null || sat >= rs.satisfaction);
  return { member: p.member, name: p.name, org: p.org, scores, stars, satisfaction: sat, red_star: red, src: p.src };
}

/**
 * A rating made as its members are read, for a list too long to hold (a
 * city's 750,000): `members()` yields each rated member once, in the order
 * the points come; `verdicts()`, once they have all come, the benchmark
 * branches and flag committees, which rest on every branch's red stars.
 */
export class StarsStream {
  readonly period: string;
  private readonly activeOrgs: Map<string, Org>;
  private readonly redsOf = new Map<string, number>();

  /** `keep`: the orgs listed (--org); a branch's verdict rests on its own members alone, so the rest are not rated. */
  constructor(
    private readonly input: StarsInput,
    private readonly keep: Set<string> | null = null,
  ) {
    this.period = input.period;
    this.activeOrgs = new Map(input.orgs.filter((o) => o.active).map((o) => [o.code, o]));
  }

  /** `points` (the input's, or a run of them: a part of the list) rated, each red star counted. */
  *members(points: Iterable<MemberPoints> = this.input.points): Generator<MemberStars> {
    for (const p of points) {
      if (this.keep && !this.keep.has(p.org)) continue;
      const m = rateMember(p, this.input.rules, this.activeOrgs);
      if (!m) continue;
      if (m.red_star) this.redsOf.set(m.org, (this.redsOf.get(m.org) ?? 0) + 1);
      yield m;
    }
  }

  /** Red stars counted elsewhere (a part of the list rated on another thread), added to these. */
  count(reds: Iterable<[string, number]>): void {
    for (const [org, n] of reds) this.redsOf.set(org, (this.redsOf.get(org) ?? 0) + n);
  }

  /** Once every member is rated (here, or counted from elsewhere). */
  verdicts(): StarsVerdicts {
    const v = verdicts(this.input, this.activeOrgs, this.redsOf);
    const keep = this.keep;
    return keep ? { ...v, benchmark: v.benchmark.filter((b) => keep.has(b.code)), flag: v.flag.filter((f) => keep.has(f.code)) } : v;
  }
}

export function rateStars(input: StarsInput): StarsResult {
  const stream = new StarsStream(input);
  const members = [...stream.members()];
  members.sort((a, b) => (a.org < b.org ? -1 : a.org > b.org ? 1 : a.member < b.member ? -1 : a.member > b.member ? 1 : 0));
  return { period: input.period, members, ...stream.verdicts() };
}

/** A rating's benchmark branches and flag committees, or that they wait for the grades. */
export type StarsVerdicts = Omit<StarsResult, 'period' | 'members'>;

/** The benchmark branches and flag committees, given each branch's red stars; none while the quarter is not graded. */
function verdicts(input: StarsInput, activeOrgs: Map<string, Org>, redsOf: Map<string, number>): StarsVerdicts {
  const { rules, grading, activeMembers, monthsMet: metOf, typicals } = input;
  if (grading === null) return { benchmark: [], flag: [], pending: true };
  const gradeOf = new Map(grading.orgs.map((g) => [g.org, g.grade]));

  const typicalsOf = groupBy(
    typicals.filter((t) => t.period === input.period),
    (t) => t.org,
  );
  const benchmark: Verdict[] = [];
  for (const o of activeOrgs.values()) {
    if (o.type !== 'branch') continue;
    const b = rules.stars.benchmark;
    const grade = gradeOf.get(o.code) ?? 'ungraded';
    const n = activeMembers.get(o.code) ?? 0;
    const reds = redsOf.get(o.code) ?? 0;
    const share = n ? reds / n : 0;
    const monthsMet = metOf.get(o.code) ?? 0;
    const explain: Because[] = [
      grade === b.grade ? { id: 'b_grade_ok', params: { grade } } : { id: 'b_grade_no', params: { grade, need: b.grade } },
      { id: share >= b.red_star_share ? 'b_share_ok' : 'b_share_no', params: { reds, n, share: pct(share), need: pct(b.red_star_share) } },
      monthsMet === 3 ? { id: 'b_quota_ok' } : { id: 'b_quota_no', params: { met: monthsMet } },
    ];
    benchmark.push({ code: o.code, name: o.name, qualified: grade === b.grade && share >= b.red_star_share && n > 0 && monthsMet === 3, explain });
  }

  const tree = new OrgTree(activeOrgs.values());

  const flag: Verdict[] = [];
  for (const o of activeOrgs.values()) {
    if (o.type !== 'committee') continue;
    const f = rules.stars.flag_committee;
    const graded = tree.branchesUnder(o.code).filter((b) => (gradeOf.get(b.code) ?? 'ungraded') !== 'ungraded');
    const good = graded.filter((b) => gradeOf.get(b.code) === 'good').length;
    const bad = graded.filter((b) => (f.excluded_grades as string[]).includes(gradeOf.get(b.code)!)).map((b) => b.code);
    const share = graded.length ? good / graded.length : 0;
    const typicals = typicalsOf.get(o.code)?.length ?? 0;
    const explain: Because[] = [
      graded.length ? { id: 'f_graded_ok', params: { n: graded.length } } : { id: 'f_graded_no' },
      { id: share >= f.good_share ? 'f_share_ok' : 'f_share_no', params: { good, n: graded.length, share: pct(share), need: pct(f.good_share) } },
      bad.length
        ? { id: 'f_bad_no', params: { orgs: bad.join('、'), grades: f.excluded_grades.join('/') } }
        : { id: 'f_bad_ok', params: { grades: f.excluded_grades.join('/') } },
      typicals >= f.min_typicals ? { id: 'f_typicals_ok', params: { n: typicals } } : { id: 'f_typicals_no', params: { n: typicals, need: f.min_typicals } },
    ];
    flag.push({ code: o.code, name: o.name, qualified: graded.length > 0 && share >= f.good_share && bad.length === 0 && typicals >= f.min_typicals, explain });
  }
  return { benchmark, flag, pending: false };
}
