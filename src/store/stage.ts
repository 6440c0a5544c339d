// The pipeline's stage step: each file's rows go, as they arrive, into the
// staging tables — private TEMP tables of this connection, or, for an import
// into an empty database, the tables themselves. Staging takes no write lock
// on the database. A row whose identity the batch already staged is a
// duplicate: it is noted with both places and not written.
import type { DB } from './db.js';
import { SECTION_DEFS, SECTION_LIST, type SectionDef } from '../core/sections.js';
import { SECTIONS, type Section, type Source } from '../core/model.js';
import type { SectionRows } from '../read/rows.js';

type Stmt = { get(...params: unknown[]): unknown; run(...params: unknown[]): { changes: number } };

/** Rows per multi-row INSERT. */
const CHUNK = 64;

/** Where this batch's rows are staged, and whether other rows are stored beside them. */
export interface Staging {
  /** Staged straight into the tables of an empty database (a first import): nothing else is stored. */
  direct: boolean;
}

/** The table holding section `s`'s staged rows. */
export const stagedTable = (st: Staging, s: Section) => (st.direct ? `main.${SECTION_DEFS[s].name}` : `temp.s_${SECTION_DEFS[s].name}`);

/** A second record with an identity the batch has already staged. */
export interface Duplicate {
  section: Section;
  key: unknown[];
  src: Source;
  first: Source;
}

/** The TEMP staging tables: the stored tables' columns (without `gen`) and identity. */
export function createStagingTables(db: DB): void {
  for (const t of SECTION_LIST) {
    const info = db.prepare(`PRAGMA main.table_info(${t.name})`).all() as { name: string; type: string }[];
    const cols = info.filter((c) => c.name !== 'gen').map((c) => `${c.name} ${c.type}`);
    const rowid = db.prepare(`SELECT sql FROM main.sqlite_master WHERE name = ?`).pluck().get(t.name) as string;
    db.exec(`DROP TABLE IF EXISTS temp.s_${t.name}`);
    db.exec(`CREATE TEMP TABLE s_${t.name} (${cols.join(', ')}, PRIMARY KEY (${t.key.join(', ')}))${/WITHOUT ROWID/.test(rowid) ? ' WITHOUT ROWID' : ''}`);
  }
}

interface Stmts {
  t: SectionDef<unknown>;
  select: Stmt;
  insert: Stmt;
  insertMany: Stmt;
}

export class Stager {
  /** Rows staged per section. */
  readonly staged = Object.fromEntries(SECTIONS.map((s) => [s, 0])) as Record<Section, number>;
  readonly duplicates: Duplicate[] = [];
  private readonly stmts = new Map<Section, Stmts>();

  /** `gen`: the import's generation, written with each row when staging straight into the tables. */
  constructor(
    private readonly db: DB,
    staging: Staging,
    private readonly gen: number | null,
  ) {
    for (const s of SECTIONS) {
      const t = SECTION_DEFS[s] as SectionDef<unknown>;
      const table = stagedTable(staging, s);
      const cols = [...t.cols, 'src_file', 'src_line', ...(gen === null ? [] : ['gen'])];
      const one = `(${cols.map(() => '?').join(', ')})`;
      this.stmts.set(s, {
        t,
        select: db.prepare(`SELECT src_file, src_line FROM ${table} WHERE ${t.key.map((k) => `${k} = ?`).join(' AND ')}`).raw(),
        insert: db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${one} ON CONFLICT DO NOTHING`),
        insertMany: db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${Array(CHUNK).fill(one).join(', ')} ON CONFLICT DO NOTHING`),
      });
    }
  }

  /** One file's rows (table columns, then file and line). */
  add(rows: SectionRows): void {
    for (const s of SECTIONS) {
      const list = rows[s];
      if (!list || list.length === 0) continue;
      const st = this.stmts.get(s)!;
      if (this.gen !== null) for (const row of list) row.push(this.gen);
      let i = 0;
      for (; i + CHUNK <= list.length; i += CHUNK) {
        const chunk = list.slice(i, i + CHUNK);
        this.db.exec('SAVEPOINT chunk');
        const whole = st.insertMany.run(chunk.flat()).changes === CHUNK;
        // A duplicate inside the chunk: undo it and take its rows one by one.
        if (!whole) this.db.exec('ROLLBACK TO chunk');
        this.db.exec('RELEASE chunk');
        if (whole) this.staged[s] += CHUNK;
        else this.addRows(s, st, chunk);
      }
      this.addRows(s, st, list.slice(i));
    }
  }

  private addRows(s: Section, { t, select, insert }: Stmts, rows: unknown[][]): void {
    const n = t.cols.length;
    for (const row of rows) {
      if (insert.run(row).changes === 1) {
        this.staged[s]++;
        continue;
      }
      const key = t.key.map((k) => row[t.cols.indexOf(k)]);
      const [file, line] = select.get(...key) as [string, number];
      this.duplicates.push({ section: s, key, src: { file: row[n] as string, line: row[n + 1] as number }, first: { file, line } });
    }
  }
}
