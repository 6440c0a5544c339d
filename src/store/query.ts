// Reads for the analyses: typed records out of the store, through the same
// section descriptors the import writes with.
import type { DB } from './db.js';
import { SECTION_DEFS as TABLES, selectOf, type Readable, type Row } from '../core/sections.js';
import { LEADS } from '../core/model.js';
import { periodMonths, periodOf } from '../core/dates.js';
import { groupBy } from '../core/collections.js';
import { Prefetch, type Job, type Plan, type Task } from './prefetch.js';
import { PLANS, planOf, READS, type RecordRead, type ReportSpan } from './plans.js';
import { atQuarter, memberPoints, memberRuns, orgMemberPoints, ownedPledges } from './joins.js';
import { inForce } from './member-runs.js';
import { withSourceNames } from './source-names.js';
import type { Arrival } from './arrivals.js';
import type { Member, MemberPoints, Org, OwnedPledge, Pledge, Points, Problem, Report, Review, ReviewCommentary, Source, Typical } from '../core/model.js';

/**
 * The WHERE of the points that can make a red star (Query.redStarCandidates), and its parameters; `whole`: the
 * period's rows read by a scan of the table (`+`: no index), not looked up one by one through the period's index.
 */
function candidatesWhere(period: string, min: number, stars: number, whole: boolean): { rest: string; params: Record<string, unknown> } {
  const at = `WHERE ${whole ? '+' : ''}p.period = @period`;
  // Every lead (the default) is a conjunction, which SQLite stops testing at the first lead short: a fifth faster.
  if (stars >= LEADS.length) return { rest: `${at} AND ${LEADS.map((l) => `p.${l} >= @min`).join(' AND ')}`, params: { period, min } };
  return { rest: `${at} AND ${LEADS.map((l) => `(p.${l} >= @min)`).join(' + ')} >= @stars`, params: { period, min, stars } };
}

/** A run of a full list (render/views/runs.ts): `col` from @from up to @to, or to the last when `to` is null; with its parameters. */
function inRun(col: string, from: string, to: string | null): { where: string; params: { from: string; to?: string } } {
  return to === null ? { where: `${col} >= @from`, params: { from } } : { where: `${col} >= @from AND ${col} < @to`, params: { from, to } };
}

/** Where a run keeps a quarter's members counted per org: read by countsByOrg, or with the files of their points by pointsFiles. */
const countsKey = (period: string) => `counts by org ${period}`;

/** A row of PLANS.itemTallies: org, month, items, points. */
type Tally = [org: string, month: string, count: number, points: number];

/** An org's active members, counted. */
export interface ActiveCounts {
  members: number;
  probationary: number;
  secretaries: number;
}

export class Query {
  /** Each read is made once per run: grade, stars and report ask for the same orgs, members and reports. */
  private readonly memo = new Map<string, unknown>();

  /** `known`: rows this thread has already (the second thread's shared results, for the tasks it does after them). */
  constructor(
    private readonly db: DB,
    private readonly known: (plan: Plan) => unknown[][] | undefined = () => undefined,
  ) {}

  /** Counts running on a second thread, if started. */
  private prefetched: Prefetch | null = null;

  /** Starts `jobs` (plans of PLANS and READS, and tasks) on a second thread: the methods that run them take their results from there. */
  prefetch(jobs: Job[]): void {
    this.prefetched?.close();
    this.prefetched = Prefetch.start(this.db.name, jobs);
  }

  /** What `fn` returns for `task`'s arguments: from the second thread if the command handed the task there, else computed here. */
  task<A extends unknown[], R>(task: Task<A>, fn: (q: Query, ...args: A) => R): R {
    const done = this.taken<A, R>(task);
    return done ? done.value : fn(this, ...task.args);
  }

  /** What the second thread made of `task` (waiting for it if it has begun it); undefined: this thread is to do it. */
  taken<A extends unknown[], R>(task: Task<A>): { value: R } | undefined {
    return this.prefetched?.taken<A, R>(task);
  }

  /** Lets the second thread go. */
  close(): void {
    this.prefetched?.close();
  }

  /** The raw rows of `plan`: from the second thread if it ran it there, else read here. */
  private rows<T>(plan: Plan): T[] {
    return (this.prefetched?.take(plan) ??
      this.known(plan) ??
      this.db
        .prepare(plan.sql)
        .raw()
        .all(...plan.params)) as T[];
  }

  /** One string per source file, however many rows name it: a city has millions of rows and a few thousand files. */
  private readonly files = new Map<string, string>();

  /**
   * The records of `t` matching `rest` (a WHERE and ORDER BY). Rows come as
   * arrays of only the columns the record needs, one at a time: named-column
   * objects for every row cost twice the time at city size.
   */
  private read<R extends { src: Source }>(t: Readable<R>, rest: string, ...params: unknown[]): R[] {
    return [...this.iterate(t, rest, ...params)];
  }

  /** The records of `r` (of READS): from the second thread if the command handed it there, else read here. */
  private readOf<R extends { src: Source }>(r: RecordRead<R>): R[] {
    const rows = this.prefetched?.take(planOf(r));
    if (!rows) return this.read(r.t, r.rest, ...r.params);
    return rows.map((row) => this.interned(r.t.fromRow(row as Row)));
  }

  /** `r` with its source file the one string this run holds for that file. */
  private interned<R extends { src: Source }>(r: R): R {
    const file = this.files.get(r.src.file);
    if (file === undefined) this.files.set(r.src.file, r.src.file);
    else r.src.file = file;
    return r;
  }

  /** read()'s records one at a time, for a caller that lets each go. */
  private *iterate<R extends { src: Source }>(t: Readable<R>, rest: string, ...params: unknown[]): Generator<R> {
    const stmt = this.db.prepare(selectOf(t, rest)).raw();
    for (const row of stmt.iterate(...params) as IterableIterator<Row>) yield this.interned(t.fromRow(row));
  }

  private once<T>(key: string, read: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, read());
    return this.memo.get(key) as T;
  }

  /** Every org; in a city's database, a name that repeats across counties with its county (store/source-names.ts). */
  orgs(): Org[] {
    return this.once('orgs', () => withSourceNames(this.db, this.read(TABLES.orgs, 'ORDER BY code')));
  }

  reviews(period: string): Review[] {
    return this.once(`reviews ${period}`, () => this.readOf(READS.reviews(period)));
  }

  /** Reviews of any period whose commentary is dated from `since` to `until`. */
  commentaries(since: string, until: string): ReviewCommentary[] {
    return this.once(`commentaries ${since} ${until}`, () => this.readOf(READS.commentaries(since, until)));
  }

  /** Org pledges due by `date`: the only ones that can be overdue then. */
  orgPledgesDueBy(date: string): Pledge[] {
    return this.once(`orgPledges ${date}`, () => this.readOf(READS.orgPledgesDueBy(date)));
  }

  /** Every pledge, each with its owning member (as at quarter `at`) when a member owns it. */
  ownedPledges(at: string): OwnedPledge[] {
    return this.once(`ownedPledges ${at}`, () => this.read(ownedPledges, 'ORDER BY p.id', { at }));
  }

  /** ownedPledges() one at a time, for a caller that lets each go (the bulletin: a city has 250,000). */
  eachOwnedPledge(at: string): Generator<OwnedPledge> {
    return this.iterate(ownedPledges, 'ORDER BY p.id', { at });
  }

  /**
   * The period's points with their members, one at a time, in no order: the
   * star rating sorts its members, faster than SQLite's temporary b-tree. Not
   * kept: a city's would hold half a gigabyte, and rated as they come each
   * dies young, which the garbage collector finds cheapest.
   */
  memberPoints(period: string): Generator<MemberPoints> {
    return this.iterate(memberPoints, 'WHERE p.period = ?', period);
  }

  /**
   * memberPoints() of the orgs from `from` up to `to` (not included; null: to the last), in the order of a full list,
   * by org then member: rated as they come, none held.
   */
  memberPointsInOrgs(period: string, from: string, to: string | null): Generator<MemberPoints> {
    const run = inRun('m.org', from, to);
    return this.iterate(orgMemberPoints, `WHERE ${inForce('m', '@period')} AND ${run.where} ORDER BY m.org, p.member`, { period, ...run.params });
  }

  /** The period's points of one org's members, as each member was then: a branch's own rating. */
  memberPointsOf(period: string, org: string): Generator<MemberPoints> {
    return this.iterate(memberPoints, 'WHERE p.period = ? AND m.org = ?', period, org);
  }

  /** The period's points one at a time, without their members: the year tallies each and lets it go. */
  eachPoints(period: string): Generator<Points> {
    return this.iterate(TABLES.points, 'WHERE period = ?', period);
  }

  /** The points of `periods` one at a time, by member, then by period: a year's members made as they are read; of the members from `from` up to `to` (null: to the last). */
  pointsOver(periods: readonly string[], from = '', to: string | null = null): Generator<Points> {
    // The table itself is in that order (its key), and read whole faster than a quarter through its index and sorted
    // (city: 1.2 against 2.1 s): worth it while these quarters hold half its rows or more (`+`: no index).
    const whole = this.holdHalfThePoints(periods.length);
    const run = inRun('member', from, to);
    const where = `WHERE ${whole ? '+period' : 'period'} IN (SELECT value FROM json_each(@periods)) AND ${run.where} ORDER BY member, period`;
    return this.iterate(TABLES.points, where, { periods: JSON.stringify(periods), ...run.params });
  }

  /** The period's points of these members only, one at a time. */
  eachPointsOf(period: string, members: readonly string[]): Generator<Points> {
    return this.iterate(TABLES.points, 'WHERE period = ? AND member IN (SELECT value FROM json_each(?))', period, JSON.stringify(members));
  }

  /** These members (or fewer: those that exist), by id, as they were at quarter `at`. */
  membersOf(ids: readonly string[], at: string): Member[] {
    return this.read(memberRuns, atQuarter(' AND id IN (SELECT value FROM json_each(@ids)) ORDER BY id'), { at, ids: JSON.stringify(ids) });
  }

  /** The ids of the active secretaries at quarter `at`. */
  secretaries(at: string): string[] {
    return this.rows<[string]>(PLANS.secretaries(at)).map(([id]) => id);
  }

  /**
   * Each org's active members, its probationary ones and its secretaries,
   * counted in one pass of the members' index by org (grouping by role too
   * would sort a city's 750,000 rows).
   */
  activeCounts(at: string): Map<string, ActiveCounts> {
    return this.once(`activeCounts ${at}`, () => {
      const over = this.activeOver;
      const rows =
        over?.at === at
          ? this.activeOverRows().flatMap((r): [string, number, number, number][] => {
              const [members, probationary, secretaries] = r.slice(-3) as number[];
              return members > 0 ? [[r[0] as string, members, probationary, secretaries]] : [];
            })
          : this.rows<[string, number, number, number]>(PLANS.activeCounts(at));
      return new Map(rows.map(([org, members, probationary, secretaries]) => [org, { members, probationary, secretaries }]));
    });
  }

  /**
   * Only the points that can make a red star: at least `stars` of the five
   * points ≥ `min` before deductions (which only lower a score). The bulletin
   * names red stars; a tenth of the members at city size, held once read (a
   * page reads them while the second thread counts, and rates them later).
   */
  redStarCandidates(period: string, min: number, stars: number): MemberPoints[] {
    return this.once(`candidates ${period} ${min} ${stars}`, () => {
      // Scanned while the quarter holds half the table's rows or more, as pointsOver reads (city, one quarter: 1.08–1.21
      // against 1.39–1.57 s for 330,000 candidates).
      const { rest, params } = candidatesWhere(period, min, stars, this.holdHalfThePoints(1));
      return this.read(memberPoints, rest, params);
    });
  }

  /** How many points records of `period` belong to active members of active orgs, those the star rating rates; with `orgs`, only these orgs' members. */
  ratedCount(period: string, orgs: Set<string> | null = null): number {
    let n = 0;
    for (const [org, count] of this.ratedByOrg(period)) if (!orgs || orgs.has(org)) n += count;
    return n;
  }

  /**
   * How many points records of `period` each org's active members have, if
   * the org is active: those the star rating rates. The orgs' activity is
   * looked up here, not joined: a city's 750,000 rows each would look it up.
   */
  ratedByOrg(period: string): Map<string, number> {
    return this.once(`rated ${period}`, () => {
      const active = new Set(this.orgs().flatMap((o) => (o.active ? [o.code] : [])));
      return new Map(this.countsByOrg(period).flatMap(([org, , rated]): [string, number][] => (active.has(org) && rated > 0 ? [[org, rated]] : [])));
    });
  }

  /** Per org, its active members and the points records of `period` of those and of all its members (PLANS.countsByOrg). */
  private countsByOrg(period: string): [org: string, active: number, rated: number, all: number][] {
    return this.once(countsKey(period), () => this.rows<[string, number, number, number]>(PLANS.countsByOrg(period)));
  }

  /** The period whose points the members are counted with (countWith). */
  private countedWith: string | null = null;

  /**
   * Per org, the files its members' points of `period` came in and when the
   * import that brought them ran; its members counted with their points
   * (countsByOrg, for ratedMembers and the rest) come with them, in one pass.
   */
  pointsFiles(period: string): Map<string, Arrival[]> {
    const rows = this.rows<[string, string | null, number, number, number, string]>(PLANS.countsWithFiles(period));
    const counts = new Map<string, [string, number, number, number]>();
    const files = new Map<string, Arrival[]>();
    for (const [org, file, active, rated, all, at] of rows) {
      const c = counts.get(org) ?? [org, 0, 0, 0];
      c[1] += active;
      c[2] += rated;
      c[3] += all;
      counts.set(org, c);
      if (file !== null) (files.get(org) ?? files.set(org, []).get(org)!).push({ file, at });
    }
    this.memo.set(countsKey(period), [...counts.values()]);
    return files;
  }

  /** From here on the members at `period` are counted per org with its points (countsByOrg), one pass for activeMembers and ratedByOrg. */
  countWith(period: string): void {
    this.countedWith = period;
  }

  /** The points records of `period` of these orgs' members (all, with `orgs` null): counted with those rated (countsByOrg). */
  pointsOf(period: string, orgs: Set<string> | null): number {
    let n = 0;
    for (const [org, , , all] of this.countsByOrg(period)) if (!orgs || orgs.has(org)) n += all;
    return n;
  }

  /** The quarters whose active members are counted together, and the quarter counted by role (countActiveOver). */
  private activeOver: { quarters: string[]; at: string } | null = null;

  /** From here on the active members of any of `quarters`, and those of `at` by role, are counted in one pass (PLANS.activeMembersOver). */
  countActiveOver(quarters: string[], at: string): void {
    this.activeOver = { quarters, at };
  }

  /** The rows of PLANS.activeMembersOver, read once. */
  private activeOverRows(): (string | number)[][] {
    const { quarters, at } = this.activeOver!;
    return this.once(`activeOver ${quarters.join(' ')} ${at}`, () => this.rows<(string | number)[]>(PLANS.activeMembersOver(quarters, at)));
  }

  /** How many active members each org has at quarter `at` (each that has one). */
  activeMembers(at: string): Map<string, number> {
    return this.once(`activeMembers ${at}`, () => {
      if (this.countedWith === at) return new Map(this.countsByOrg(at).flatMap(([org, active]): [string, number][] => (active > 0 ? [[org, active]] : [])));
      const i = (this.activeOver?.quarters.indexOf(at) ?? -1) + 1;
      if (i === 0) return new Map(this.rows<[string, number]>(PLANS.activeMembers(at)));
      return new Map(this.activeOverRows().flatMap((r): [string, number][] => ((r[i] as number) > 0 ? [[r[0] as string, r[i] as number]] : [])));
    });
  }

  /** Whether the quarter has more than `n` points records: counted no further than that. */
  pointsMoreThan(period: string, n: number): boolean {
    return (
      (this.db
        .prepare('SELECT COUNT(*) FROM (SELECT 1 FROM points WHERE period = ? LIMIT ?)')
        .pluck()
        .get(period, n + 1) as number) > n
    );
  }

  /**
   * Per org and month of `span`, the items counted (one per org, month and
   * title) and their points, each item at its highest adoption: `points`
   * gives each adoption's, in ADOPTIONS' order. Counted in SQL: a city's
   * quarter has 300,000 reports.
   */
  itemTallies(span: ReportSpan, points: number[]): { org: string; month: string; count: number; points: number }[] {
    const rows = this.rows<Tally>(PLANS.itemTallies(span, points));
    if ('period' in span && (span.through ?? '9999') >= periodMonths(span.period)[2]) this.quarterTallies.set(span.period, rows);
    return rows.map(([org, month, count, pts]) => ({ org, month, count, points: pts }));
  }

  /** Each quarter's item tallies, when read over the quarter whole: metMonths counts from them. */
  private readonly quarterTallies = new Map<string, Tally[]>();

  /**
   * Each org and month of `span` with at least `quota` items (items as
   * itemTallies counts them): the months that met the report quota. Counted
   * a quarter at a time, each once a run: the year asks for every month, the
   * star rating for the quarter's.
   */
  metMonths(span: ReportSpan, quota: number): [org: string, month: string][] {
    const period = 'month' in span ? periodOf(`${span.month}-01`) : span.period;
    const met = this.once(`met ${period} ${quota}`, () => {
      // An org's items in a month are its distinct titles, as the tallies count them (both in order of org and month).
      const tallies = this.quarterTallies.get(period);
      if (!tallies) return this.rows<[string, string]>(PLANS.metMonths(period, quota));
      return tallies.flatMap(([org, month, count]): [string, string][] => (count >= quota ? [[org, month]] : []));
    });
    if ('month' in span) return met.filter(([, month]) => month === span.month);
    return span.through === undefined ? met : met.filter(([, month]) => month <= span.through!);
  }

  /** The reports of `span`'s items that have more than one report, and (with `adoptedIn`) of that month's adopted above none. */
  namedItemReports(span: ReportSpan, adoptedIn: string | null): Report[] {
    return this.readOf(READS.namedItemReports(span, adoptedIn));
  }

  typicals(period: string): Typical[] {
    return this.once(`typicals ${period}`, () => this.read(TABLES.typicals, 'WHERE period = ? ORDER BY org, date, key', period));
  }

  /** Every member as it was at quarter `at`, by id. */
  members(at: string): Member[] {
    return this.once(`members ${at}`, () => [...this.eachMember(at)]);
  }

  /** members() one at a time, none kept; from id `from` up to `to` (not included; null: to the last). */
  eachMember(at: string, from = '', to: string | null = null): Generator<Member> {
    const run = inRun('id', from, to);
    return this.iterate(memberRuns, atQuarter(` AND ${run.where} ORDER BY id`), { at, ...run.params });
  }

  /** The ids of the members at `at` that begin runs of `n` in order of id, the first the first: how a full list is cut. */
  memberRunStarts(at: string, n: number): string[] {
    // Each start is the member n - 1 past the last one's, stepped over in SQLite along the key (one member a run each
    // at `at`): a city's 301 starts in 65 ms, against 305 ms numbering all 750,000 members in a window.
    const next = this.db.prepare(`SELECT id FROM members m ${atQuarter(' AND id > @from ORDER BY id LIMIT 1 OFFSET @skip')}`).pluck();
    const starts: string[] = [];
    for (let id = next.get({ at, from: '', skip: 0 }); id !== undefined; id = next.get({ at, from: id, skip: n - 1 })) starts.push(id as string);
    return starts;
  }

  /**
   * The members whose branch in some of `quarters` differs from their branch
   * at `at`: their branch in each of those quarters (a year's moves, few).
   */
  branchesOver(quarters: string[], at: string): Map<string, Record<string, string>> {
    const [first, last] = [quarters[0], quarters.at(-1)!];
    const runs = this.db
      .prepare(
        `SELECT id, since, until, org FROM members WHERE id IN (SELECT id FROM members WHERE since > @first AND since <= @last)
         AND since <= @last AND until > @first ORDER BY id, since`,
      )
      .raw()
      .all({ first, last }) as [string, string, string, string][];
    const out = new Map<string, Record<string, string>>();
    for (const [id, list] of groupBy(runs, ([id]) => id)) {
      const orgAt = (q: string) => list.find(([, since, until]) => since <= q && until > q)?.[3];
      const placed = orgAt(at);
      const each: Record<string, string> = {};
      for (const q of quarters) {
        const org = orgAt(q);
        if (org) each[q] = org;
      }
      if (Object.values(each).some((org) => org !== placed)) out.set(id, each);
    }
    return out;
  }

  /** Per org, its active members at `period` and how many of them have points then. */
  ratedMembers(period: string): Map<string, { members: number; rated: number }> {
    return new Map(this.countsByOrg(period).map(([org, members, rated]) => [org, { members, rated }]));
  }

  /** The problems found by `end` (the ledger never looks past its date). */
  problems(end: string): Problem[] {
    return this.once(`problems ${end}`, () => this.read(TABLES.problems, 'WHERE found <= ? ORDER BY org, id', end));
  }

  /**
   * The values of an indexed column, in order, one index seek each: a city
   * has 750,000 points rows and one quarter, and DISTINCT reads every entry.
   */
  private distinct(table: string, column: string): string[] {
    const next = `SELECT MIN(${column}) FROM ${table} WHERE ${column} > v`;
    const sql = `WITH RECURSIVE d(v) AS (SELECT MIN(${column}) FROM ${table} UNION ALL SELECT (${next}) FROM d WHERE v IS NOT NULL) SELECT v FROM d WHERE v IS NOT NULL`;
    return this.once(`distinct ${table} ${column}`, () => this.db.prepare(sql).pluck().all() as string[]);
  }

  reviewPeriods(): string[] {
    return this.distinct('reviews', 'period');
  }

  pointsPeriods(): string[] {
    return this.distinct('points', 'period');
  }

  /** Whether `n` quarters' points are half the table's or more (as many rows a quarter): a read of them scans the table. */
  private holdHalfThePoints(n: number): boolean {
    return n * 2 >= this.pointsPeriods().length;
  }

  reportMonths(): string[] {
    return this.distinct('reports', 'month');
  }

  reportPeriods(): string[] {
    return this.distinct('reports', 'period');
  }
}
