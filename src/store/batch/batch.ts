// A batch of files being staged, checked and maybe written: the store-side
// mechanics the pipeline's steps stand on. It decides whether to stage
// straight into an empty database's tables, and owns what that takes (the
// journal mode, dropping and rebuilding the indexes, the generation number),
// the staging tables otherwise, the transaction, and putting the connection
// back as it was however the batch ends. The rest of the store sees the
// batch through its views (store/views.ts), never through which way it is staged.
import { changeCounts, REPLACE, settleOwners, writeStaged, type SectionCounts } from './commit.js';
import type { Statement } from 'better-sqlite3';
import type { DB } from '../db.js';
import { EnvError } from '../../core/errors.js';
import { dropIndexes, journalOffWal } from '../bulk.js';
import { createStagingTables, Stager, type Staging } from './stage.js';
import { createViews } from './views.js';
import { batchRuns, settleSince } from './since.js';
import { SECTIONS } from '../../core/model.js';
import { SECTION_LIST } from '../../core/sections.js';

const RECORD_TABLES = SECTION_LIST.map((t) => `NOT EXISTS (SELECT 1 FROM main.${t.name})`).join(' AND ');

/** A new import generation, recorded in the database (inside the import's transaction). */
export function nextGen(db: DB): number {
  const gen = (db.prepare(`SELECT value FROM main.meta WHERE key = 'gen'`).pluck().get() as number) + 1;
  db.prepare(`UPDATE main.meta SET value = ? WHERE key = 'gen'`).run(gen);
  return gen;
}

export class Batch {
  private readonly st: Staging;
  readonly stager: Stager;
  /** The import's generation, taken up front when staging straight into the tables. */
  private gen: number | null;
  private addSkipped: Statement | null = null;
  private open = false;
  /** What puts the journal mode back, and what builds the dropped indexes again, when staging straight into the tables. */
  private restoreJournal: (() => void) | null = null;
  private reindex: (() => void) | null = null;
  /** The database's version as the batch began reading it (SQLite's data_version, moved by any other connection's commit). */
  private readonly version: unknown;

  /** `writing`: an import (not validate); `dryRun`: one that writes nothing. */
  constructor(
    private readonly db: DB,
    private readonly writing: boolean,
    private readonly dryRun: boolean,
  ) {
    this.version = db.pragma('data_version', { simple: true });
    // The checks vouch for every reference: SQLite need not look each one up as rows go in.
    if (writing) db.pragma('foreign_keys = OFF');
    // 32 MB: a city's import and its correction ran as fast as with 128 MB, and 60–100 MB lighter (bench/RESULTS.md, twelfth session).
    db.pragma('cache_size = -32768');
    this.st = { direct: this.begin() };
    try {
      if (this.st.direct) {
        // The indexes are built once, after the rows are in.
        this.reindex = dropIndexes(db, null);
      } else createStagingTables(db);
      db.exec('CREATE TEMP TABLE IF NOT EXISTS skipped (file TEXT PRIMARY KEY); DELETE FROM temp.skipped;');
      createViews(db, this.st.direct);
      this.gen = this.st.direct ? nextGen(db) : null;
      this.stager = new Stager(db, this.st, this.gen);
    } catch (e) {
      this.close();
      throw e;
    }
  }

  /** An import into an empty database stages straight into its tables: there is nothing stored to keep apart. */
  private begin(): boolean {
    const empty = () => this.db.prepare(`SELECT ${RECORD_TABLES}`).pluck().get() === 1;
    if (!this.writing || this.dryRun || !empty()) return false;
    // Pages go straight into the file (in WAL mode each would be written twice).
    this.restoreJournal = journalOffWal(this.db);
    this.db.exec('BEGIN IMMEDIATE');
    this.open = true;
    return empty(); // still, now that no one else can write
  }

  /** Staged straight into the tables of an empty database: every stored row is the batch's. */
  get direct(): boolean {
    return this.st.direct;
  }

  /** A file skipped as unchanged: its stored rows count as the batch's. */
  skip(file: string): void {
    this.addSkipped ??= this.db.prepare('INSERT OR IGNORE INTO temp.skipped VALUES (?)');
    this.addSkipped.run(file);
  }

  /** The import's generation: the one taken up front, else a new one now, inside the transaction. */
  generation(): number {
    this.gen ??= nextGen(this.db);
    return this.gen;
  }

  /**
   * Before the checks: the indexes back, the pledges' owners settled, one
   * transaction, so that the checks and the write see one state of the
   * database (an import holds the write lock from here), the members' undated
   * statements settled and their runs made as the import leaves them.
   */
  toCheck(): void {
    // A first import's runs go in before the indexes are built, as its rows did.
    if (this.st.direct) batchRuns(this.db, this.st, this.gen);
    this.reindex?.();
    this.reindex = null;
    settleOwners(this.db, this.st);
    if (!this.open) {
      this.db.exec(this.writing && !this.dryRun ? 'BEGIN IMMEDIATE' : 'BEGIN');
      this.open = true;
      // Another command (an undo, an import) wrote while the files were read: what was planned on may be gone.
      if (this.writing && !this.dryRun && this.db.pragma('data_version', { simple: true }) !== this.version) throw new EnvError({ id: 'db_changed' });
    }
    settleSince(this.db, this.st, this.stager.duplicates);
    if (!this.st.direct) batchRuns(this.db, this.st, null);
  }

  /** Inserted, updated and unchanged staged rows per section, against the stored ones. */
  counts(): SectionCounts {
    return changeCounts(this.db, this.st);
  }

  /**
   * The staged rows written under the import's number (see writeStaged);
   * returns the files whose stored rows another file's replaced or --replace
   * removed, and how many rows the import inserted, changed or removed.
   */
  write(replace: boolean): { dirty: Set<string>; written: number } {
    const w = writeStaged(this.db, this.st, this.generation(), replace ? REPLACE : null);
    // Staged straight into the tables, every staged row is one the import wrote.
    return this.st.direct ? { ...w, written: SECTIONS.reduce((n, s) => n + this.stager.staged[s], 0) } : w;
  }

  commit(): void {
    this.db.exec('COMMIT');
    this.open = false;
  }

  /** The connection as it was: anything not committed rolled back, its journal mode and foreign keys restored. */
  close(): void {
    // SQLite has already rolled back a transaction that failed on a full disk.
    if (this.open && this.db.inTransaction) this.db.exec('ROLLBACK');
    this.open = false;
    this.restoreJournal?.();
    this.restoreJournal = null;
    if (this.writing) this.db.pragma('foreign_keys = ON');
  }
}
