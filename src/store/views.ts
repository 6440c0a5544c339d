// The names a batch gives its rows, so that the rules and the rest of the
// store speak of them in one way, whether the batch is staged beside stored
// rows or straight into an empty database's tables (store/batch/ decides and
// makes the views; nothing else need know which):
//   batch_<section>      the batch's staged rows
//   stored_<section>     the rows stored before the batch, `ord` their order
//   kept_<section>       the stored rows no staged row replaces
//   effective_<section>  the rows as the import leaves them: the batch's, and
//                        the stored ones no staged row replaces (`staged` 1/0)
//   stored_runs          the members' runs stored before the batch
import type { Section } from '../core/model.js';
import type { DB } from './db.js';

export const batchOf = (s: Section) => `temp.batch_${s}`;
export const storedOf = (s: Section) => `temp.stored_${s}`;
export const keptOf = (s: Section) => `temp.kept_${s}`;
export const effectiveOf = (s: Section) => `temp.effective_${s}`;

/** The members' runs stored before the batch: none in a first import, which makes its runs straight into main.members. */
export const STORED_RUNS = 'temp.stored_runs';

/** The files skipped as unchanged: their stored rows count as the batch's. */
export const SKIPPED = '(SELECT file FROM temp.skipped)';

/** Whether the batch skipped any file as unchanged: a rule then reads their stored rows too. */
export const anySkipped = (db: DB): boolean => db.prepare(`SELECT EXISTS ${SKIPPED}`).pluck().get() === 1;

// A lookup by key through effective_<section> would read the whole view:
// SQLite cannot flatten a UNION ALL into a correlated subquery. These look in
// the batch, then in what is stored, each by its index.

/** Whether a row of `s` with `col` = `expr` is staged or stored. */
export const exists = (s: Section, col: string, expr: string) =>
  `(EXISTS (SELECT 1 FROM ${batchOf(s)} WHERE ${col} = ${expr}) OR EXISTS (SELECT 1 FROM ${storedOf(s)} WHERE ${col} = ${expr}))`;

/** Column `want` of the row of `s` with `col` = `expr` as the import leaves it: the staged one, else the stored one. */
export const lookup = (s: Section, want: string, col: string, expr: string) =>
  `COALESCE((SELECT ${want} FROM ${batchOf(s)} WHERE ${col} = ${expr}), (SELECT ${want} FROM ${storedOf(s)} WHERE ${col} = ${expr}))`;
