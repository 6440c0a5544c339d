// The SQL of the counts a read command may hand to a second thread
// (store/prefetch.ts): each is run by one method of Query, which takes its rows
// from the second thread when the command handed it there.
import { ADOPTIONS, type ReviewCommentary } from '../core/model.js';
import { SECTION_DEFS as TABLES, selectOf, type Readable } from '../core/sections.js';
import { compile, type ColumnDef } from '../core/section-rows.js';
import type { Plan } from './prefetch.js';
import { inForce } from './member-runs.js';

/** A read of records: its table, its WHERE and ORDER BY, its parameters (Query reads it, here or on the second thread). */
export interface RecordRead<R> {
  t: Readable<R>;
  rest: string;
  params: unknown[];
}

/** Reviews read as ReviewCommentary: a city's grading reads 27,000 commentaries beside its 30,000 reviews. */
const commented: Readable<ReviewCommentary> = (() => {
  const own = TABLES.reviews.columns.filter((c) => c.field === 'org' || c.field === 'period' || c.field!.startsWith('commentary.'));
  const { read, fromRow } = compile(own as unknown as ColumnDef<ReviewCommentary>[]);
  return { name: 'reviews', read, fromRow };
})();

/** The record reads a command may hand to the second thread; Query's method of the same name runs each. */
export const READS = {
  reviews: (period: string) => ({ t: TABLES.reviews, rest: 'WHERE period = ? ORDER BY org', params: [period] }),
  /** Reviews of any period whose commentary is dated from `since` to `until`. */
  commentaries: (since: string, until: string) => ({
    t: commented,
    rest: 'WHERE commentary_date BETWEEN ? AND ? ORDER BY org, period',
    params: [since, until],
  }),
  /**
   * Org pledges due by `date`: the only ones that can be overdue then. Read by a scan of the table and sorted (the `+`s
   * keep SQLite off the indexes on due and id): through either index it looks every member's pledge up in the table
   * too (a city's 256,000 pledges for its 30,000 orgs': 43–48 against 77–138 ms when none is due, 75–127 against
   * 117–176 ms when all are).
   */
  orgPledgesDueBy: (date: string) => ({ t: TABLES.pledges, rest: 'WHERE +due <= ? AND owner_org IS NOT NULL ORDER BY +id', params: [date] }),
  /** The reports of `span`'s items that have more than one report, and (with `adoptedIn`) of that month's adopted above none. */
  namedItemReports: (span: ReportSpan, adoptedIn: string | null) => {
    const { where, params } = spanWhere(span);
    // Each report looks for another of its item (the same org, month and title) by the index on those three: a third
    // faster at city size than grouping the span's 300,000 reports first.
    const item = (also: string) => `EXISTS (SELECT 1 FROM reports s WHERE s.org = r.org AND s.month = r.month AND s.title = r.title AND ${also})`;
    const adopted = adoptedIn ? ` OR (r.month = @adoptedIn AND ${item(`s.adopted <> '${ADOPTIONS[0]}'`)})` : '';
    return {
      t: { ...TABLES.reports, name: 'reports r' },
      rest: `WHERE ${where} AND (${item('s.key <> r.key')}${adopted}) ORDER BY org, date, key`,
      params: [adoptedIn ? { ...params, adoptedIn } : params],
    };
  },
};

/** A record read as the second thread runs it: its rows, raw. */
export const planOf = <R>(r: RecordRead<R>): Plan => ({ sql: selectOf(r.t, r.rest), params: r.params });

/** Reports of one quarter up to a month, or of one month. */
export type ReportSpan = { period: string; through?: string } | { month: string };

export function spanWhere(span: ReportSpan): { where: string; params: Record<string, string> } {
  if ('month' in span) return { where: 'month = @month', params: { month: span.month } };
  return { where: 'period = @period AND month <= @through', params: { period: span.period, through: span.through ?? '9999' } };
}

/** An item's adoption as its place in ADOPTIONS: the highest of an item's reports is the item's. */
const LEVEL = `CASE adopted ${ADOPTIONS.map((a, i) => `WHEN '${a}' THEN ${i}`).join(' ')} END`;

/**
 * The plans by name; Query's method of the same name runs each (through Query.rows, which asks the prefetch first).
 * Members counted per org are grouped `BY +org`: read in the table's order and sorted, not through the index on org,
 * which looks every member up in the table again (a city's 750,000: a third less time, the same rows; the `+` keeps
 * SQLite off that index).
 */
export const PLANS = {
  /**
   * Per org, its active members and the points records of `period` of those
   * and of all its members: one pass over the members, each looking its
   * points up, then sorted by org (the bulletin's pledges count the members too, on
   * the second thread: shared there).
   */
  countsByOrg: (period: string): Plan => ({
    sql: `SELECT m.org, SUM(m.active = 1), SUM(m.active = 1 AND p.member IS NOT NULL), COUNT(p.member) FROM members m
          LEFT JOIN points p ON p.member = m.id AND p.period = @q WHERE ${inForce('m', '@q')} GROUP BY +m.org`,
    params: [{ q: period }],
    shared: true,
  }),
  /**
   * countsByOrg by the file each member's points came in (null: none), with
   * the time of the latest import that brought them: `cxzy status` counts and
   * names the files in one pass of the members and their points, not two
   * (ordered `BY +m.org` as the grouping is: no second sort).
   */
  countsWithFiles: (period: string): Plan => ({
    sql: `SELECT m.org, p.src_file, SUM(m.active = 1), SUM(m.active = 1 AND p.member IS NOT NULL), COUNT(p.member), COALESCE(MAX(i.at), '') FROM members m
          LEFT JOIN points p ON p.member = m.id AND p.period = @q LEFT JOIN imports i ON i.n = p.gen
          WHERE ${inForce('m', '@q')} GROUP BY +m.org, p.src_file ORDER BY +m.org, p.src_file`,
    params: [{ q: period }],
  }),
  /** The active secretaries' ids at quarter `at`. */
  secretaries: (at: string): Plan => ({
    sql: `SELECT id FROM members m WHERE ${inForce('m', '@q')} AND active = 1 AND role = 'secretary'`,
    params: [{ q: at }],
  }),
  /** Per org, its active members at quarter `at` (the bulletin's pledges count them too, on the second thread: shared there). */
  activeMembers: (at: string): Plan => ({
    sql: `SELECT org, COUNT(*) FROM members m WHERE ${inForce('m', '@q')} AND active = 1 GROUP BY +org`,
    params: [{ q: at }],
    shared: true,
  }),
  /**
   * Per org, its active members at each of `quarters`, one column each, then at
   * quarter `at` its active members, probationary ones and secretaries, in one
   * pass: the year's five counts cost about one.
   */
  activeMembersOver: (quarters: string[], at: string): Plan => ({
    sql: `SELECT ${[
      'org',
      ...quarters.map((_, i) => `SUM(${inForce('m', `@q${i}`)})`),
      `SUM(${inForce('m', '@at')})`,
      `SUM(${inForce('m', '@at')} AND role = 'probationary')`,
      `SUM(${inForce('m', '@at')} AND role = 'secretary')`,
    ].join(', ')} FROM members m WHERE active = 1 GROUP BY +org`,
    params: [{ ...Object.fromEntries(quarters.map((q, i) => [`q${i}`, q])), at }],
  }),
  /** Per org, its active members at quarter `at`, probationary ones and secretaries (one pass, grouped by org alone: by role too would sort more). */
  activeCounts: (at: string): Plan => ({
    sql: `SELECT org, COUNT(*), SUM(role = 'probationary'), SUM(role = 'secretary') FROM members m WHERE ${inForce('m', '@q')} AND active = 1 GROUP BY +org`,
    params: [{ q: at }],
  }),
  /** Per org and month of `span`, the items and their points (Query.itemTallies). */
  itemTallies: (span: ReportSpan, points: number[]): Plan => {
    const { where, params } = spanWhere(span);
    const worth = `CASE level ${points.map((_, i) => `WHEN ${i} THEN @p${i}`).join(' ')} END`;
    return {
      sql: `SELECT org, month, COUNT(*), SUM(${worth}) FROM (SELECT org, month, MAX(${LEVEL}) AS level FROM reports WHERE ${where} GROUP BY org, month, title) GROUP BY org, month`,
      params: [{ ...params, ...Object.fromEntries(points.map((p, i) => [`p${i}`, p])) }],
    };
  },
  /** Each org and month of `period` with at least `quota` items. */
  metMonths: (period: string, quota: number): Plan => ({
    sql: 'SELECT org, month FROM reports WHERE period = ? GROUP BY org, month HAVING COUNT(DISTINCT title) >= ?',
    params: [period, quota],
  }),
};
