// The pipeline's stage step: each file's rows go, as they arrive, into the
// staging tables — private TEMP tables of this connection, or, for an import
// into an empty database, the tables themselves. Staging takes no write lock
// on the database. A row whose identity the batch already staged is a
// duplicate: it is noted with both places and not written.
import type { DB } from '../db.js';
import { SECTION_DEFS, SECTION_LIST, type SectionDef } from '../../core/sections.js';
import { SECTIONS, sourceOf, type Section, type Source } from '../../core/model.js';
import { rowWidth, type SectionRows } from '../../read/rows.js';

type Stmt = { get(...params: unknown[]): unknown; run(...params: unknown[]): { changes: number } };

/** Rows per multi-row INSERT. */
const CHUNK = 128;

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
  width: number;
  select: Stmt;
  insert: Stmt;
  insertMany: Stmt;
}

/** `n` rows of `width` values as an INSERT's VALUES, the file and sheet bound once (@file, @sheet) for every row, the generation a literal. */
function values(n: number, width: number, gen: number | null): string {
  const row = `(${Array(width).fill('?').join(', ')}, @file, @sheet${gen === null ? '' : `, ${gen}`})`;
  return Array(n).fill(row).join(', ');
}

/** Rows staged since a mark (Stager.mark): kept, or taken back. */
export interface Mark {
  keep(): void;
  undo(): void;
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
    gen: number | null,
  ) {
    for (const s of SECTIONS) {
      const t = SECTION_DEFS[s] as SectionDef<unknown>;
      const table = stagedTable(staging, s);
      const width = rowWidth(s);
      const cols = [...t.cols, 'src_line', 'src_file', 'src_sheet', ...(gen === null ? [] : ['gen'])].join(', ');
      this.stmts.set(s, {
        t,
        width,
        select: db.prepare(`SELECT src_file, src_line, src_sheet FROM ${table} WHERE ${t.key.map((k) => `${k} = ?`).join(' AND ')}`).raw(),
        insert: db.prepare(`INSERT INTO ${table} (${cols}) VALUES ${values(1, width, gen)} ON CONFLICT DO NOTHING`),
        insertMany: db.prepare(`INSERT INTO ${table} (${cols}) VALUES ${values(CHUNK, width, gen)} ON CONFLICT DO NOTHING`),
      });
    }
  }

  /**
   * What is staged from here on, until `keep`, may be taken back whole by
   * `undo`: a cut file staged piece by piece, which may yet be read whole or
   * turn out to be a file the batch has under another name. One at a time.
   */
  mark(): Mark {
    this.db.exec('SAVEPOINT file');
    const staged = { ...this.staged };
    const duplicates = this.duplicates.length;
    return {
      keep: () => this.db.exec('RELEASE file'),
      undo: () => {
        this.db.exec('ROLLBACK TO file');
        this.db.exec('RELEASE file');
        Object.assign(this.staged, staged);
        this.duplicates.length = duplicates;
      },
    };
  }

  /** One file's rows; `sheets`: for a workbook, the sheet each section's rows came from. */
  add(file: string, rows: SectionRows, sheets: Partial<Record<Section, string>> = {}): void {
    for (const s of SECTIONS) {
      const flat = rows[s];
      if (!flat || flat.length === 0) continue;
      const st = this.stmts.get(s)!;
      const at = { file, sheet: sheets[s] ?? null };
      const n = flat.length / st.width;
      let i = 0;
      for (; i + CHUNK <= n; i += CHUNK) {
        this.db.exec('SAVEPOINT chunk');
        const whole = st.insertMany.run(flat.slice(i * st.width, (i + CHUNK) * st.width), at).changes === CHUNK;
        // A duplicate inside the chunk: undo it and take its rows one by one.
        if (!whole) this.db.exec('ROLLBACK TO chunk');
        this.db.exec('RELEASE chunk');
        if (whole) this.staged[s] += CHUNK;
        else this.addRows(s, st, at, flat, i, i + CHUNK);
      }
      this.addRows(s, st, at, flat, i, n);
    }
  }

  private addRows(
    s: Section,
    { t, width, select, insert }: Stmts,
    at: { file: string; sheet: string | null },
    flat: unknown[],
    from: number,
    to: number,
  ): void {
    for (let r = from; r < to; r++) {
      const row = flat.slice(r * width, (r + 1) * width);
      if (insert.run(row, at).changes === 1) {
        this.staged[s]++;
        continue;
      }
      const key = t.key.map((k) => row[t.cols.indexOf(k)]);
      const [file, line, sheet] = select.get(...key) as [string, number, string | null];
      this.duplicates.push({ section: s, key, src: sourceOf(at.file, row[width - 1], at.sheet), first: sourceOf(file, line, sheet) });
    }
  }
}
