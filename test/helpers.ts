// Running cxzy as a user would: in-process through main(argv, io) by default,
// or as the built binary for the few tests that need a real process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { main } from '../src/cli/main.js';
import { openDb } from '../src/store/db.js';
import { Query } from '../src/store/query.js';
import { generate } from '../src/bench/generate.js';
import { SECTION_LIST } from '../src/core/sections.js';
import { ATTACHED_SHEETS } from '../src/core/attached-sheets.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'cxzy');
export const EXAMPLES = join(ROOT, 'examples');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Pretend stdout / stderr are terminals. */
  tty?: boolean;
  /** The terminal's width. */
  columns?: number;
  /** Someone at the terminal who answers every question so (after `before`, if given, has run). */
  answer?: string;
  before?: () => Promise<void>;
}

/** The environment a user's shell would give, without this test run's own cxzy settings. */
function environment(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };
  delete env.CXZY_DB;
  delete env.CXZY_LANG;
  delete env.NO_COLOR;
  return { ...env, ...extra };
}

/** cxzy in this process: what it prints, and its exit code. */
export async function cxzy(args: string[], opts: RunOptions = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s) => void (stdout += typeof s === 'string' ? s : Buffer.from(s).toString('latin1')), isTTY: opts.tty === true, columns: opts.columns },
    stderr: { write: (s) => void (stderr += typeof s === 'string' ? s : Buffer.from(s).toString('latin1')), isTTY: opts.tty === true, columns: opts.columns },
    env: environment(opts.env),
    cwd: opts.cwd ?? process.cwd(),
    ask:
      opts.answer === undefined
        ? undefined
        : async (question) => {
            stderr += question;
            await opts.before?.();
            return opts.answer!;
          },
  });
  return { code, stdout, stderr };
}

/** The built binary in its own process: for worker threads, signals, pipes. */
export function spawnCxzy(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    env: environment(opts.env),
    input: opts.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The machine's own Node (outside node_modules/.bin), or '' when it has none: the Node an office's PATH would start. */
export function machineNode(): string {
  return spawnSync('sh', ['-c', 'PATH=$(echo "$PATH" | tr ":" "\\n" | grep -v node_modules | paste -sd:) command -v node'], { encoding: 'utf8' }).stdout.trim();
}

/** `args` run by the built binary as the user `nobody` (setpriv): how another user of the database is tried. */
export const AS_NOBODY = ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, BIN];

let nobody: string | null | undefined;
/**
 * Why cxzy cannot be run as `nobody` here, or null: that takes root, and a
 * checkout every folder of whose path `nobody` may enter (not a private home
 * folder, nor a mktemp -d). The tests that need it are skipped, saying why.
 */
export function nobodyCannot(): string | null {
  if (nobody !== undefined) return nobody;
  if (process.getuid?.() !== 0) return (nobody = 'running as another user takes root');
  const r = spawnSync(AS_NOBODY[0], [...AS_NOBODY.slice(1), '--version'], { encoding: 'utf8' });
  return (nobody = r.status === 0 ? null : `the user nobody cannot run ${BIN}: a folder on its path is closed to other users`);
}

/** Resolves when `path` exists: a signal a spawned cxzy gives, instead of a guess at how long it takes. */
export function appears(path: string): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(dirname(path), () => {
      if (existsSync(path)) done();
    });
    const done = () => {
      watcher.close();
      resolve();
    };
    if (existsSync(path)) done();
  });
}

/** A new temporary folder, in the run's own folder (test/tmp-root.ts) when the run has one: a run leaves nothing behind. */
export function tmp(): string {
  return mkdtempSync(join(process.env.CXZY_TEST_TMP ?? tmpdir(), 'cxzy-test-'));
}

/** Write files (path → text or bytes) under a new temporary folder; returns the folder. */
export function files(spec: Record<string, string | Uint8Array>): string {
  const dir = tmp();
  for (const [name, body] of Object.entries(spec)) {
    const p = join(dir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, body);
  }
  return dir;
}

/** Every row of every table, but the import history's own (unless `history`). */
export function dump(db: string, opts: { history?: boolean } = {}): Record<string, unknown[]> {
  const d = new Database(db, { readonly: true });
  try {
    const all = d.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
    const tables = opts.history ? all : all.filter((t) => t !== 'imports' && !t.startsWith('history_'));
    const out: Record<string, unknown[]> = {};
    for (const t of tables) out[t] = d.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all();
    return out;
  } finally {
    d.close();
  }
}
/** Every stored row but the bookkeeping (gen, file hashes). */
export function storedRows(db: string): Record<string, unknown[]> {
  const d = dump(db);
  delete d.files;
  delete d.meta;
  for (const t of Object.values(d)) for (const r of t as Record<string, unknown>[]) delete r.gen;
  // When each file came in: the clock's, not the rows'.
  for (const r of d.submissions as Record<string, unknown>[]) delete r.at;
  return d;
}

/** `cxzy import args --format json` in this process: its exit code, its summary parsed and what it said on stderr. */
export async function importJson(args: string[], env: Record<string, string> = {}) {
  const r = await cxzy(['import', ...args, '--format', 'json'], { env });
  return { code: r.code, json: JSON.parse(r.stdout), stderr: r.stderr };
}

/** A generated county of 100 branches (src/bench/generate.ts) imported into a new database: past the terminal's 2,000 members. */
export async function generatedDb(): Promise<string> {
  const dir = tmp();
  generate({ name: 'summary', branches: 100 }, join(dir, 'data'));
  const db = join(dir, 'cxzy.db');
  const r = await cxzy(['import', join(dir, 'data'), '--db', db, '-q']);
  if (r.code !== 0) throw new Error(r.stderr);
  return db;
}

/** The arguments of `stars --format json` over the whole of `db` and over its first town (a committee below the root). */
export function starsScopes(db: string): string[][] {
  const d = openDb(db, 'read');
  const orgs = new Query(d).orgs();
  d.close();
  const town = orgs.find((o) => o.type === 'committee' && o.parent !== null)!.code;
  return [undefined, town].map((org) => ['stars', '--db', db, '--format', 'json', ...(org ? ['--org', org] : [])]);
}

/** The bundled examples imported into a new database, `x.db` in a folder of its own. */
export async function imported(): Promise<{ dir: string; db: string }> {
  const dir = tmp();
  const db = join(dir, 'x.db');
  const r = await cxzy(['import', EXAMPLES, '--db', db, '-q']);
  if (r.code !== 0) throw new Error(r.stderr);
  return { dir, db };
}

/** A connection in the middle of writing 5,000 members to `db`: its pages in the file, its hot journal beside it. */
export function midWrite(db: string): Database.Database {
  const w = new Database(db);
  w.pragma('journal_mode = DELETE');
  w.pragma('cache_size = 2');
  w.exec('BEGIN');
  const ins = w.prepare(
    "INSERT INTO member_statements (id, since, name, org, role, active, src_file, src_line, gen) VALUES (?, '', '某', 'D0101', 'member', 1, 'x.yaml', 1, 9)",
  );
  for (let i = 0; i < 5000; i++) ins.run(`K${i}`);
  return w;
}

/** A small valid county: one committee, two branches, three members. */
export const BASE = {
  'orgs.yaml': `orgs:
  - code: W01
    name: 城关镇党委
    type: committee
    category: agency
  - code: D01
    name: 红湾社区党支部
    type: branch
    parent: W01
    category: community
  - code: D02
    name: 东关社区党支部
    type: 党支部
    parent: W01
    category: 社区
`,
  'members.yaml': `members:
  - id: M1
    name: 张三
    org: D01
    role: secretary
  - id: M2
    name: 李四
    org: D01
    role: 党员
  - id: M3
    name: 王五
    org: D02
    role: member
`,
};

/** Every sheet of a fill-in workbook, in order, from the sections' declarations: each section's, then its lists' (积分扣减, 回头看). */
export const SHEET_LABELS = SECTION_LIST.flatMap((d) => [d.sheet.label, ...ATTACHED_SHEETS.filter((a) => a.section === d.section).map((a) => a.sheet.label)]);
