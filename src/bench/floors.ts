// The rows stars and report cannot do without, as the benchmark reads them
// bare: the latest quarter's points with their members (stars); every pledge
// with its owner, the latest month's quarter of report items, and the graded
// quarter's reviews and points with their members that its 分类定级 and 积分评星
// sections rate (report);
// the latest two quarters' reviews, the orgs and their pledges (grade);
// every problem and org (ledger); the latest year's reviews, points, reports,
// orgs, members and problems (annual).
import { SECTION_DEFS as TABLES, selectOf } from '../core/sections.js';
import { memberPoints, memberRuns, ownedPledges } from '../store/joins.js';

/** A read of a floor: its SQL and its parameters, given how to read one value. */
export interface FloorRead {
  sql: string;
  params: (value: (sql: string) => unknown) => unknown[];
}

const LATEST_QUARTER = 'SELECT MAX(period) FROM reviews';
const LATEST_MONTH = 'SELECT MAX(month) FROM reports';
/** The quarter before the latest reviewed, or the latest where there is none before it. */
const PREVIOUS_QUARTER = 'SELECT MIN(period) FROM (SELECT DISTINCT period FROM reviews ORDER BY period DESC LIMIT 2)';

const LATEST_YEAR = "SELECT substr(MAX(period), 1, 4) || '%' FROM reviews";

export const FLOORS: Record<'stars' | 'grade' | 'report' | 'ledger' | 'annual', FloorRead[]> = {
  stars: [{ sql: selectOf(memberPoints, 'WHERE p.period = ?'), params: (value) => [value(LATEST_QUARTER)] }],
  // A quarter's grading: its orgs, its reviews and the quarter's before, the commentaries and org pledges it weighs.
  grade: [
    { sql: selectOf(TABLES.orgs, ''), params: () => [] },
    { sql: selectOf(TABLES.reviews, 'WHERE period >= ?'), params: (value) => [value(PREVIOUS_QUARTER)] },
    { sql: selectOf(TABLES.pledges, 'WHERE owner_org IS NOT NULL'), params: () => [] },
  ],
  report: [
    { sql: selectOf(ownedPledges, ''), params: (value) => [{ at: value(LATEST_QUARTER) }] },
    {
      sql: selectOf(TABLES.reports, 'WHERE period = (SELECT period FROM reports WHERE month = ? LIMIT 1)'),
      params: (value) => [value(LATEST_MONTH)],
    },
    // The notice grades and rates its latest graded quarter, as grade and stars do.
    { sql: selectOf(TABLES.reviews, 'WHERE period = ?'), params: (value) => [value(LATEST_QUARTER)] },
    { sql: selectOf(memberPoints, 'WHERE p.period = ?'), params: (value) => [value(LATEST_QUARTER)] },
  ],
  // The ledger: its problems and the orgs they roll up through.
  ledger: [
    { sql: selectOf(TABLES.problems, ''), params: () => [] },
    { sql: selectOf(TABLES.orgs, ''), params: () => [] },
  ],
  // The year: its reviews, its points with their members, its reports, and the orgs, members and problems.
  annual: [
    { sql: selectOf(TABLES.reviews, 'WHERE period LIKE ?'), params: (value) => [value(LATEST_YEAR)] },
    { sql: selectOf(memberPoints, 'WHERE p.period LIKE ?'), params: (value) => [value(LATEST_YEAR)] },
    { sql: selectOf(TABLES.reports, 'WHERE period LIKE ?'), params: (value) => [value(LATEST_YEAR)] },
    { sql: selectOf(TABLES.orgs, ''), params: () => [] },
    // Every member's runs of quarters: the year places each at its last graded quarter.
    { sql: selectOf(memberRuns, ''), params: () => [] },
    { sql: selectOf(TABLES.problems, ''), params: () => [] },
  ],
};
