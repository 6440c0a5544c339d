// The batch's views (store/views.ts names them): made once per batch, over
// the staging tables, or, for a first import straight into an empty
// database, over the tables themselves with nothing stored beside them.
import type { DB } from '../db.js';
import { SECTION_LIST, SRC_COLS } from '../../core/sections.js';
import { batchOf, effectiveOf, keptOf, STORED_RUNS, storedOf } from '../views.js';

/** `direct`: the batch is staged straight into the tables of an empty database. */
export function createViews(db: DB, direct: boolean): void {
  for (const t of SECTION_LIST) {
    const s = t.section;
    const cols = [...t.cols, ...SRC_COLS].join(', ');
    const staged = direct ? `main.${t.name}` : `temp.s_${t.name}`;
    // The stored order where there is one (a table WITHOUT ROWID has none).
    const sql = db.prepare('SELECT sql FROM main.sqlite_master WHERE name = ?').pluck().get(t.name) as string;
    const ord = /WITHOUT ROWID/.test(sql) ? 'NULL' : 'rowid';
    // Each view reads the tables themselves, never another view, and with nothing stored there is no
    // UNION: SQLite then flattens the views into the queries that use them and looks rows up by index.
    const from = `FROM main.${t.name} x WHERE ${direct ? '0' : 'true'}`;
    const notReplaced = `NOT EXISTS (SELECT 1 FROM ${staged} y WHERE ${t.key.map((k) => `y.${k} = x.${k}`).join(' AND ')})`;
    for (const v of [batchOf(s), storedOf(s), keptOf(s), effectiveOf(s)]) db.exec(`DROP VIEW IF EXISTS ${v}`);
    db.exec(`CREATE TEMP VIEW batch_${s} AS SELECT ${cols} FROM ${staged};
      CREATE TEMP VIEW stored_${s} AS SELECT ${cols}, ${ord} AS ord ${from};
      CREATE TEMP VIEW kept_${s} AS SELECT ${cols}, ${ord} AS ord ${from} AND ${notReplaced};
      CREATE TEMP VIEW effective_${s} AS SELECT ${cols}, 1 AS staged, NULL AS ord FROM ${staged}
        ${direct ? '' : `UNION ALL SELECT ${cols}, 0, ${ord} ${from} AND ${notReplaced}`};`);
  }
  db.exec(`DROP VIEW IF EXISTS ${STORED_RUNS}; CREATE TEMP VIEW stored_runs AS SELECT * FROM main.members WHERE ${direct ? '0' : 'true'}`);
}
