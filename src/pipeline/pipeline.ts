// The one pipeline of validate and import:
//   plan   the files named; those read before and unchanged are skipped
//   read   each file on a worker thread, by the fastest reader that takes it;
//          a file with errors is read again there for their exact places
//   stage  each file's rows as they arrive, into private staging tables
//          (straight into the tables of an empty database), no write lock
//   check  every rule across records, once, over staged plus stored rows
//   commit the staged rows, or roll back: validate, --dry-run, any error.
// Errors stop being built at the cap (100 shown, the rest counted).
import { existsSync } from 'node:fs';
import { withLessHeadroom } from '../core/heap.js';
import { Diagnostics, type Diagnostic } from '../core/diagnostic.js';
import { SECTIONS, type Section, type Source } from '../core/model.js';
import { REFERENCE_FIELDS } from '../core/sections.js';
import type { Rules } from '../core/rules.js';
import { byText } from '../core/collections.js';
import { readFiles, workerCount } from '../read/pool.js';
import { pieceBytes } from '../read/pieces.js';
import { readRulesKey, type FileResult } from '../read/task.js';
import { eachRows, rowCounts } from '../read/rows.js';
import { RecordPlacer } from '../read/place.js';
import { asEnvError, openDb, removeDb, type DB } from '../store/db.js';
import { Batch } from '../store/batch/batch.js';
import type { Mark } from '../store/batch/stage.js';
import { suggest } from '../store/suggest.js';
import { codeTables, crossErrors, crossWarnings, type Check, type RuleContext } from '../store/checks.js';
import type { WrittenNames } from '../store/rules/rule.js';
import type { SectionCounts } from '../store/batch/commit.js';
import { buildScope, countMissing, narrowScope, orgKnown, type Periods, type ReplaceScope } from '../store/replace.js';
import { listChanges, orgNames, type Change } from '../store/changes.js';
import { keepFiles, recordImport, unlogged, type ImportFile } from '../store/history.js';
import { localTime } from '../core/dates.js';
import { DataError, Interrupted } from '../core/errors.js';
import { earlierKey, plan, type FileSummary, type Plan } from './plan.js';
import { resubmissionFindings, twoFileFindings, type Meaning } from './resubmissions.js';
import { EarlyStaging } from './early.js';
import { writeSubmissions } from '../store/submissions.js';

export interface IngestOptions {
  strict: boolean;
  /** Where relative paths are. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  onFile?: (done: number, total: number) => void;
  /** Build every error rather than the first hundred (validate --annotate). */
  allErrors?: boolean;
  /** Aborted (Ctrl-C): reading stops and nothing is written. */
  signal?: AbortSignal;
  /** Files (as named) left out of the batch: import --skip-invalid. */
  exclude?: ReadonlySet<string>;
}

export type ImportOptions = IngestOptions & {
  replace: boolean;
  /** --add: a file that brings a submission another file brought adds to it (a supplement). */
  add: boolean;
  /** --replace --org: every org of this subtree is in scope. */
  org: string | null;
  dryRun: boolean;
  /** Per org, whether its resubmissions replace or add (the web view's choice per branch); any other org as `replace` and `add` say. */
  each?: ReadonlyMap<string, 'replace' | 'add'>;
};

/** The database as opened (`path`) and as the user named it (`name`, for messages). */
export interface DbRef {
  path: string;
  name: string;
}

export interface IngestResult {
  files: number;
  /** Every file the batch named, as named, those it could not read too: what no annotated copy may replace, what --skip-invalid may leave out. */
  inputs: string[];
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
  /** The import made the database: there was none at its path. */
  created?: boolean;
  /** Per file read (as named), the quarters it names as its own, or else those its records fall in: where the web view's inbox keeps it. */
  quarters: Map<string, string[]>;
  /** Per file with more errors than were built (past a reader's cap), how many more: a file's own count is the built ones and these. */
  unbuilt: Map<string, number>;
}

/**
 * Check files against the database as it is (an absent one counts as empty); write nothing, lock nothing.
 * `as`: checked as that import would check them (a resubmission it was not told to replace or add to is an error), not as validate.
 */
export async function validateFiles(paths: string[], db: DbRef, rules: Rules, opts: IngestOptions, as: ImportOptions | null = null): Promise<IngestResult> {
  const conn = existsSync(db.path) ? openDb(db.path, 'check', db.name) : openDb(':memory:', 'write');
  try {
    return await withLessHeadroom(() => run(conn, paths, rules, opts, null, as));
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
      result = await withLessHeadroom(() => run(conn, paths, rules, opts, opts));
    } finally {
      conn.close();
    }
    return { ...result, created: !existed && result.counts !== null && !opts.dryRun };
  } catch (e) {
    // Ctrl-C on a first import: the database it was making goes too, and the line says so.
    if (e instanceof Interrupted && !existed) throw new Interrupted(db.name);
    // Another process holding the database past the timeout is the environment's problem (exit 3), not a bug.
    throw asEnvError(e, db.name);
  } finally {
    // A first import that failed, or a dry run, leaves no database behind.
    if (!existed && (result?.counts == null || opts.dryRun)) removeDb(db.path);
  }
}

/** `write`: the import's options; null for validate. `checkAs`: the import the checks across records are made for. The five steps of the header, in order. */
async function run(db: DB, paths: string[], rules: Rules, opts: IngestOptions, write: ImportOptions | null, checkAs = write): Promise<IngestResult> {
  const rulesKey = readRulesKey(rules);
  const batch = new Batch(db, write !== null, write?.dryRun === true);
  try {
    const p = plan(paths, opts.cwd, db, rulesKey, opts.exclude);
    const { results, failed } = await readAndStage(p, batch, rules, opts);
    // From here on the import runs without yielding: a Ctrl-C is seen only here, before anything is written.
    if (opts.signal?.aborted) throw new Interrupted();
    const found = fileFindings(db, p, results, failed, opts.allErrors === true);
    const result = resultOf(p, found, opts.strict, results);
    if (failed) {
      found.addWarnings(p.others);
      return result(null, false);
    }
    const replace = checkAcross(db, batch, p, results, found, checkAs, opts.cwd);
    if (found.diags.errorCount > 0 || write === null || (opts.strict && found.diags.warningCount > 0)) return result(null, true);
    const { counts, more } = commit(db, batch, p, results, write, replace, rulesKey, opts.strict);
    return result(counts, true, more);
  } finally {
    batch.close();
  }
}

/** The read and stage steps: every file read (or skipped as unchanged), each one's rows staged as it arrives unless a file has failed. */
async function readAndStage(p: Plan, batch: Batch, rules: Rules, opts: IngestOptions): Promise<{ results: Outcome[]; failed: boolean }> {
  const results: Outcome[] = [];
  let done = 0;
  let failed = p.problems.length > 0;
  // `early`: the file's rows staged so far, piece by piece (pipeline/early.ts).
  const onResult = (r: FileResult, early: Mark | null) => {
    opts.onFile?.(++done, p.files.length);
    if (opts.signal?.aborted) {
      early?.undo();
      return false;
    }
    if (r.status === 'invalid') {
      failed = true;
      results[r.index] = r;
      return true;
    }
    // The same file named another way (its folder named otherwise): skipped as the file it is, whose stored rows count as the batch's.
    const same = p.earlier.get(earlierKey(r.file, r.hash));
    if (same) {
      early?.undo();
      results[r.index] = { status: 'skipped', hash: r.hash, summary: same.summary() };
      batch.skip(same.stored);
      return true;
    }
    const sheets = r.sheets ? Object.fromEntries(Object.entries(r.sheets).map(([s, l]) => [s, l.sheet])) : {};
    if (!failed) for (const rows of eachRows(r.rows, r.packed)) batch.stager.add(r.file, rows, sheets);
    early?.keep();
    // The rows are staged: only what the file contributed is kept.
    const counts: FileSummary['counts'] = rowCounts(r.rows, r.packed);
    const book = r.sheets ? { sheets: r.sheets, names: r.names } : {};
    results[r.index] = { status: 'read', hash: r.hash, summary: { counts, periods: r.periods, named: r.named, warnings: r.warnings, ...book } };
    return true;
  };
  for (const [i, { hash, summary }] of p.skipped) {
    results[i] = { status: 'skipped', hash, summary };
    batch.skip(p.files[i].file);
    opts.onFile?.(++done, p.files.length);
  }
  const tasks = p.files.map((f, index) => ({ index, ...f, allErrors: opts.allErrors })).filter((t) => !p.skipped.has(t.index));
  const early = new EarlyStaging(batch.stager, () => !failed && !opts.signal?.aborted, onResult);
  await readFiles(tasks, rules, { workers: workerCount(opts.env), pieceBytes: pieceBytes(opts.env) }, early.result, early);
  early.close();
  return { results, failed };
}

/** What the files themselves say: the plan's problems, each file's errors (with hints) and warnings, and how many records they hold. */
interface Found {
  diags: Diagnostics;
  records: number;
  /** Each file's own warnings, then its vague pledges, after `others` (the plan's notes on files left aside). */
  addWarnings(others: Diagnostic[]): void;
}

function fileFindings(db: DB, p: Plan, results: Outcome[], failed: boolean, allErrors: boolean): Found {
  const diags = new Diagnostics(allErrors ? Infinity : undefined);
  for (const d of p.problems) diags.add(d);
  const fileWarnings: Diagnostic[] = [];
  let records = 0;
  const hinted = failed
    ? codeHints(
        db,
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
  const addWarnings = (others: Diagnostic[]) => {
    for (const d of others) diags.add(d);
    for (const d of fileWarnings) if (d.code !== 'vague_pledge') diags.add(d);
    for (const d of fileWarnings) if (d.code === 'vague_pledge') diags.add(d);
  };
  return { diags, records, addWarnings };
}

function resultOf(p: Plan, found: Found, strict: boolean, results: Outcome[]) {
  const quarters = new Map(
    results.flatMap((r, i): [string, string[]][] =>
      r.status === 'invalid' ? [] : [[p.files[i].file, r.summary.named ?? [...new Set(Object.values(r.summary.periods).flat())].sort()]],
    ),
  );
  const unbuilt = new Map(
    results.flatMap((r, i): [string, number][] =>
      r.status === 'invalid' && r.errorCount > r.errors.length ? [[p.files[i].file, r.errorCount - r.errors.length]] : [],
    ),
  );
  return (counts: SectionCounts | null, crossChecked: boolean, more: Partial<IngestResult> = {}): IngestResult => {
    const { diags } = found;
    if (strict) diags.promoteWarnings();
    const ok = diags.errorCount === 0;
    return {
      files: p.files.length,
      inputs: [...p.files.map((f) => f.file), ...p.problems.map((d) => d.file)],
      diags,
      counts: ok ? counts : null,
      records: found.records,
      crossChecked,
      replace: ok ? (more.replace ?? null) : null,
      changes: ok ? (more.changes ?? null) : null,
      orgNames: more.orgNames ?? new Map(),
      number: more.number ?? null,
      quarters,
      unbuilt,
    };
  };
}

/** The check step: every rule across records, errors then warnings, placed at their lines or cells; returns --replace's scope. */
function checkAcross(db: DB, batch: Batch, p: Plan, results: Outcome[], found: Found, write: ImportOptions | null, cwd: string): ReplaceScope[] | null {
  const { diags } = found;
  batch.toCheck();
  const index = new Map(p.files.map((f, i) => [f.file, i]));
  const order = (a: Source, b: Source) => (index.get(a.file) ?? Infinity) - (index.get(b.file) ?? Infinity) || a.line - b.line || byText(a.file, b.file);
  // A workbook's record is placed at its cell: the sheets' columns, of the files read and of those skipped.
  const layouts = new Map(
    results.flatMap((r, i) => (r.status !== 'invalid' && r.summary.sheets ? [[p.files[i].file, Object.values(r.summary.sheets)] as const] : [])),
  );
  const placer = new RecordPlacer(cwd, undefined, (file) => layouts.get(file));
  const place = (c: Check): Diagnostic => ({ severity: c.severity, ...placer.place(c.src, c.field), path: null, code: c.code, msg: c.msg });
  // Two files of the batch with one branch's records of a quarter: one error naming both, not one per record they share.
  const hashes = new Map(results.flatMap((r, i): [string, string][] => (r.status === 'read' ? [[p.files[i].file, r.hash]] : [])));
  const meaning = meaningOf(write);
  const two = twoFileFindings(db, hashes, meaning, batch.stager.duplicates);
  const duplicates = batch.stager.duplicates.filter((d) => !two.pairs.has([d.first.file, d.src.file].sort(byText).join('\u0000')));
  const ctx: RuleContext = { order, duplicates, replacing: false, first: batch.direct, names: writtenNames(results, p.files) };
  for (const c of crossErrors(db, ctx)) {
    if (diags.wants('error')) diags.add(place(c));
    else diags.count('error', 1);
  }
  for (const d of two.errors) diags.add(d);
  // What --replace would replace (what it does, with --replace): the resubmissions name it, the warnings see what the import leaves.
  if (write?.org != null && !orgKnown(db, write.org)) throw new DataError({ id: 'unknown_org', params: { code: write.org } });
  const named = new Map(results.flatMap((r, i): [string, string[]][] => (r.status === 'invalid' ? [] : [[p.files[i].file, r.summary.named ?? []]])));
  const scope = (org: string | null) => buildScope(db, replacePeriods(results), named, org);
  // Replaced: the batch's orgs (--replace), or those said one by one; the others' stored records stand.
  const replacing = write !== null && (write.replace || [...(write.each?.values() ?? [])].includes('replace'));
  const replace = !replacing ? null : write.each?.size ? narrowScope(db, scope(write.org), (org) => meaning(org) === 'replace') : scope(write.org);
  // A resubmission says what --replace would remove: its scope, built then (without --org) if this is no --replace.
  for (const d of resubmissionFindings(db, meaning, () => replace ?? scope(null))) diags.add(d);
  found.addWarnings(p.others);
  for (const c of crossWarnings(db, { ...ctx, replacing: replace !== null })) {
    if (diags.wants('warning')) diags.add(place(c));
    else diags.count('warning', 1, c.code);
  }
  return replace;
}

/** What the import says each org's resubmissions are (validate: null). */
function meaningOf(write: ImportOptions | null): (org: string) => Meaning {
  if (write === null) return () => null;
  const all: Meaning = write.replace ? 'replace' : write.add ? 'add' : 'unsaid';
  return (org) => write.each?.get(org) ?? all;
}

/** The commit step: what changes, counted (and listed for --dry-run), then written with its history, unless a dry run. */
function commit(
  db: DB,
  batch: Batch,
  p: Plan,
  results: Outcome[],
  write: ImportOptions,
  replace: ReplaceScope[] | null,
  rulesKey: string,
  strict: boolean,
): { counts: SectionCounts; more: Partial<IngestResult> } {
  const counts = batch.counts();
  for (const r of results) if (r.status === 'skipped') for (const s of SECTIONS) counts[s].unchanged += r.summary.counts[s] ?? 0;
  if (replace) for (const [s, n] of Object.entries(countMissing(db))) counts[s as Section].removed = n;
  const changes = write.dryRun ? listChanges(db, replace !== null) : null;
  const named = new Set([...(replace ?? []).flatMap((x) => x.orgs), ...(changes ?? []).map((c) => c.org).filter((o) => o !== null)]);
  const more: Partial<IngestResult> = { replace, changes, orgNames: orgNames(db, named) };
  if (!write.dryRun) {
    const number = batch.generation();
    const { dirty, written } = batch.write(replace !== null);
    const names = p.files.map((f) => f.file);
    keepFiles(db, number, [...dirty, ...names.filter((_, i) => results[i].status === 'read')]);
    saveFiles(db, results, rulesKey, dirty, names);
    const files: ImportFile[] = results.flatMap((r, i) =>
      r.status === 'invalid' ? [] : [{ path: names[i], hash: r.hash, unchanged: r.status === 'skipped' }],
    );
    const changed = written > 0;
    const at = localTime();
    if (changed) {
      writeSubmissions(db, number, at, replace !== null);
      const each = write.each?.size ? { each: Object.fromEntries(write.each) } : {};
      recordImport(db, { number, at, files, sections: counts, options: { replace: write.replace, add: write.add, org: write.org, strict, ...each } });
    } else unlogged(db, number);
    batch.commit();
    more.number = changed ? number : null;
  }
  return { counts, more };
}

/** A reference written as a name where a code goes: the code of that name, as a hint on the error. */
function codeHints(db: DB, errors: Diagnostic[]): Map<Diagnostic, Diagnostic> {
  const refs = errors.filter((d) => d.msg.id === 'code_pattern' && REFERENCE_FIELDS.has(d.path?.split('.').at(-1) ?? ''));
  const value = (d: Diagnostic) => String((d.msg.params as { value: string }).value);
  const found = suggest(db, refs.map(value), [...codeTables('orgs'), ...codeTables('members')]);
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

/** What became of each file: read and staged, skipped as unchanged, or invalid. */
type Outcome = { status: 'read' | 'skipped'; hash: string; summary: FileSummary } | Extract<FileResult, { status: 'invalid' }>;

/** The quarters per section that the batch gives, from the files read and those skipped: what --replace works over. */
function replacePeriods(results: Outcome[]): Periods {
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
