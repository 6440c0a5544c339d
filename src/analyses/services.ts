// The analyses' inputs gathered from the store: each service reads what its
// pure module needs, no more (at city size every read counts), and returns
// the module's result. Commands render what these return.
import { gradingIn, starsIn } from './scope.js';
import type { Rules } from '../core/rules.js';
import { groupBy } from '../core/collections.js';
import { addDays, lastDayOfMonth, periodBounds, periodMonths, periodOf, previousPeriod, yearQuarters } from '../core/dates.js';
import type { Query } from '../store/query.js';
import { PLANS, planOf, READS, type ReportSpan } from '../store/plans.js';
import type { Plan } from '../store/prefetch.js';
import { gradePeriod, type Grading } from './grade.js';
import { rateStars, StarsStream, type StarsInput, type StarsResult } from './stars.js';
import { countedItems, monthQuota, periodQuota, type Items, type MonthQuota, type PeriodQuota } from './quota.js';
import { buildBulletin, gradedPeriodFor, type Bulletin } from './bulletin/bulletin.js';
import { pledgesFromStore, pledgesTask } from './bulletin/pledges-store.js';
import { ledgerAt, type Ledger } from './ledger.js';
import { suggestProblems, type Suggestion } from './ledger-suggest.js';
import { annualReview, eachMemberYear, tallyQuarter, type Annual, type AnnualQuarter, type MemberTally, type MemberYear } from './annual.js';
import { ADOPTIONS, type Grade, type MemberPoints, type Org } from '../core/model.js';

/** The quarter's end, and the first day a commentary can count from: what a grading reads. */
function gradeWindow(rules: Rules, period: string): { end: string; since: string } {
  // Only what this quarter and the previous one can use: commentaries inside their windows, pledges due by the end.
  return { end: periodBounds(period)[1], since: addDays(periodBounds(previousPeriod(period))[1], -rules.grading.commentary_days) };
}

/** The reads of gradeFromStore, to hand to the second thread (Query.prefetch). */
export function gradeReads(rules: Rules, period: string): Plan[] {
  const { end, since } = gradeWindow(rules, period);
  return [
    planOf(READS.reviews(period)),
    planOf(READS.reviews(previousPeriod(period))),
    planOf(READS.commentaries(since, end)),
    planOf(READS.orgPledgesDueBy(end)),
  ];
}

/** Each run's gradings without explanations, by period and rules: stars and the bulletin grade the quarter they rate. */
const gradings = new WeakMap<Query, Map<string, { rules: Rules; grading: Grading }>>();

/** The grading of a period: what grade, stars and the bulletin all start from. `explain` builds each org's explanation. */
export function gradeFromStore(q: Query, rules: Rules, period: string, explain = false): Grading {
  if (explain) return gradeOnce(q, rules, period, true);
  let of = gradings.get(q);
  if (!of) gradings.set(q, (of = new Map()));
  const known = of.get(period);
  if (known?.rules === rules) return known.grading;
  const grading = gradeOnce(q, rules, period, false);
  of.set(period, { rules, grading });
  return grading;
}

function gradeOnce(q: Query, rules: Rules, period: string, explain: boolean): Grading {
  const { end, since } = gradeWindow(rules, period);
  return gradePeriod({
    period,
    orgs: q.orgs(),
    reviews: q.reviews(period),
    previousReviews: q.reviews(previousPeriod(period)),
    commentaries: q.commentaries(since, end),
    pledges: q.orgPledgesDueBy(end),
    // The ledger is read only when a rules file sets the open-problem cap.
    problems: rules.grading.caps.open_problem ? q.problems(end) : [],
    rules,
    explain,
  });
}

/** The members of `period` whose points can make a red star: all a summary or a page of red stars rates. */
export const redStarCandidates = (q: Query, rules: Rules, period: string) => q.redStarCandidates(period, rules.stars.star_min, rules.stars.red_star.stars);

/**
 * `period`'s rating (a run grades a period once: gradeFromStore): every
 * member's; with `redOnly` the red-star candidates' alone (the red stars and
 * every verdict come out the same); with `of` one org's own members' alone
 * (that org's benchmark or flag verdict comes out the same: a branch's rests
 * on its own members, a committee's on its branches' grades).
 */
export function starsFromStore(q: Query, rules: Rules, period: string, opts: { redOnly?: boolean; of?: Org } = {}): StarsResult {
  const { redOnly = false, of } = opts;
  const points = of ? (of.type === 'branch' ? q.memberPointsOf(period, of.code) : []) : redOnly ? redStarCandidates(q, rules, period) : q.memberPoints(period);
  return rateStars(starsInput(q, rules, period, points));
}

/** What the verdicts of a full list read, after its members: on the second thread meanwhile (render/views/stars-parts.ts). */
export const starsVerdictReads = (rules: Rules, period: string): Plan[] => [
  ...gradeReads(rules, period),
  PLANS.metMonths(period, rules.quota.reports_per_month),
  PLANS.activeMembers(period),
];

/**
 * A rating of `period` within `keep` whose members are rated as the points
 * are read, run by run (StarsStream.members(q.memberPointsInOrgs(…))), none
 * held: a city's full list. The verdicts come out as starsIn(starsFromStore())
 * gives them once every member is counted.
 */
export const starsStreamFromStore = (q: Query, rules: Rules, period: string, keep: Set<string> | null): StarsStream =>
  new StarsStream(starsInput(q, rules, period, []), keep);

/** What a rating of `period` reads: the points first, the rest only once they are rated. */
function starsInput(q: Query, rules: Rules, period: string, points: Iterable<MemberPoints>): StarsInput {
  return {
    period,
    orgs: q.orgs(),
    // Read as they are rated, the longest read. The rest is asked for once they are (StarsInput), which a second
    // thread, if the command started one, reads meanwhile.
    points,
    get activeMembers() {
      return q.activeMembers(period);
    },
    get grading() {
      return q.reviewPeriods().includes(period) ? gradeFromStore(q, rules, period) : null;
    },
    get monthsMet() {
      return new Map([...groupBy(q.metMonths({ period }, rules.quota.reports_per_month), ([org]) => org)].map(([org, met]) => [org, met.length]));
    },
    get typicals() {
      return q.typicals(period);
    },
    rules,
  };
}

/** Each adoption's points, in ADOPTIONS' order. */
const adoptionPoints = (rules: Rules) => ADOPTIONS.map((a) => rules.quota.points[a]);

/** `span`'s reports counted by the store, with the duplicates named, and with `adoptedIn` that month's adopted items. */
function itemsFromStore(q: Query, rules: Rules, span: ReportSpan, adoptedIn: string | null = null): Items {
  return {
    tallies: q.itemTallies(span, adoptionPoints(rules)),
    named: countedItems(q.namedItemReports(span, adoptedIn), rules),
  };
}

export function monthQuotaFromStore(q: Query, rules: Rules, month: string): MonthQuota {
  return monthQuota(month, q.orgs(), itemsFromStore(q, rules, { month }), rules);
}

export function periodQuotaFromStore(q: Query, rules: Rules, period: string): PeriodQuota {
  return periodQuota(period, q.orgs(), itemsFromStore(q, rules, { period }), q.typicals(period), rules);
}

/**
 * The month's bulletin, with the latest quarter graded by the month's end; with `keep` (--org), of that subtree: its
 * orgs, members, pledges, reports, grades and stars. `shown`: how many rows of a long list the view shows (BulletinInput).
 */
export function bulletinFromStore(q: Query, rules: Rules, month: string, keep: Set<string> | null = null, shown = Infinity): Bulletin {
  const period = periodOf(`${month}-01`);
  const graded = gradedPeriodFor(month, q.reviewPeriods());
  // The members as they were in the quarter graded (else the month's): counted, rated and owning pledges then.
  const at = graded ?? period;
  const pledges = pledgesTask(month, rules, keep && [...keep], shown, at, graded);
  // A month that closes the quarter it grades: the quarter's items, counted first, give the months that met the quota.
  const closing = graded === period && month === periodMonths(period)[2];
  // What the grading reads, the counts and the pledges, on a second thread in the order this one needs them, while it
  // counts the reports, reads the red-star candidates and rates them. The members are counted with the graded
  // quarter's points, which the notice counts too.
  q.prefetch([
    ...(graded ? gradeReads(rules, graded) : []),
    graded ? PLANS.countsByOrg(graded) : PLANS.activeMembers(at),
    ...(graded && !closing ? [PLANS.metMonths(graded, rules.quota.reports_per_month)] : []),
    pledges,
  ]);
  if (graded) q.countWith(graded);
  const inside = (org: string) => !keep || keep.has(org);
  const items = itemsIn(itemsFromStore(q, rules, { period, through: month }, month), inside);
  // Grades and stars are computed over everything (a flag committee counts all its branches), then listed for the subtree.
  // The stars first: they read the candidates before they grade, and the grading is the run's one (gradeFromStore).
  const stars = graded ? starsFromStore(q, rules, graded, { redOnly: true }) : null;
  const grading = graded ? gradeFromStore(q, rules, graded) : null;
  return buildBulletin({
    month,
    period,
    orgs: q.orgs().filter((o) => inside(o.code)),
    items,
    typicals: q.typicals(period).filter((r) => inside(r.org)),
    grading: grading && gradingIn(grading, keep),
    stars: stars && starsIn(stars, keep),
    problems: q.problems(lastDayOfMonth(month)).filter((p) => inside(p.org)),
    // Last, what the second thread did last, in the order it did it.
    pledges: q.task(pledges, pledgesFromStore),
    pointsRecords: graded ? q.pointsOf(graded, keep) : 0,
    rated: graded ? q.ratedCount(graded, keep) : 0,
    rules,
    shown,
  });
}

function itemsIn(items: Items, inside: (org: string) => boolean): Items {
  return { tallies: items.tallies.filter((t) => inside(t.org)), named: items.named.filter((i) => inside(i.org)) };
}

/** The ledger at `end`, over one subtree when `root` is given. */
export function ledgerFromStore(q: Query, rules: Rules, end: string, root: string | null): Ledger {
  return ledgerAt(q.problems(end), q.orgs(), end, rules, root);
}

/** The problems quarter `period`'s grading and overdue pledges imply that the ledger lacks. */
export function suggestFromStore(q: Query, rules: Rules, period: string): Suggestion[] {
  const end = periodBounds(period)[1];
  return suggestProblems({
    period,
    orgs: q.orgs(),
    grading: gradeFromStore(q, rules, period),
    pledges: q.ownedPledges(period),
    ledger: q.problems(end),
    rules,
  });
}

/** The members who can be proposed: a red star in at least annual.red_star_quarters quarters, or a secretary. */
function contenderIds(q: Query, rules: Rules, reds: { red: Set<string> }[], at: string): string[] {
  const times = new Map<string, number>();
  for (const { red } of reds) for (const m of red) times.set(m, (times.get(m) ?? 0) + 1);
  const ids = new Set(q.secretaries(at));
  for (const [m, n] of times) if (n >= rules.annual.red_star_quarters) ids.add(m);
  return [...ids];
}

/** The quarter a year places its members at: its last graded quarter, else its last with points, else its last. */
function placedAt(year: string, reviewed: string[], rated: string[]): string {
  const quarters = yearQuarters(year);
  return quarters.filter((p) => reviewed.includes(p)).at(-1) ?? quarters.filter((p) => rated.includes(p)).at(-1) ?? quarters[3];
}

/** Each org's final grade in its last graded quarter of `year`. */
function lastGrades(q: Query, rules: Rules, year: string): Map<string, Grade> {
  const out = new Map<string, Grade>();
  const reviewed = q.reviewPeriods();
  for (const p of yearQuarters(year).filter((x) => reviewed.includes(x)))
    for (const g of gradeFromStore(q, rules, p).orgs) if (g.grade !== 'ungraded') out.set(g.org, g.grade);
  return out;
}

/**
 * The year's review: its four quarters graded and rated, its months' quotas,
 * its ledger, and the year before's last grades. `contenders`: only the
 * members who can qualify get their year (a red star in enough quarters, or a
 * secretary), the rest are counted: the candidates, reserves and quotas come
 * out the same, and a city's 750,000 members are neither read nor tallied.
 */
export const annualFromStore = (q: Query, rules: Rules, year: string, within: Set<string> | null, contenders = false): Annual =>
  reviewYear(q, rules, year, within, contenders).annual;

/** What every member's year rests on once the year is reviewed: the quarter they are placed at, each rated quarter's red stars, the branches, the moves. */
export interface YearBasis {
  at: string;
  redOf: ReadonlyMap<string, ReadonlySet<string>>;
  branches: ReadonlySet<string>;
  moves: ReadonlyMap<string, Record<string, string>>;
}

/** The years of the members from id `from` up to `to` (not included; null: to the last), made as they are read: a run of a full list. */
export const memberYearsOf = (q: Query, rules: Rules, b: YearBasis, from = '', to: string | null = null): Generator<MemberYear> =>
  eachMemberYear(q.eachMember(b.at, from, to), q.pointsOver([...b.redOf.keys()], from, to), b.redOf, b.branches, b.moves, rules);

/**
 * The year's review of the contenders alone (annualFromStore), and what every
 * listed member's year rests on (memberYearsOf: made as the members and their
 * points are read, none held): a city's `annual --all --format json`.
 */
export function annualStreamFromStore(q: Query, rules: Rules, year: string, within: Set<string> | null): { annual: Annual; basis: YearBasis } {
  const { annual, at, reds, moves } = reviewYear(q, rules, year, within, true);
  const branches = new Set(annual.orgs.flatMap((o) => (o.type === 'branch' ? [o.org] : [])));
  return { annual, basis: { at, redOf: new Map(reds.map((r) => [r.period, r.red])), branches, moves } };
}

/** The year's review, with what its members' years rest on: the quarter they are placed at, each rated quarter's red stars, the moves. */
function reviewYear(q: Query, rules: Rules, year: string, within: Set<string> | null, contenders: boolean) {
  // The quotas count active orgs only.
  const active = new Set(q.orgs().flatMap((o) => (o.active ? [o.code] : [])));
  const reviewed = q.reviewPeriods();
  const rated = q.pointsPeriods();
  // With no red star needed, everyone contends.
  const few = contenders && rules.annual.red_star_quarters > 0;
  // The counts, on a second thread while this one grades and rates the quarters.
  const months = q.reportMonths().filter((m) => m.startsWith(`${year}-`));
  const metPeriods = [...new Set([...months.map((m) => periodOf(`${m}-01`)), ...rated.filter((p) => p.startsWith(year))])];
  // A member's year is with the branch it was in at the year's last graded quarter (SPEC §1 members).
  const at = placedAt(year, reviewed, rated);
  // The active members of the rated quarters and those placed at `at` by role, in one pass of the members.
  const ratedQuarters = yearQuarters(year).filter((p) => rated.includes(p));
  q.countActiveOver(ratedQuarters, at);
  // With them what the quarters' gradings read, while this thread reads what rests on neither.
  const grades = yearQuarters(year).filter((p) => reviewed.includes(p));
  q.prefetch([
    ...grades.flatMap((p) => gradeReads(rules, p)),
    PLANS.activeMembersOver(ratedQuarters, at),
    ...metPeriods.map((p) => PLANS.metMonths(p, rules.quota.reports_per_month)),
    ...(few ? [PLANS.secretaries(at)] : []),
  ]);
  const problems = q.problems(`${year}-12-31`);
  const moves = q.branchesOver(yearQuarters(year), at);
  const previous = lastGrades(q, rules, String(Number(year) - 1));
  const reds: { period: string; red: Set<string> }[] = [];
  const quarters = yearQuarters(year).map((period): AnnualQuarter => {
    const grading = reviewed.includes(period) ? gradeFromStore(q, rules, period) : null;
    const grades = grading?.orgs ?? [];
    if (!rated.includes(period)) return { period, grades, benchmark: new Set() };
    // The red stars and benchmark branches come from the candidates alone.
    const stars = starsFromStore(q, rules, period, { redOnly: true });
    reds.push({ period, red: new Set(stars.members.flatMap((m) => (m.red_star ? [m.member] : []))) });
    return { period, grades, benchmark: new Set(stars.benchmark.filter((v) => v.qualified).map((v) => v.code)) };
  });
  // Quarter by quarter, the points read, tallied and let go: a city's four quarters would not fit together.
  const ids = few ? contenderIds(q, rules, reds, at) : null;
  const population = few ? q.activeCounts(at) : null;
  const tally = new Map<string, MemberTally>();
  for (const { period, red } of reds) tallyQuarter(tally, period, ids ? q.eachPointsOf(period, ids) : q.eachPoints(period), red, rules);
  const annual = annualReview({
    year,
    orgs: q.orgs(),
    members: ids ? q.membersOf(ids, at) : q.members(at),
    moves,
    ...(population ? { population } : {}),
    quarters,
    tally,
    monthsMet: months.map((m) => new Set(q.metMonths({ month: m }, rules.quota.reports_per_month).flatMap(([org]) => (active.has(org) ? [org] : [])))),
    problems,
    previous,
    within,
    rules,
  });
  return { annual, at, reds, moves };
}
