// One measured step of the benchmark, run in its own process so that its peak
// RSS is its own: prints {ms, rss_mb, out} as JSON on the last line.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { parse } from 'yaml';
import Database from 'better-sqlite3';
import { main } from '../cli/main.js';
import { commandsFor } from '../cli/commands.js';
import { validator } from '../read/schemas.js';
import { SECTIONS } from '../core/model.js';
import { SECTION_LIST } from '../core/sections.js';
import { RUNS } from '../store/tables.js';
import { loadExcel } from '../read/workbook/excel.js';
import { exportRecords } from '../store/export.js';
import { exportXlsx } from '../render/views/export.js';
import { compareDriver } from './drivers.js';
import { FLOORS } from './floors.js';
import { answer } from '../web/app.js';
import { PAGES } from '../web/pages.js';
import { defaultRules } from '../core/rules.js';

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.yaml')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** (a) the JavaScript parsing limit: js-yaml's bare load of every file. */
function jsYaml(dir: string): string {
  let docs = 0;
  for (const f of yamlFiles(dir)) docs += loadAll(readFileSync(f, 'utf8')).length;
  return String(docs);
}

/** (b) what one would write first: yaml.parse, ajv, an insert per record. */
function naive(dir: string, dbPath: string): string {
  const db = new Database(dbPath);
  db.exec('CREATE TABLE IF NOT EXISTS records (section TEXT, data TEXT)');
  const insert = db.prepare('INSERT INTO records VALUES (?, ?)');
  const validate = validator('document');
  let n = 0;
  db.transaction(() => {
    for (const f of yamlFiles(dir)) {
      const doc = parse(readFileSync(f, 'utf8')) as Record<string, unknown[]>;
      if (!validate(doc)) throw new Error(`${f} invalid`);
      for (const s of SECTIONS)
        for (const r of doc[s] ?? []) {
          insert.run(s, JSON.stringify(r));
          n++;
        }
    }
  })();
  db.close();
  return String(n);
}

/**
 * The least a command can take with the store as it is: rows it cannot do
 * without, fetched bare, no record built, nothing computed or printed.
 * `stars`: the latest quarter's points with their members. `report`: every
 * pledge with its owner, the latest month's quarter of report items, and the
 * latest quarter's reviews and points with their members (floors.ts).
 */
function floor(what: string, dbPath: string): string {
  const db = new Database(dbPath, { readonly: true });
  const value = (sql: string) => db.prepare(sql).pluck().get();
  let n = 0;
  for (const f of FLOORS[what as keyof typeof FLOORS])
    for (const _ of db
      .prepare(f.sql)
      .raw()
      .iterate(...f.params(value)))
      n++;
  db.close();
  return String(n);
}

/**
 * The floor of a merge: the sources' record rows copied by a bare ATTACH +
 * INSERT … SELECT into a new database of the same tables and indexes (the
 * sources' own), one source at a time, with the cache cxzy gives itself and
 * no foreign-key checks, as a merge has.
 */
function mergeFloor(target: string, sources: string[]): string {
  const first = new Database(sources[0], { readonly: true });
  const ddl = first
    .prepare(`SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type = 'index'`)
    .pluck()
    .all() as string[];
  first.close();
  const db = new Database(target);
  db.pragma('cache_size = -131072');
  db.pragma('foreign_keys = OFF');
  for (const sql of ddl) db.exec(sql);
  let n = 0;
  for (const src of sources) {
    db.prepare('ATTACH ? AS src').run(src);
    db.exec('BEGIN');
    // The sections' rows, and the members' runs of quarters made of them: the record rows a merge writes.
    for (const t of [...SECTION_LIST.map((x) => x.name), RUNS.name]) n += db.prepare(`INSERT INTO main.${t} SELECT * FROM src.${t}`).run().changes;
    db.exec('COMMIT');
    db.exec('DETACH src');
  }
  db.close();
  return String(n);
}

/**
 * Each page of the web view, in process: the navigation's pages, an org's and
 * a member's. Each is made twice without the server's cache (the second time
 * is the figure: the process warm, the page made afresh), then once more
 * with it (answered again while nothing has changed, as a clerk clicking
 * back sees it). Prints each page's milliseconds, made and `again_`.
 */
async function servePages(dbPath: string): Promise<string> {
  const db = new Database(dbPath, { readonly: true });
  const org = db.prepare(`SELECT code FROM orgs WHERE type = 'branch' ORDER BY code LIMIT 1`).pluck().get() as string;
  const member = db.prepare(`SELECT id FROM members WHERE org = ? ORDER BY id LIMIT 1`).pluck().get(org) as string;
  db.close();
  const app = { dbPath, dbName: 'bench.db', lang: 'zh' as const, rules: defaultRules, hosts: new Set(['localhost:1']) };
  const cached = { ...app, cache: new Map() };
  const urls: [string, string][] = [
    ...PAGES.filter((p) => p.nav !== null).map((p): [string, string] => [p.path || 'overview', `/${p.path}`]),
    ['org', `/orgs?code=${encodeURIComponent(org)}`],
    ['member', `/member?id=${encodeURIComponent(member)}`],
  ];
  const times: Record<string, number> = {};
  for (const [name, url] of urls) {
    let ms = 0;
    for (let i = 0; i < 2; i++) {
      const t0 = process.hrtime.bigint();
      const r = await answer(app, { method: 'GET', url, host: 'localhost:1' });
      ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.status !== 200) throw new Error(`${url}: ${r.status} ${String(r.body).slice(0, 500)}`);
    }
    times[name] = ms;
    await answer(cached, { method: 'GET', url, host: 'localhost:1' });
    const t0 = process.hrtime.bigint();
    await answer(cached, { method: 'GET', url, host: 'localhost:1' });
    times[`again_${name}`] = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  return JSON.stringify(times);
}

/** exceljs's own streaming reader over every cell of every workbook: the floor that cxzy's workbook import is measured against. */
async function exceljs(dir: string): Promise<string> {
  const Excel = await loadExcel();
  let rows = 0;
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.xlsx'))
    .sort()) {
    const reader = new Excel.stream.xlsx.WorkbookReader(join(dir, f), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    for await (const ws of reader) for await (const row of ws as AsyncIterable<{ values: unknown[] }>) rows += row.values.length > 0 ? 1 : 0;
  }
  return String(rows);
}

/** The county as workbooks: one per town (its subtree) and one for the orgs at the top, from its database. */
async function workbooks(dbPath: string, dir: string): Promise<string> {
  const db = new Database(dbPath, { readonly: true });
  const tops = db.prepare('SELECT code FROM orgs WHERE parent IS NULL').pluck().all() as string[];
  const towns = db.prepare('SELECT code FROM orgs WHERE parent IN (SELECT code FROM orgs WHERE parent IS NULL)').pluck().all() as string[];
  for (const t of towns) writeFileSync(join(dir, `${t}.xlsx`), await exportXlsx(exportRecords(db, { org: t, period: null, ancestors: false })));
  const top = exportRecords(db, { org: null, period: null });
  const mine = <T extends { org?: string; owner?: string; code?: string }>(list: T[]) => list.filter((x) => tops.includes((x.code ?? x.org ?? x.owner)!));
  const records = {
    ...top,
    orgs: mine(top.orgs),
    members: [],
    pledges: mine(top.pledges),
    reviews: mine(top.reviews),
    points: [],
    reports: mine(top.reports),
    typicals: mine(top.typicals),
    problems: mine(top.problems),
  };
  writeFileSync(join(dir, 'county.xlsx'), await exportXlsx(records));
  db.close();
  return String(towns.length + 1);
}

/**
 * A program run as an office runs it (the executable, or bin/cxzy on Node),
 * its output to nothing; its peak RSS from /usr/bin/time where there is one.
 */
function program(argv: string[]): { out: string; rss_mb?: number } {
  const timed = existsSync('/usr/bin/time');
  const r = spawnSync(timed ? '/usr/bin/time' : argv[0], timed ? ['-f', '%M', ...argv] : argv.slice(1), {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const kb = timed ? Number(r.stderr.trim().split('\n').at(-1)) : Number.NaN;
  return { out: '', ...(Number.isFinite(kb) ? { rss_mb: kb / 1024 } : {}) };
}

/** Output kept for the caller: the import's JSON summary lists every warning (a county has hundreds of namesakes). */
const KEEP = 4_000_000;

async function cxzy(argv: string[]): Promise<string> {
  let out = '';
  let err = '';
  const tty = process.env.CXZY_BENCH_TTY === '1';
  const code = await main(argv, {
    // CXZY_BENCH_TTY: the view a terminal gets (a city's stars summarised).
    stdout: { write: (s) => void (out.length < KEEP && (out += s.slice(0, KEEP - out.length))), isTTY: tty, columns: tty ? 120 : undefined },
    stderr: { write: (s) => void (err += s), isTTY: false },
    env: process.env,
    cwd: process.cwd(),
  });
  const expected = Number(process.env.CXZY_BENCH_EXIT ?? 0);
  if (code !== expected) throw new Error(`cxzy ${argv.join(' ')} exited ${code}: ${err.slice(0, 2000)}`);
  return out;
}

const [step, ...args] = process.argv.slice(2);
// The command's modules loaded before the clock starts, as every step's are: times exclude module loading.
if (step === 'cxzy') await commandsFor(args);
const t0 = process.hrtime.bigint();
const run = step === 'program' ? program(args) : null;
const out = run
  ? run.out
  : step === 'jsyaml'
    ? jsYaml(args[0])
    : step === 'naive'
      ? naive(args[0], args[1])
      : step === 'floor'
        ? floor(args[0], args[1])
        : step === 'merge-floor'
          ? mergeFloor(args[0], args.slice(1))
          : step === 'exceljs'
            ? await exceljs(args[0])
            : step === 'workbooks'
              ? await workbooks(args[0], args[1])
              : step === 'driver'
                ? compareDriver(args[0], args[1], args[2])
                : step === 'serve'
                  ? await servePages(args[0])
                  : await cxzy(args);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
process.stdout.write(`\n${JSON.stringify({ ms, rss_mb: run?.rss_mb ?? process.resourceUsage().maxRSS / 1024, out })}\n`);
