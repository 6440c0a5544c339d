// The one pipeline of validate and import:
//   plan   the files named; those read before and unchanged are skipped
//   read   each file on a worker thread, by the fastest reader that takes it;
//          a file with errors is read again there for their exact places
//   stage  each file's rows as they arrive, into private staging tables
//          (straight into the tables of an empty database), no write lock
//   check  every rule across records, once, over staged plus stored rows
//   commit the staged rows, or roll back: validate, --dry-run, any error.
// Errors stop being built at the cap (100 shown, the rest counted).
import { existsSync, rmSync } from 'node:fs';
import { Diagnostics, type Diagnostic } from '../core/diagnostic.js';
import { SECTIONS, type Section, type Source } from '../core/model.js';
import type { Rules } from '../core/rules.js';
import { byText } from '../core/collections.js';
import { readFiles, workerCount } from '../read/pool.js';
import { readRulesKey, type FileResult } from '../read/task.js';
import { rowCount } from '../read/rows.js';
import { RecordPlacer } from '../read/place.js';
import { asEnvError, openDb, untilFree, type DB } from '../store/db.js';
import { createStagingTables, Stager, stagedTable, type Staging } from '../store/stage.js';
import { suggest } from '../store/suggest.js';
import { crossErrors, type Check } from '../store/checks.js';
import { duplicateTitles, membersWithoutPoints, nameMismatches, nameTwins, type WrittenNames } from '../store/warnings.js';
import { changeCounts, countMissing, settleOwners, writeStaged, type SectionCounts } from '../store/commit.js';
import { buildScope, orgKnown, type Periods, type ReplaceScope } from '../store/replace.js';
import { listChanges, orgNames, type Change } from '../store/changes.js';
import { keepFiles, recordImport, type ImportFile } from '../store/history.js';
import { localTime } from '../core/dates.js';
import { DataError } from '../core/errors.js';
import { plan, type FileSummary } from './plan.js';

export interface IngestOptions {
  strict: boolean;
  /** Where relative paths are. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  onFile?: (done: number, total: number) => void;
  /** Build every error rather than the first hundred (validate --annotate). */
  allErrors?: boolean;
}

export type ImportOptions = IngestOptions & {
  replace: boolean;
  /** --replace --org: every org of this subtree is in scope. */
  org: string | null;
  dryRun: boolean;
};

/** The database as opened (`path`) and as the user named it (`name`, for messages). */
export interface DbRef {
  path: string;
  name: string;
}

export interface IngestResult {
  files: number;
  diags: Diagnostics;
  /** Set when an import wrote (or, with --dry-run, would write). */
  counts: SectionCounts | null;
  /** Records in the files, read or recognised as unchanged. */
  records: number;
  /** False when errors in the files themselves stopped the checks across records. */
  crossChecked: boolean;
  /** --replace: per section and quarter of the batch, the orgs whose records it replaced. */
  replace: ReplaceScope[] | null;
  /** --dry-run: every record the import would change. */
  changes: Change[] | null;
  /** The names of the orgs that `replace` and `changes` name. */
  orgNames: Map<string, string>;
  /** The import's number in `cxzy log`, when it wrote. */
  number: number | null;
}

/** Check files against the database as it is (an absent one counts as empty); write nothing, lock nothing. */
export async function validateFiles(paths: string[], db: DbRef, rules: Rules, opts: IngestOptions): Promise<IngestResult> {
  const conn = existsSync(db.path) ? openDb(db.path, 'check', db.name) : openDb(':memory:', 'write');
  try {
    return await run(conn, paths, rules, opts, null);
  } catch (e) {
    throw asEnvError(e, db.name);
  } finally {
    conn.close();
  }
}

/** Check, then store everything in one transaction, or nothing. */
export async function importFiles(paths: string[], db: DbRef, rules: Rules, opts: ImportOptions): Promise<IngestResult> {
  const existed = existsSync(db.path);
  let result: IngestResult | null = null;
  try {
    const conn = openDb(db.path, 'write', db.name);
    try {
      result = await run(conn, paths, rules, opts, opts);
    } finally {
      conn.close();
    }
    return result;
  } catch (e) {
    // Another process holding the database past the timeout is the environment's problem (exit 3), not a bug.
    throw asEnvError(e, db.name);
  } finally {
    // A first import that failed, or a dry run, leaves no database behind.
    if (!existed && (result?.counts == null || opts.dryRun)) for (const suffix of ['', '-wal', '-shm']) rmSync(`${db.path}${suffix}`, { force: true });
  }
}

const RECORD_TABLES = SECTIONS.map((s) => `NOT EXISTS (SELECT 1 FROM main.${s})`).join(' AND ');

/** `write`: the import's options; null for validate. */
async function run(db: DB, paths: string[], rules: Rules, opts: IngestOptions, write: ImportOptions | null): Promise<IngestResult> {
  const rulesKey = readRulesKey(rules);
  const empty = () => db.prepare(`SELECT ${RECORD_TABLES}`).pluck().get() === 1;
  let open = false;
  let journal: string | null = null;
  let indexes: [string, string][] = [];
  // The checks vouch for every reference: SQLite need not look each one up as rows go in.
  if (write) db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -131072');
  // An import into an empty database stages straight into its tables: there is nothing stored to keep apart.
  let direct = write !== null && !write.dryRun && empty();
  if (direct) {
    // Pages go straight into the file (in WAL mode each would be written twice).
    journal = db.pragma('journal_mode', { simple: true }) as string;
    untilFree(() => db.pragma('journal_mode = DELETE'));
    db.exec('BEGIN IMMEDIATE');
    open = true;
    direct = empty(); // still, now that no one else can write
  }
  const st: Staging = { direct };
  try {
    if (direct) {
      // The indexes are built once, at the end.
      indexes = db.prepare(`SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND sql IS NOT NULL`).raw().all() as [string, string][];
      for (const [name] of indexes) db.exec(`DROP INDEX main.${name}`);
    } else createStagingTables(db);
    db.exec('CREATE TEMP TABLE IF NOT EXISTS skipped (file TEXT PRIMARY KEY); DELETE FROM temp.skipped;');

    const p = plan(paths, opts.cwd, db, rulesKey);
    const gen = direct ? nextGen(db) : null;
    const stager = new Stager(db, st, gen);
    const results: Outcome[] = [];
    let done = 0;
    let failed = p.problems.length > 0;
    const onResult = (r: FileResult) => {
      opts.onFile?.(++done, p.files.length);
      if (r.status === 'invalid') {
        failed = true;
        results[r.index] = r;
        return true;
      }
      const sheets = r.sheets ? Object.fromEntries(Object.entries(r.sheets).map(([s, l]) => [s, l.sheet])) : {};
      if (!failed) stager.add(r.file, r.rows, sheets);
      // The rows are staged: only what the file contributed is kept.
      const counts: FileSummary['counts'] = {};
      for (const s of SECTIONS) if (r.rows[s]?.length) counts[s] = rowCount(r.rows, s);
      const book = r.sheets ? { sheets: r.sheets, names: r.names } : {};
      results[r.index] = { status: 'read', hash: r.hash, summary: { counts, periods: r.periods, warnings: r.warnings, ...book } };
      return true;
    };
    const addSkipped = db.prepare('INSERT OR IGNORE INTO temp.skipped VALUES (?)');
    for (const [i, { hash, summary }] of p.skipped) {
      results[i] = { status: 'skipped', hash, summary };
      addSkipped.run(p.files[i].file);
      opts.onFile?.(++done, p.files.length);
    }
    const tasks = p.files.map((f, index) => ({ index, ...f, allErrors: opts.allErrors })).filter((t) => !p.skipped.has(t.index));
    await readFiles(tasks, rules, workerCount(opts.env), onResult);

    const diags = new Diagnostics(opts.allErrors ? Infinity : undefined);
    for (const d of p.problems) diags.add(d);
    const fileWarnings: Diagnostic[] = [];
    let records = 0;
    const hinted = failed
      ? codeHints(
          db,
          st,
          results.flatMap((r) => (r.status === 'invalid' ? r.errors : [])),
        )
      : null;
    for (const r of results) {
      if (r.status === 'invalid') {
        for (const d of r.errors) diags.add(hinted?.get(d) ?? d);
        diags.count('error', r.errorCount - r.errors.length);
        fileWarnings.push(...r.warnings);
      } else {
        fileWarnings.push(...r.summary.warnings);
        records += SECTIONS.reduce((n, s) => n + (r.summary.counts[s] ?? 0), 0);
      }
    }
    // Each file's own warnings, then its vague pledges, then the warnings across records.
    const addWarnings = () => {
      for (const d of p.others) diags.add(d);
      for (const d of fileWarnings) if (d.code !== 'vague_pledge') diags.add(d);
      for (const d of fileWarnings) if (d.code === 'vague_pledge') diags.add(d);
    };
    const result = (counts: SectionCounts | null, crossChecked: boolean, more: Partial<IngestResult> = {}): IngestResult => {
      if (opts.strict) diags.promoteWarnings();
      const ok = diags.errorCount === 0;
      return {
        files: p.files.length,
        diags,
        counts: ok ? counts : null,
        records,
        crossChecked,
        replace: ok ? (more.replace ?? null) : null,
        changes: ok ? (more.changes ?? null) : null,
        orgNames: more.orgNames ?? new Map(),
        number: more.number ?? null,
      };
    };
    if (failed) {
      addWarnings();
      return result(null, false);
    }

    if (direct) for (const [, sql] of indexes) db.exec(sql);
    settleOwners(db, st);
    if (!open) {
      // The checks and the write see one state of the database: an import holds the write lock from here.
      db.exec(write && !write.dryRun ? 'BEGIN IMMEDIATE' : 'BEGIN');
      open = true;
    }
    const index = new Map(p.files.map((f, i) => [f.file, i]));
    const order = (a: Source, b: Source) => (index.get(a.file) ?? Infinity) - (index.get(b.file) ?? Infinity) || a.line - b.line || byText(a.file, b.file);
    // A workbook's record is placed at its cell: the sheets' columns, of the files read and of those skipped.
    const layouts = new Map(
      results.flatMap((r, i) => (r.status !== 'invalid' && r.summary.sheets ? [[p.files[i].file, Object.values(r.summary.sheets)] as const] : [])),
    );
    const placer = new RecordPlacer(opts.cwd, undefined, (file) => layouts.get(file));
    const place = (c: Check): Diagnostic => ({ severity: c.severity, ...placer.place(c.src, c.field), path: null, code: c.code, msg: c.msg });
    for (const c of crossErrors(db, st, stager.duplicates, p.skipped.size > 0, order)) {
      if (diags.wants('error')) diags.add(place(c));
      else diags.count('error', 1);
    }
    // --replace's scope, so the warnings see what the import leaves.
    const periods = write ? replacePeriods(results, write.replace) : null;
    if (write?.org != null && !orgKnown(db, st, write.org)) throw new DataError({ id: 'unknown_org', params: { code: write.org } });
    const replace = periods ? buildScope(db, st, periods, write!.org) : null;
    addWarnings();
    for (const c of [
      ...duplicateTitles(db, st, order, replace !== null),
      ...membersWithoutPoints(db, st, order, replace !== null),
      ...nameTwins(db, st, order),
      ...nameMismatches(db, st, writtenNames(results, p.files)),
    ]) {
      if (diags.wants('warning')) diags.add(place(c));
      else diags.count('warning', 1, c.code);
    }
    if (diags.errorCount > 0 || write === null || (opts.strict && diags.warningCount > 0)) return result(null, true);

    const counts = changeCounts(db, st);
    for (const r of results) if (r.status === 'skipped') for (const s of SECTIONS) counts[s].unchanged += r.summary.counts[s] ?? 0;
    if (replace) countMissing(db, st, counts);
    const changes = write.dryRun ? listChanges(db, st, replace !== null) : null;
    const named = new Set([...(replace ?? []).flatMap((x) => x.orgs), ...(changes ?? []).map((c) => c.org).filter((o) => o !== null)]);
    const more: Partial<IngestResult> = { replace, changes, orgNames: orgNames(db, st, named) };
    if (!write.dryRun) {
      const number = gen ?? nextGen(db);
      const dirty = writeStaged(db, st, number, replace !== null);
      const names = p.files.map((f) => f.file);
      if (!st.direct) keepFiles(db, number, [...dirty, ...names.filter((_, i) => results[i].status === 'read')]);
      saveFiles(db, results, rulesKey, dirty, names);
      const files: ImportFile[] = results.flatMap((r, i) =>
        r.status === 'invalid' ? [] : [{ path: names[i], hash: r.hash, unchanged: r.status === 'skipped' }],
      );
      recordImport(db, { number, at: localTime(), files, sections: counts, options: { replace: write.replace, org: write.org, strict: opts.strict } });
      db.exec('COMMIT');
      open = false;
      more.number = number;
    }
    return result(counts, true, more);
  } finally {
    // SQLite has already rolled back a transaction that failed on a full disk.
    if (open && db.inTransaction) db.exec('ROLLBACK');
    if (journal !== null) untilFree(() => db.pragma(`journal_mode = ${journal}`));
    if (write) db.pragma('foreign_keys = ON');
  }
}

/** A reference written as a name where a code goes: the code of that name, as a hint on the error. */
function codeHints(db: DB, st: Staging, errors: Diagnostic[]): Map<Diagnostic, Diagnostic> {
  const refs = errors.filter((d) => d.msg.id === 'code_pattern' && /\.(org|parent|member|owner)$/.test(d.path ?? ''));
  const value = (d: Diagnostic) => String((d.msg.params as { value: string }).value);
  const tables = (s: 'orgs' | 'members', code: string) =>
    [...(st.direct ? [] : [`main.${s}`]), stagedTable(st, s)].map((table) => ({ table, code, name: 'name' }));
  const found = suggest(db, refs.map(value), [...tables('orgs', 'code'), ...tables('members', 'id')]);
  const out = new Map<Diagnostic, Diagnostic>();
  for (const d of refs) {
    const hint = found.get(value(d))?.map((c) => ({ id: 'candidate' as const, params: { code: c.code, name: c.name } }));
    if (hint?.length) out.set(d, { ...d, msg: { id: 'code_pattern', params: { value: value(d), hint } } });
  }
  return out;
}

/** The names written beside codes in the batch's workbooks, read or skipped as unchanged. */
function writtenNames(results: Outcome[], files: { file: string }[]): WrittenNames[] {
  return results.flatMap((r, i) => (r.status === 'invalid' ? [] : (r.summary.names ?? []).map((n) => ({ file: files[i].file, ...n }))));
}

/** A new import generation, recorded in the database (inside the import's transaction). */
function nextGen(db: DB): number {
  const gen = (db.prepare(`SELECT value FROM main.meta WHERE key = 'gen'`).pluck().get() as number) + 1;
  db.prepare(`UPDATE main.meta SET value = ? WHERE key = 'gen'`).run(gen);
  return gen;
}

/** What became of each file: read and staged, skipped as unchanged, or invalid. */
type Outcome = { status: 'read' | 'skipped'; hash: string; summary: FileSummary } | Extract<FileResult, { status: 'invalid' }>;

/** --replace: the quarters per section that the batch gives, from the files read and those skipped. */
function replacePeriods(results: Outcome[], replace: boolean): Periods | null {
  if (!replace) return null;
  const out: Partial<Record<Section, Set<string>>> = {};
  for (const r of results) {
    if (r.status === 'invalid') continue;
    for (const [s, list] of Object.entries(r.summary.periods) as [Section, string[]][]) for (const q of list) (out[s] ??= new Set()).add(q);
  }
  return out;
}

/** Remember each file read, so an unchanged one is skipped next time; forget those whose rows another file now holds. */
function saveFiles(db: DB, results: Outcome[], rulesKey: string, dirty: Set<string>, names: string[]): void {
  const save = db.prepare('INSERT OR REPLACE INTO main.files (path, hash, rules, summary) VALUES (?, ?, ?, ?)');
  results.forEach((r, i) => {
    if (r.status === 'read') save.run(names[i], r.hash, rulesKey, JSON.stringify(r.summary));
  });
  const forget = db.prepare('DELETE FROM main.files WHERE path = ?');
  for (const f of dirty) forget.run(f);
}
