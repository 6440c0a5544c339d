// The fast import's writer: upserts each file's records as they arrive, inside
// the import's one transaction, marking them with this import's `gen`. A second
// record with an identity the batch already wrote is a conflict; the import
// then rolls back and reports it on the precise path.
import type { DB } from './db.js';
import { TABLES, type Table } from './tables.js';
import { SECTIONS, type Section } from '../model.js';
import type { Counts, SectionCounts } from './write.js';

/** What an imported file contributed, kept so an unchanged file need not be read again. */
export interface FileSummary {
  counts: Partial<Record<Section, number>>;
  /** Quarters per period-scoped section, for --replace. */
  periods: Partial<Record<Section, string[]>>;
  warnings: unknown[];
}

type Stmt = { get(...params: unknown[]): unknown; run(...params: unknown[]): { changes: number } };

/** Rows per multi-row INSERT when loading an empty database. */
const CHUNK = 64;

interface Stmts {
  t: Table<unknown>;
  select: Stmt;
  insert: Stmt;
  insertMany: Stmt;
  update: Stmt;
  keyIdx: number[];
}

/** A new import generation, recorded in the database (inside the import's transaction). */
export function nextGen(db: DB): number {
  const gen = (db.prepare(`SELECT value FROM meta WHERE key = 'gen'`).pluck().get() as number) + 1;
  db.prepare(`UPDATE meta SET value = ? WHERE key = 'gen'`).run(gen);
  return gen;
}

export const zeroCounts = (): SectionCounts =>
  Object.fromEntries(SECTIONS.map((s) => [s, { inserted: 0, updated: 0, unchanged: 0, removed: 0 } as Counts])) as SectionCounts;

/** Rows this import wrote or confirmed: its own `gen`, or from a file skipped as unchanged. */
export const inBatch = (alias: string) => `(${alias}.gen = @gen OR ${alias}.src_file IN (SELECT file FROM temp.skipped))`;

export class StreamWriter {
  readonly counts = zeroCounts();
  /** Files some of whose rows this import replaced or removed: their stored hash no longer vouches for them. */
  readonly dirty = new Set<string>();
  readonly skipped = new Set<string>();
  private readonly stmts = new Map<Section, Stmts>();
  private readonly orgExists;
  private readonly addSkipped;

  /** `bulk`: the database was empty, so rows go in CHUNK at a time. */
  constructor(
    private readonly db: DB,
    readonly gen: number,
    private readonly bulk = false,
  ) {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS skipped (file TEXT PRIMARY KEY); DELETE FROM temp.skipped;');
    this.addSkipped = db.prepare('INSERT OR IGNORE INTO temp.skipped VALUES (?)');
    this.orgExists = db.prepare('SELECT 1 FROM orgs WHERE code = ?').pluck();
    for (const s of SECTIONS) {
      const t = TABLES[s] as Table<unknown>;
      const where = t.key.map((k) => `${k} = ?`).join(' AND ');
      const all = [...t.cols, 'src_file', 'src_line', 'gen'];
      this.stmts.set(s, {
        t,
        select: db.prepare(`SELECT ${all.join(', ')} FROM ${t.name} WHERE ${where}`).raw(),
        insert: db.prepare(`INSERT INTO ${t.name} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')}) ON CONFLICT DO NOTHING`),
        insertMany: db.prepare(`INSERT INTO ${t.name} (${all.join(', ')}) VALUES ${Array(CHUNK).fill(`(${all.map(() => '?').join(', ')})`).join(', ')} ON CONFLICT DO NOTHING`),
        update: db.prepare(`UPDATE ${t.name} SET ${all.map((k) => `${k} = ?`).join(', ')} WHERE ${where}`),
        keyIdx: t.key.map((k) => t.cols.indexOf(k)),
      });
    }
  }

  /** An unchanged file: its rows stand, counted as unchanged. False when this batch already replaced one of them. */
  skip(file: string, summary: FileSummary): boolean {
    if (this.dirty.has(file)) return false;
    this.skipped.add(file);
    this.addSkipped.run(file);
    for (const s of SECTIONS) this.counts[s].unchanged += summary.counts[s] ?? 0;
    return true;
  }

  /** One file's rows (table columns, then file and line). False on a conflict: an identity this batch has already written. */
  add(rows: Partial<Record<Section, unknown[][]>>): boolean {
    for (const s of SECTIONS) {
      const list = rows[s];
      if (!list || list.length === 0) continue;
      const st = this.stmts.get(s)!;
      for (const row of list) row.push(this.gen);
      if (s === 'pledges') for (const row of list) this.settleOwner(row);
      let i = 0;
      if (this.bulk) {
        for (; i + CHUNK <= list.length; i += CHUNK) {
          const chunk = list.slice(i, i + CHUNK);
          this.db.exec('SAVEPOINT chunk');
          const whole = st.insertMany.run(chunk.flat()).changes === CHUNK;
          // A conflict inside the chunk: undo it and take its rows one by one.
          if (!whole) this.db.exec('ROLLBACK TO chunk');
          this.db.exec('RELEASE chunk');
          if (whole) this.counts[s].inserted += CHUNK;
          else if (!this.upsertRows(s, st, chunk)) return false;
        }
      }
      if (!this.upsertRows(s, st, list.slice(i))) return false;
    }
    return true;
  }

  /** A pledge row comes as a member's (owner_member set); it is an org's when that org is stored. */
  private settleOwner(row: unknown[]): void {
    if (this.orgExists.get(row[1]) !== undefined) {
      row[2] = row[1];
      row[3] = null;
    }
  }

  private upsertRows(s: Section, { t, select, insert, update, keyIdx }: Stmts, rows: unknown[][]): boolean {
    const c = this.counts[s];
    const n = t.cols.length;
    for (const row of rows) {
      // Most rows are new: try the insert first, look at the stored row only on a conflict.
      if (insert.run(row).changes === 1) {
        c.inserted++;
        continue;
      }
      const key = keyIdx.map((i) => row[i]);
      const old = select.get(...key) as unknown[];
      if (old[n + 2] === this.gen || this.skipped.has(old[n] as string)) return false;
      if (old[n] !== row[n]) this.dirty.add(old[n] as string);
      if (row.slice(0, n).every((v, i) => v === old[i])) c.unchanged++;
      else c.updated++;
      update.run([...row, ...key]);
    }
    return true;
  }

  /** A pledge read before its owner org: it was stored as a member's; put it right. */
  fixOwners(): void {
    this.db
      .prepare('UPDATE pledges SET owner_org = owner, owner_member = NULL WHERE gen = ? AND owner_member IS NOT NULL AND EXISTS (SELECT 1 FROM orgs o WHERE o.code = pledges.owner)')
      .run(this.gen);
  }

  /** --replace: drop stored rows of the batch's sections and quarters that the batch lacks. */
  removeMissing(periods: Partial<Record<Section, Iterable<string>>>): void {
    for (const [s, set] of Object.entries(periods) as [Section, Iterable<string>][]) {
      const t = TABLES[s] as Table<unknown>;
      if (!t.period) continue;
      const outside = `${t.period} = @period AND NOT ${inBatch(t.name)}`;
      const files = this.db.prepare(`SELECT DISTINCT src_file FROM ${t.name} WHERE ${outside}`).pluck();
      const del = this.db.prepare(`DELETE FROM ${t.name} WHERE ${outside}`);
      for (const period of set) {
        for (const f of files.all({ period, gen: this.gen }) as string[]) this.dirty.add(f);
        this.counts[s].removed += del.run({ period, gen: this.gen }).changes;
      }
    }
  }
}
