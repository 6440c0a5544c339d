// Which file brought a quarter's records, and when the import that brought
// it ran: what `cxzy status` shows beside each branch's figures.
import type { DB } from './db.js';
import { groupBy } from '../core/collections.js';
import { inForce } from './member-runs.js';

/** A file and when the import that brought it ran (its local time, '' for rows from before the log). */
export interface Arrival {
  file: string;
  at: string;
}

/** The file each org's review of `period` came in. */
export function reviewArrivals(db: DB, period: string): Map<string, Arrival> {
  const rows = db
    .prepare("SELECT r.org, r.src_file, COALESCE(i.at, '') FROM reviews r LEFT JOIN imports i ON i.n = r.gen WHERE r.period = ?")
    .raw()
    .all(period) as [string, string, string][];
  return new Map(rows.map(([org, file, at]) => [org, { file, at }]));
}

/** Per org, the files its members' points of `period` came in (the members as they were then). */
export function pointsArrivals(db: DB, period: string): Map<string, Arrival[]> {
  const rows = db
    .prepare(
      `SELECT m.org, p.src_file, COALESCE(MAX(i.at), '') FROM points p JOIN members m ON m.id = p.member AND ${inForce('m', 'p.period')}
       LEFT JOIN imports i ON i.n = p.gen WHERE p.period = ? GROUP BY m.org, p.src_file ORDER BY m.org, p.src_file`,
    )
    .raw()
    .all(period) as [string, string, string][];
  return new Map([...groupBy(rows, ([org]) => org)].map(([org, list]) => [org, list.map(([, file, at]) => ({ file, at }))]));
}
