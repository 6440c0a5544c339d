// The two SQLite drivers cxzy could use, doing the same work on the same
// database: better-sqlite3 (a prebuilt addon) and Node's built-in node:sqlite.
// `write`: every section's rows of an imported database inserted into an empty
// copy of its schema in one transaction with prepared statements, as the
// import's store does. `read`: those rows read back as arrays, as the analyses
// read them; `floors`: the rows stars and report cannot do without.
import { rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import Database from 'better-sqlite3';
import { SECTIONS } from '../core/model.js';
import { FLOORS } from './floors.js';

/** The little of a driver the measurement needs: prepare, run, iterate as arrays, exec. */
interface Driver {
  exec(sql: string): void;
  rows(sql: string, ...params: unknown[]): Iterable<unknown[]>;
  value(sql: string): unknown;
  insert(sql: string): (row: unknown[]) => void;
  close(): void;
}

function better(path: string, readonly: boolean): Driver {
  const db = new Database(path, { readonly });
  return {
    exec: (sql) => void db.exec(sql),
    rows: (sql, ...params) =>
      db
        .prepare(sql)
        .raw()
        .iterate(...params) as Iterable<unknown[]>,
    value: (sql) => db.prepare(sql).pluck().get(),
    insert(sql) {
      const st = db.prepare(sql);
      return (row) => void st.run(...row);
    },
    close: () => db.close(),
  };
}

function builtin(path: string, readonly: boolean): Driver {
  const db = new DatabaseSync(path, { readOnly: readonly });
  type Param = null | number | bigint | string;
  return {
    exec: (sql) => db.exec(sql),
    rows(sql, ...params) {
      const st = db.prepare(sql);
      st.setReturnArrays(true);
      return st.iterate(...(params as Param[])) as Iterable<unknown[]>;
    },
    value(sql) {
      const st = db.prepare(sql);
      st.setReturnArrays(true);
      return (st.get() as unknown as unknown[] | undefined)?.[0];
    },
    insert(sql) {
      const st = db.prepare(sql);
      return (row) => void st.run(...(row as Param[]));
    },
    close: () => db.close(),
  };
}

const DRIVERS = { better, builtin };

/** Milliseconds of each part, and the rows they moved (equal for both drivers, or the comparison is void). */
export function compareDriver(name: string, source: string, target: string): string {
  const open = DRIVERS[name as keyof typeof DRIVERS];
  if (!open) throw new Error(`unknown driver ${name}`);
  const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
  const src = open(source, true);
  let t0 = process.hrtime.bigint();
  const data = new Map<string, unknown[][]>();
  for (const s of SECTIONS) data.set(s, [...src.rows(`SELECT * FROM ${s}`)]);
  const read = ms(t0);

  t0 = process.hrtime.bigint();
  const bare = (sql: string, ...params: unknown[]) => {
    let n = 0;
    for (const _ of src.rows(sql, ...params)) n++;
    return n;
  };
  let floorRows = 0;
  for (const f of [...FLOORS.stars, ...FLOORS.report]) floorRows += bare(f.sql, ...f.params((sql) => src.value(sql)));
  const floors = ms(t0);
  const schema = [...src.rows(`SELECT sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%'`)].map((r) => String(r[0]));
  src.close();

  for (const s of ['', '-wal', '-shm']) rmSync(target + s, { force: true });
  const dst = open(target, false);
  dst.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF');
  for (const sql of schema) dst.exec(sql);
  t0 = process.hrtime.bigint();
  dst.exec('BEGIN');
  let written = 0;
  for (const [s, rows] of data) {
    if (rows.length === 0) continue;
    const put = dst.insert(`INSERT INTO ${s} VALUES (${rows[0].map(() => '?').join(', ')})`);
    for (const r of rows) put(r);
    written += rows.length;
  }
  dst.exec('COMMIT');
  const write = ms(t0);
  dst.close();
  for (const s of ['', '-wal', '-shm']) rmSync(target + s, { force: true });
  return JSON.stringify({ read, floors, write, rows: written, floor_rows: floorRows });
}
