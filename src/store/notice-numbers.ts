// The numbers supervision notices (督办通知单) are issued under, kept per
// number prefix and year (SPEC §6 ledger): a number is never issued twice,
// and a problem whose notice is issued again keeps the number it had.
import { DataError } from '../core/errors.js';
import type { DB } from './db.js';

export interface Numbered {
  problem: string;
  number: number;
  /** Issued before, under this number. */
  again: boolean;
}

/**
 * A number for each of `problems` (in order) under `prefix` in `year`: the one
 * it was issued before, else the next free from `start` (else from one past
 * the last issued). A `start` already issued to another problem is refused.
 */
export function assignNumbers(db: DB, prefix: string, year: number, problems: string[], start: number | null): Numbered[] {
  const had = new Map(
    (db.prepare(`SELECT problem, number FROM notice_numbers WHERE prefix = ? AND year = ?`).all(prefix, year) as { problem: string; number: number }[]).map(
      (r) => [r.problem, r.number],
    ),
  );
  const used = new Set(had.values());
  // Asked to start new numbers at one already issued: the document would repeat it.
  if (start !== null && used.has(start) && problems.some((p) => !had.has(p))) {
    const holder = [...had].find(([, n]) => n === start)![0];
    throw new DataError({ id: 'lg_n_number_used', params: { n: start, year, problem: holder } });
  }
  let next = start ?? Math.max(0, ...used) + 1;
  return problems.map((problem) => {
    const number = had.get(problem);
    if (number !== undefined) return { problem, number, again: true };
    while (used.has(next)) next++;
    used.add(next);
    return { problem, number: next++, again: false };
  });
}

/** Records the numbers newly issued at `date`. */
export function recordNumbers(db: DB, prefix: string, year: number, issued: Numbered[], date: string): void {
  const add = db.prepare(`INSERT INTO notice_numbers (prefix, year, number, problem, date) VALUES (?, ?, ?, ?, ?)`);
  for (const n of issued) if (!n.again) add.run(prefix, year, n.number, n.problem, date);
}
