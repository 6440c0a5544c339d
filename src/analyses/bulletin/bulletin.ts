// The monthly bulletin (通报) as data: five sections over the month, its
// quarter to date, and the latest quarter graded by the month's end. Pure:
// the caller reads the store and grades; this only selects and counts.
import type { Grade, Org, Problem, Typical } from '../../core/model.js';
import type { Items } from '../quota.js';
import { GRADES } from '../../core/model.js';
import type { Rules } from '../../core/rules.js';
import type { Grading, Movement, OrgGrade, ShareBreach } from '../grade.js';
import type { MemberStars, StarsResult } from '../stars.js';
import { addDays, lastDayOfMonth, periodBounds } from '../../core/dates.js';
import { ledgerAt, stateAt, type Ledger, type ProblemState } from '../ledger.js';
import { groupBy } from '../../core/collections.js';
import { reportsSection, type ReportsSection } from './reports.js';
import type { Named, PledgesSection } from './pledges.js';

export interface BulletinInput {
  month: string;
  /** The quarter the month is in. */
  period: string;
  orgs: Org[];
  /** The pledges of `orgs` and their members (pledgesSection). */
  pledges: PledgesSection;
  /** The reports of `period` to the month's end, counted, with the duplicates and adopted items named; and its typicals. */
  items: Items;
  typicals: Typical[];
  /** Grading and stars of the latest quarter graded by the month's end, when there is one. */
  grading: Grading | null;
  /** Its members may be only the red-star candidates: the bulletin names red stars, it does not list every member. */
  stars: StarsResult | null;
  /** How many members the graded quarter's star rating rates. */
  rated: number;
  /** How many points records the graded quarter has. */
  pointsRecords: number;
  /** The ledger's problems found by the month's end; none: the bulletin has no 整改落实 section. */
  problems?: Problem[];
  rules: Rules;
  /** How many rows of each long list a view shows (Markdown and HTML cut long tables): the lists keep no more, their counts count all (the pledges' lists too, cut by pledgesSection). Default: every row. */
  shown?: number;
}

/** 整改落实: the ledger at the month's end, the committees ranked, the supervised problems, those newly supervised this month. */
export interface LedgerSection {
  ledger: Ledger;
  supervised: ProblemState[];
  /** Supervised at the month's end but not at the previous month's. */
  newly_supervised: number;
}

export interface Overview {
  orgs: { committees: number; branches: number };
  members: number;
  data: { reports: number; typicals: number; reviews: number; points: number; pledges: number };
  /** Active branches without a review in the graded quarter. */
  no_review: Named[];
  /** Active orgs without a report item in the month. */
  no_reports: Named[];
}

export interface GradingSection {
  period: string;
  summary: Grading['summary'];
  shares: ShareBreach[];
  movement: Record<Movement, number>;
  /** Orgs that moved up or down, up first. */
  moved: OrgGrade[];
  overrides: OrgGrade[];
  remedial: OrgGrade[];
  commentary_overdue: OrgGrade[];
}

export interface StarsSection {
  period: string;
  rated: number;
  red_stars: (MemberStars & { org_name: string })[];
  /** The red stars by branch, in the order first met: the branch, how many, their names. */
  red_by_branch: { org: string; org_name: string; count: number; names: string[] }[];
  /** How many red stars and branches with one there are: the two lists above may hold only the first `shown`. */
  counts: { red: number; branches: number };
  benchmark: Named[];
  flag: Named[];
}

export interface Bulletin {
  month: string;
  period: string;
  graded_period: string | null;
  overview: Overview;
  reports: ReportsSection;
  pledges: PledgesSection;
  grading: GradingSection | null;
  stars: StarsSection | null;
  ledger: LedgerSection | null;
}

/** The latest quarter with reviews that has ended by the month's end. */
export function gradedPeriodFor(month: string, reviewPeriods: string[]): string | null {
  const end = lastDayOfMonth(month);
  const done = reviewPeriods.filter((p) => periodBounds(p)[1] <= end).sort();
  return done.length ? done[done.length - 1] : null;
}

export function buildBulletin(input: BulletinInput): Bulletin {
  const { month, period, orgs, rules } = input;
  const pledges = input.pledges;
  const reports = reportsSection(month, period, orgs, input.items, input.typicals, rules);
  const active = orgs.filter((o) => o.active);
  const reviewed = input.grading?.orgs.filter((o) => o.grade !== 'ungraded').length ?? 0;

  const overview: Overview = {
    orgs: { committees: active.filter((o) => o.type === 'committee').length, branches: active.filter((o) => o.type === 'branch').length },
    members: pledges.coverage.members.total,
    data: {
      reports: reports.month.orgs.reduce((n, o) => n + o.count, 0),
      typicals: reports.typicals.reduce((n, c) => n + c.count, 0),
      reviews: reviewed,
      points: input.pointsRecords,
      pledges: pledges.in_force,
    },
    no_review: input.grading ? input.grading.orgs.filter((o) => o.grade === 'ungraded').map((o) => ({ code: o.org, name: o.name })) : [],
    no_reports: reports.month.orgs
      .filter((o) => o.count === 0)
      .sort((a, b) => (a.org < b.org ? -1 : 1))
      .map((o) => ({ code: o.org, name: o.name })),
  };

  return {
    month,
    period,
    graded_period: input.grading?.period ?? null,
    overview,
    reports,
    pledges,
    grading: input.grading ? gradingSection(input.grading) : null,
    stars: input.stars ? starsSection(input.stars, orgs, input.rated, input.shown) : null,
    ledger: input.problems?.length ? ledgerSection(input.problems, orgs, month, rules) : null,
  };
}

function ledgerSection(problems: Problem[], orgs: Org[], month: string, rules: Rules): LedgerSection {
  const end = lastDayOfMonth(month);
  const ledger = ledgerAt(problems, orgs, end, rules);
  const before = addDays(`${month}-01`, -1);
  const supervised = ledger.problems.filter((s) => s.supervised);
  return { ledger, supervised, newly_supervised: supervised.filter((s) => !stateAt(s.problem, before, rules).supervised).length };
}

const ORDER: readonly (Grade | 'ungraded')[] = [...GRADES, 'ungraded'];
const rank = (g: Grade | 'ungraded') => ORDER.indexOf(g);

function gradingSection(g: Grading): GradingSection {
  const movement: Record<Movement, number> = { up: 0, down: 0, same: 0, new: 0 };
  for (const o of g.orgs) if (o.movement) movement[o.movement]++;
  const graded = g.orgs.filter((o) => o.grade !== 'ungraded');
  return {
    period: g.period,
    summary: g.summary,
    shares: g.shares,
    movement,
    moved: graded
      .filter((o) => o.movement === 'up' || o.movement === 'down')
      .sort((a, b) => (a.movement === b.movement ? rank(a.grade) - rank(b.grade) : a.movement === 'up' ? -1 : 1)),
    overrides: graded.filter((o) => o.override),
    remedial: graded.filter((o) => o.remedial),
    commentary_overdue: graded.filter((o) => o.flags.includes('commentary_overdue')),
  };
}

function starsSection(s: StarsResult, orgs: Org[], rated: number, shown = Infinity): StarsSection {
  const names = new Map(orgs.map((o) => [o.code, o.name]));
  const red = s.members.filter((m) => m.red_star);
  const branches = [...groupBy(red, (m) => m.org).values()];
  return {
    period: s.period,
    rated,
    red_stars: red.slice(0, shown).map((m) => ({ ...m, org_name: names.get(m.org) ?? '' })),
    red_by_branch: branches.slice(0, shown).map((list) => ({
      org: list[0].org,
      org_name: names.get(list[0].org) ?? '',
      count: list.length,
      names: list.map((m) => m.name),
    })),
    counts: { red: red.length, branches: branches.length },
    benchmark: s.benchmark.filter((v) => v.qualified).map((v) => ({ code: v.code, name: v.name })),
    flag: s.flag.filter((v) => v.qualified).map((v) => ({ code: v.code, name: v.name })),
  };
}
