// Which file brought a quarter's records, and when the import that brought
// it ran: what `cxzy status` shows beside each branch's figures.
import type { DB } from './db.js';

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
