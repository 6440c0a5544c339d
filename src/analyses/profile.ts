// `cxzy show`: everything stored about one org or member, with what the
// analyses make of it — an org's grades, benchmark or flag verdicts and quota
// by quarter and month; a member's stars by quarter — computed exactly as
// grade, stars and quota compute them.
import type { Grade, Member, Org, Pledge, Points, Problem, Report, Review, Typical } from '../core/model.js';
import type { Rules } from '../core/rules.js';
import { monthOf, periodBounds, periodOf, yearQuarters } from '../core/dates.js';
import { groupBy } from '../core/collections.js';
import { OrgTree } from '../core/tree.js';
import type { Query } from '../store/query.js';
import { ownerSections, type Records } from '../store/lookup.js';
import type { SectionDef } from '../core/sections.js';
import { gradeFromStore, starsFromStore } from './services.js';
import { rateStars, type MemberStars, type Verdict } from './stars.js';
import { satisfaction, type OrgGrade } from './grade.js';
import { itemsOf } from './quota.js';
import { stateAt, type ProblemState } from './ledger.js';
import { annualReview, memberYear, tallyOf, type MemberYear, type OrgYear } from './annual.js';

/** The records of a section without a view of its own that an org or member owns, laid out as its sheet's columns. */
export interface OwnedTable {
  def: SectionDef<unknown>;
  records: unknown[];
}

/** Each section `show` lays out as a table (its declaration's `show`) with the records `code` owns there, of `period` if asked. */
export function ownedTables(r: Records, kind: 'org' | 'member', code: string, period: string | null, defs = ownerSections(kind)): OwnedTable[] {
  return defs
    .filter((def) => def.show === 'table')
    .map((def) => ({
      def,
      records: r.ownedRecords(def, code).filter((x) => period === null || def.period === undefined || (x as { period: string }).period === period),
    }));
}

export interface LastImport {
  number: number;
  at: string;
}

export interface ProfileQuarter {
  period: string;
  review: Review | null;
  /** The review's masses' satisfaction, 0..1. */
  satisfaction: number | null;
  /** Null for a quarter without reviews anywhere. */
  grade: OrgGrade | null;
  /** A branch's benchmark or a committee's flag verdict; null until the quarter is graded. */
  verdict: Verdict | null;
  typicals: Typical[];
}

export interface ProfileMonth {
  month: string;
  /** Reports counted (one per title in a month). */
  count: number;
  quota: number;
  met: boolean;
  reports: Report[];
}

export interface OrgProfile {
  kind: 'org';
  org: Org;
  /** From the top of the tree down to the parent. */
  parents: Org[];
  children: Org[];
  members: { total: number; active: number };
  pledges: Pledge[];
  quarters: ProfileQuarter[];
  months: ProfileMonth[];
  /** Its latest year with grades, as the annual review sees it (shown without --period). */
  year: OrgYear | null;
  /** Its problems found by `ledgerDate` (the end of the quarter asked, else today), each as it stands then. */
  problems: ProblemState[];
  ledgerDate: string;
  tables: OwnedTable[];
  lastImport: LastImport | null;
}

export interface MemberQuarter {
  period: string;
  points: Points;
  /** Null when the member or its org is inactive: not rated. */
  stars: MemberStars | null;
}

export interface MemberProfile {
  kind: 'member';
  /** As it was in the quarter asked, else as it is now. */
  member: Member;
  /** Its records as files stated them, each from its quarter, with its source (SPEC §1 members). */
  states: Member[];
  org: Org | null;
  parents: Org[];
  quarters: MemberQuarter[];
  /** Its latest year with points, as the annual review sees it (shown without --period). */
  year: MemberYear | null;
  pledges: Pledge[];
  tables: OwnedTable[];
  lastImport: LastImport | null;
}

export type Profile = OrgProfile | MemberProfile;

/** The chain from the top of the tree down to `code`'s parent. */
function parentsOf(tree: OrgTree, code: string): Org[] {
  const { chain, cycle } = tree.ancestors(code);
  const above = chain.slice(1, cycle ? -1 : undefined);
  return above.flatMap((c) => tree.get(c) ?? []).reverse();
}

/** `today`: the date the ledger is shown at when no quarter is asked. */
/** The org's latest year with grades, from what the profile already holds: its quarters, months and problems. */
function orgYearOf(org: Org, quarters: ProfileQuarter[], months: ProfileMonth[], problems: Problem[], rules: Rules): OrgYear | null {
  const year = quarters
    .filter((q) => q.grade !== null)
    .at(-1)
    ?.period.slice(0, 4);
  if (year === undefined) return null;
  const before = `${Number(year) - 1}`;
  const prev = quarters.filter((q) => q.period.startsWith(before) && q.grade && q.grade.grade !== 'ungraded').at(-1)?.grade?.grade;
  const review = annualReview({
    year,
    orgs: [org],
    members: [],
    quarters: yearQuarters(year).map((period) => {
      const q = quarters.find((x) => x.period === period);
      return { period, grades: q?.grade ? [q.grade] : [], benchmark: new Set(q?.verdict?.qualified ? [org.code] : []) };
    }),
    tally: new Map(),
    monthsMet: months.filter((m) => m.month.startsWith(`${year}-`)).map((m) => new Set(m.met ? [org.code] : [])),
    problems: problems.filter((p) => p.found <= `${year}-12-31`),
    previous: new Map(prev ? [[org.code, prev as Grade]] : []),
    within: null,
    rules,
  });
  return review.orgs[0] ?? null;
}

export function orgProfile(q: Query, r: Records, rules: Rules, code: string, period: string | null, today: string): OrgProfile {
  const orgs = q.orgs();
  const tree = new OrgTree(orgs);
  const org = orgs.find((o) => o.code === code)!;
  const inPeriod = (p: string) => period === null || p === period;
  const ledgerDate = period === null ? today : periodBounds(period)[1];
  const problems = r.problemsOf(code);
  const reviews = new Map(r.reviewsOf(code).map((v) => [v.period, v]));
  const reports = r.reportsOf(code);
  const typicals = groupBy(r.typicalsOf(code), (x) => x.period);
  const graded = q.reviewPeriods().filter(inPeriod);
  const periods = [...new Set([...graded, ...reviews.keys(), ...typicals.keys()])].filter(inPeriod).sort();
  const quarters = periods.map((p): ProfileQuarter => {
    const grading = graded.includes(p) ? gradeFromStore(q, rules, p) : null;
    // The org's verdict rests on its own members (a branch) or its branches' grades (a committee): rated alone.
    const stars = grading ? starsFromStore(q, rules, p, { of: org }) : null;
    const verdicts = stars ? [...stars.benchmark, ...stars.flag] : [];
    return {
      period: p,
      review: reviews.get(p) ?? null,
      satisfaction: reviews.has(p) ? satisfaction(reviews.get(p)!.masses) : null,
      grade: grading?.orgs.find((g) => g.org === code) ?? null,
      verdict: verdicts.find((v) => v.code === code) ?? null,
      typicals: typicals.get(p) ?? [],
    };
  });
  const quota = rules.quota.reports_per_month;
  const shown = reports.filter((x) => inPeriod(periodOf(x.date)));
  // The org's own reports, counted as the quotas count them.
  const counts = new Map(itemsOf(shown, rules).tallies.map((t) => [t.month, t.count]));
  const months = [...groupBy(shown, (x) => monthOf(x.date))].map(([month, list]): ProfileMonth => {
    const count = counts.get(month) ?? 0;
    return { month, count, quota, met: count >= quota, reports: list };
  });
  return {
    kind: 'org',
    org,
    parents: parentsOf(tree, code),
    children: orgs.filter((o) => o.parent === code),
    members: r.memberCounts(code, period),
    pledges: r.pledgesOf(code),
    quarters,
    months,
    year: period === null ? orgYearOf(org, quarters, months, problems, rules) : null,
    problems: problems.filter((x) => x.found <= ledgerDate).map((x) => stateAt(x, ledgerDate, rules, org.name)),
    ledgerDate,
    tables: ownedTables(r, 'org', code, period),
    lastImport: r.lastImport('org', code),
  };
}

/** The member's latest year with points: its quarters of that year tallied. */
function memberYearOf(member: Member, quarters: MemberQuarter[], rules: Rules): MemberYear | null {
  const year = quarters.at(-1)?.period.slice(0, 4);
  if (year === undefined) return null;
  const mine = quarters.filter((q) => q.period.startsWith(year)).map((q) => ({ period: q.period, points: q.points, red: q.stars?.red_star === true }));
  return memberYear(member, tallyOf(mine, rules));
}

export function memberProfile(q: Query, r: Records, rules: Rules, id: string, period: string | null): MemberProfile {
  const runs = r.memberRuns(id);
  // Its state in force at a quarter: the run then.
  const at = (quarter: string) => runs.find((x) => x.period <= quarter && x.until > quarter)!;
  const { until: _, ...member } = period === null ? runs.at(-1)! : at(period);
  const orgs = q.orgs();
  const org = orgs.find((o) => o.code === member.org) ?? null;
  const quarters = r
    .pointsOf(id)
    .filter((p) => period === null || p.period === period)
    .map((points): MemberQuarter => {
      // The member's own rating: stars depend on nothing but its points, its status and its org's, as they were then.
      const then = at(points.period);
      const rated = rateStars({
        period: points.period,
        orgs,
        points: [{ ...points, name: then.name, org: then.org, active: then.active }],
        activeMembers: new Map(),
        grading: null,
        monthsMet: new Map(),
        typicals: [],
        rules,
      });
      return { period: points.period, points, stars: rated.members[0] ?? null };
    });
  return {
    kind: 'member',
    member,
    states: r.statements(id),
    org,
    parents: org ? [...parentsOf(new OrgTree(orgs), org.code), org] : [],
    quarters,
    year: period === null ? memberYearOf(member, quarters, rules) : null,
    pledges: r.pledgesOf(id),
    tables: ownedTables(r, 'member', id, period),
    lastImport: r.lastImport('member', id),
  };
}
