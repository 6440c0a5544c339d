// npm run bench [-- --json] [-- --sizes county,city]
// Generates the synthetic county and city (once; the bytes are deterministic),
// then measures on the same files, each step in a fresh process: js-yaml's bare
// load, a naive pipeline (county only: it would take minutes at city size),
// cxzy validate, cxzy import (with workers and inline), a re-import, an
// update of every points record (with the history it leaves) and its undo, the
// analyses, and the bare reads of the rows stars and report need (their
// floors), and at county size a city's merge of twelve such counties
// (bench/merge.ts) and the county as export writes it, one workbook and one
// YAML file of a document per quarter (bench/exported.ts). All but the naive pipeline and validate run three times and keep
// the fastest. Prints throughput, peak RSS and the ratios the targets are
// stated in (Markdown, or JSON with --json).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { correctPoints, generate, manyErrors, movesFile, problemsFile, SIZES, withTypo, type Generated } from './generate.js';
import { best, DATA, FLAGS, measure, REPEAT, ROOT, type Measure } from './measure.js';

/** The Linux executable (npm run dist -- --linux, run first by main below). */
const EXE = join(ROOT, 'dist', 'cxzy-linux-x64');
import { merges } from './merge.js';
import { shapes } from './shapes.js';
import { exported } from './exported.js';
import { STORED_TABLES } from '../store/tables.js';

function dataFor(name: string): Generated {
  const dir = join(DATA, name);
  const marker = join(dir, 'generated.json');
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8')) as Generated;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  process.stderr.write(`generating ${name} …\n`);
  const g = generate(SIZES[name], dir);
  writeFileSync(marker, JSON.stringify(g));
  return g;
}

interface SizeResult {
  size: string;
  branches: number;
  members: number;
  files: number;
  mb: number;
  records: number;
  steps: Record<string, { ms: number; rss_mb: number; mb_s?: number; records_s?: number }>;
  ratios: Record<string, number>;
  /** What the history holds after every points record was corrected. */
  history: History;
}

interface History {
  rows: number;
  mb: number;
  /** The whole database, history included. */
  db_mb: number;
}

function runSize(name: string): SizeResult {
  const g = dataFor(name);
  const db = join(DATA, `${name}.db`);
  const fresh = () => {
    for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
  };
  const mb = g.bytes / 1e6;
  const steps: SizeResult['steps'] = {};
  const note = (label: string) => process.stderr.write(`${name}: ${label} …\n`);

  note('js-yaml load');
  steps.jsyaml = best(REPEAT, () => measure('jsyaml', [g.dir]));
  if (name === 'county') {
    note('naive pipeline');
    const naiveDb = join(DATA, 'naive.db');
    rmSync(naiveDb, { force: true });
    steps.naive = measure('naive', [g.dir, naiveDb]);
    rmSync(naiveDb, { force: true });
  }
  note('cxzy validate');
  fresh();
  // Into no database: every file is read and checked, as before a first import.
  steps.validate = best(REPEAT, () => measure('cxzy', ['validate', g.dir, '--db', db, '-q']));
  if (name === 'county') {
    note('cxzy validate, one typo');
    const typo = join(DATA, `${name}-typo`);
    if (!existsSync(typo)) withTypo(g.dir, typo);
    steps.validate_typo = best(REPEAT, () => measure('cxzy', ['validate', typo, '--db', db, '-q'], {}, 1));
    note('cxzy validate, 60,000 bad records');
    const bad = join(DATA, 'many-errors.yaml');
    if (!existsSync(bad)) manyErrors(bad, 60_000);
    steps.many_errors = best(REPEAT, () => measure('cxzy', ['validate', bad, '--db', db], {}, 1));
  }
  note('cxzy import, inline');
  steps.import_inline = best(REPEAT, () => {
    fresh();
    return measure('cxzy', ['import', g.dir, '--db', db, '-q'], { CXZY_WORKERS: '0' });
  });
  note('cxzy import');
  const imp = best(REPEAT, () => {
    fresh();
    return measure('cxzy', ['import', g.dir, '--db', db, '--format', 'json']);
  });
  steps.import = imp;
  const sections = JSON.parse(imp.out).sections as Record<string, { inserted: number }>;
  const records = Object.values(sections).reduce((n, c) => n + c.inserted, 0);
  Object.assign(steps, shapes(name, g));
  note('cxzy re-import');
  steps.reimport = best(REPEAT, () => measure('cxzy', ['import', g.dir, '--db', db, '-q']));
  const fix = corrections(name, g);
  steps.update = fix.update;
  steps.undo = fix.undo;
  if (name === 'county') Object.assign(steps, workbooks(name, db), exported(name, db));
  // The analyses below read a database with a year of transfers in it: one member in a hundred moving each quarter.
  const moves = join(DATA, `${name}-moves.yaml`);
  if (!existsSync(moves)) movesFile(moves, g.branches, g.members);
  note('cxzy import of a year of transfers');
  steps.import_moves = measure('cxzy', ['import', moves, '--db', db, '-q']);
  for (const cmd of ['grade', 'stars', 'quota']) {
    note(cmd);
    steps[cmd] = best(REPEAT, () => measure('cxzy', [cmd, '--db', db, '--format', 'json']));
  }
  note('stars, the view a terminal gets');
  steps.stars_view = best(REPEAT, () => measure('cxzy', ['stars', '--db', db], { CXZY_BENCH_TTY: '1' }));
  note('report');
  steps.report = best(REPEAT, () => measure('cxzy', ['report', '--db', db]));
  // The executable an office is sent, against bin/cxzy on the checkout's Node: the same report, each started as a program.
  if (existsSync(EXE)) {
    note('report through bin/cxzy and through the executable');
    steps.bin_report = best(REPEAT, () => measure('program', [process.execPath, ...FLAGS, join(ROOT, 'bin', 'cxzy'), 'report', '--db', db]));
    steps.exe_report = best(REPEAT, () => measure('program', [EXE, 'report', '--db', db], { CXZY_CACHE: join(DATA, 'exe-cache') }));
  }
  for (const cmd of ['stars', 'grade', 'report']) {
    note(`${cmd} floor`);
    steps[`${cmd}_floor`] = best(REPEAT, () => measure('floor', [cmd, db]));
  }
  note('the web view, each page warm');
  Object.assign(steps, served(db));
  Object.assign(steps, ledger(name, g, db));
  Object.assign(steps, drivers(name, db));
  if (name === 'county') Object.assign(steps, merges(db));
  fresh();

  withRates(steps, mb, records);
  return { size: name, branches: g.branches, members: g.members, files: g.files, mb, records, steps, ratios: ratiosOf(steps), history: fix.history };
}

/** Each page of the web view made afresh, the process warm, in three servers as every other step runs three times: each page's fastest. */
function served(db: string): SizeResult['steps'] {
  const out: SizeResult['steps'] = {};
  for (let k = 0; k < REPEAT; k++) {
    const run = measure('serve', [db]);
    for (const [page, ms] of Object.entries(JSON.parse(run.out) as Record<string, number>)) {
      const was = out[`serve_${page}`];
      out[`serve_${page}`] = { ms: Math.min(ms, was?.ms ?? ms), rss_mb: Math.max(run.rss_mb, was?.rss_mb ?? 0) };
    }
  }
  return out;
}

/** MB and records a second, of the steps that read the files. */
function withRates(steps: SizeResult['steps'], mb: number, records: number): void {
  for (const k of ['jsyaml', 'naive', 'validate', 'import_inline', 'import']) {
    const s = steps[k];
    if (!s) continue;
    s.mb_s = mb / (s.ms / 1000);
    if (k !== 'jsyaml') s.records_s = records / (s.ms / 1000);
  }
}

/** The ratios the targets are stated in, from the steps of one size. */
function ratiosOf(steps: SizeResult['steps']): Record<string, number> {
  const t = (k: string) => steps[k].ms;
  const ratios: Record<string, number> = {
    ...(steps.validate_typo ? { typo_vs_validate: t('validate_typo') / t('validate') } : {}),
    import_vs_jsyaml: t('jsyaml') / t('import'),
    import_vs_jsyaml_one: t('jsyaml_one') / t('import_one'),
    import_vs_jsyaml_whole: t('jsyaml_whole_many') / t('import_whole_many'),
    import_vs_jsyaml_whole_one: t('jsyaml_whole_one') / t('import_whole_one'),
    workers_speedup: t('import_inline') / t('import'),
    reimport_speedup: t('import') / t('reimport'),
    update_vs_import: t('update') / t('import'),
  };
  if (steps.import_xlsx) ratios.exceljs_vs_import_xlsx = t('exceljs') / t('import_xlsx');
  if (steps.import_export_xlsx) ratios.exceljs_vs_import_export_xlsx = t('exceljs_export_xlsx') / t('import_export_xlsx');
  if (steps.import_export_yaml) ratios.import_vs_jsyaml_export_yaml = t('jsyaml_export_yaml') / t('import_export_yaml');
  if (steps.naive) ratios.import_vs_naive = t('naive') / t('import');
  for (const k of ['grade', 'stars', 'stars_floor', 'quota', 'report', 'report_floor']) ratios[`${k}_vs_import`] = t(k) / t('import');
  ratios.ledger_vs_floor = t('ledger') / t('ledger_floor');
  ratios.stars_view_vs_floor = t('stars_view') / t('stars_floor');
  ratios.report_vs_floor = t('report') / t('report_floor');
  ratios.annual_vs_floor = t('annual') / t('annual_floor');
  for (const [list, floor] of FULL_LISTS) ratios[`${list}_vs_floor`] = t(list) / t(floor);
  if (steps.merge) ratios.merge_vs_floor = t('merge') / t('merge_floor');
  if (steps.exe_report) ratios.exe_report_vs_bin = t('exe_report') / t('bin_report');
  for (const part of DRIVER_PARTS) ratios[`builtin_vs_better_${part}`] = t(`builtin_${part}`) / t(`better_${part}`);
  return ratios;
}

/**
 * A whole quarter's points corrected in place and imported again as the
 * branches' corrected files (--replace): every points row is updated, so the
 * history keeps one old version of each. The import, its history's size, and
 * the undo that puts the quarter back.
 */
function corrections(name: string, g: Generated): { update: Measure; undo: Measure; history: History } {
  const work = join(DATA, `${name}-corrected`);
  const base = join(DATA, `${name}-corrected.db`);
  const upd = join(DATA, `${name}-update.db`);
  const clear = (f: string) => ['', '-wal', '-shm'].forEach((s) => rmSync(f + s, { force: true }));
  rmSync(work, { recursive: true, force: true });
  cpSync(g.dir, work, { recursive: true });
  clear(base);
  process.stderr.write(`${name}: cxzy import of every points record corrected …\n`);
  measure('cxzy', ['import', work, '--db', base, '-q']);
  correctPoints(work);
  // The branches' corrected files, said to be so.
  const update = best(REPEAT, () => {
    clear(upd);
    cpSync(base, upd);
    return measure('cxzy', ['import', work, '--db', upd, '--replace', '-q']);
  });
  const h = new Database(upd, { readonly: true });
  const rows = h
    .prepare(`SELECT SUM(n) FROM (${[...STORED_TABLES, 'files'].map((t) => `SELECT COUNT(*) AS n FROM history_${t}`).join(' UNION ALL ')})`)
    .pluck()
    .get() as number;
  const bytes = h.prepare(`SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'history%'`).pluck().get() as number;
  const all = h.prepare(`SELECT SUM(pgsize) FROM dbstat`).pluck().get() as number;
  h.close();
  process.stderr.write(`${name}: cxzy undo …\n`);
  const undo = measure('cxzy', ['undo', '--db', upd, '-q']);
  [base, upd].forEach(clear);
  rmSync(work, { recursive: true, force: true });
  return { update, undo, history: { rows, mb: bytes / 1e6, db_mb: all / 1e6 } };
}

/**
 * The county as workbooks, as branches would send them: one per town (its
 * orgs, members, pledges and the quarter's rows, made by export), and one for
 * the county committee. exceljs's bare streaming read of them all, beside
 * their import into an empty database.
 */
function workbooks(name: string, db: string): SizeResult['steps'] {
  const dir = join(DATA, `${name}-xlsx`);
  if (!existsSync(join(dir, 'done'))) {
    process.stderr.write(`${name}: writing the county as workbooks …\n`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    measure('workbooks', [db, dir]);
    writeFileSync(join(dir, 'done'), '');
  }
  const out = join(DATA, `${name}-xlsx.db`);
  const clear = () => ['', '-wal', '-shm'].forEach((s) => rmSync(out + s, { force: true }));
  process.stderr.write(`${name}: exceljs bare read …\n`);
  // exceljs's streaming reader now and then reads a sheet before the workbook part that comes after it in the zip
  // (exceljs/exceljs#962, "reading 'sheets'"): the floor is that read when it completes, so it is tried again.
  const bare = best(REPEAT, () => {
    for (let tries = 1; ; tries++) {
      try {
        return measure('exceljs', [dir]);
      } catch (e) {
        if (tries >= 3 || !String(e).includes("reading 'sheets'")) throw e;
      }
    }
  });
  process.stderr.write(`${name}: cxzy import of the workbooks …\n`);
  const imp = best(REPEAT, () => {
    clear();
    return measure('cxzy', ['import', dir, '--db', out, '-q']);
  });
  clear();
  return { exceljs: bare, import_xlsx: imp };
}

/**
 * The rectification ledger: one problem per branch imported into the
 * database (a second import), then `cxzy ledger`'s default view at the
 * quarter's end, and its floor: the problems' rows read bare.
 */
function ledger(name: string, g: Generated, db: string): SizeResult['steps'] {
  const file = join(DATA, `${name}-problems.yaml`);
  if (!existsSync(file)) problemsFile(file, g.branches);
  const work = join(DATA, `${name}-ledger.db`);
  const clear = () => ['', '-wal', '-shm'].forEach((s) => rmSync(work + s, { force: true }));
  process.stderr.write(`${name}: cxzy import of the ledger …\n`);
  const imp = best(REPEAT, () => {
    clear();
    cpSync(db, work);
    return measure('cxzy', ['import', file, '--db', work, '-q']);
  });
  process.stderr.write(`${name}: cxzy ledger …\n`);
  const view = best(REPEAT, () => measure('cxzy', ['ledger', '--db', work, '--period', '2011Q2']));
  const floor = best(REPEAT, () => measure('floor', ['ledger', work]));
  // The year's review reads the same database: the ledger is one of its inputs.
  process.stderr.write(`${name}: cxzy annual …\n`);
  const annual = best(REPEAT, () => measure('cxzy', ['annual', '--db', work]));
  const annualFloor = best(REPEAT, () => measure('floor', ['annual', work]));
  // The full lists in JSON, every problem and every member's year.
  process.stderr.write(`${name}: cxzy ledger and annual --all in JSON …\n`);
  const ledgerJson = best(REPEAT, () => measure('cxzy', ['ledger', '--db', work, '--format', 'json']));
  const annualAll = best(REPEAT, () => measure('cxzy', ['annual', '--all', '--db', work, '--format', 'json']));
  clear();
  return { import_ledger: imp, ledger: view, ledger_floor: floor, annual, annual_floor: annualFloor, ledger_json: ledgerJson, annual_all: annualAll };
}

const DRIVER_PARTS = ['write', 'read', 'floors'] as const;

/**
 * better-sqlite3 against node:sqlite on the imported database, each the
 * fastest of three runs, part by part: the section rows written into an empty
 * schema, read back, and the rows stars and report need.
 */
function drivers(name: string, db: string): SizeResult['steps'] {
  const out: SizeResult['steps'] = {};
  for (const driver of ['better', 'builtin']) {
    process.stderr.write(`${name}: SQLite driver ${driver} …
`);
    const runs = Array.from({ length: REPEAT }, () => measure('driver', [driver, db, join(DATA, `${name}-driver.db`)]));
    for (const part of DRIVER_PARTS) {
      const parts = runs.map((m) => JSON.parse(m.out) as Record<string, number>);
      out[`${driver}_${part}`] = { ms: Math.min(...parts.map((p) => p[part])), rss_mb: Math.max(...runs.map((m) => m.rss_mb)) };
    }
  }
  return out;
}

/** The full lists in JSON (stars, grade, ledger --format json, annual --all) and their floors: issue 39 asks each ≤ 1.5× at ≤ 500 MB (city). */
const FULL_LISTS = [
  ['stars', 'stars_floor'],
  ['grade', 'grade_floor'],
  ['ledger_json', 'ledger_floor'],
  ['annual_all', 'annual_floor'],
] as const;

/** Each ratio with its target; a ratio without one is there to be read beside the others. */
const TARGETS: [string, string, ((x: number) => boolean)?][] = [
  ['import_vs_jsyaml', '≥ 0.7', (x) => x >= 0.7],
  ['import_vs_jsyaml_one', '≥ 0.9 (one file per section)', (x) => x >= 0.9],
  ['import_vs_jsyaml_whole', '≥ 1.0 (whole process)', (x) => x >= 1.0],
  ['import_vs_jsyaml_whole_one', '≥ 0.9 (whole process, one file per section)', (x) => x >= 0.9],
  ['typo_vs_validate', '≤ 2', (x) => x <= 2],
  ['import_vs_naive', '≥ 5', (x) => x >= 5],
  ['reimport_speedup', '≥ 5', (x) => x >= 5],
  ['workers_speedup', '> 1', (x) => x > 1],
  ['update_vs_import', '', undefined],
  ['exceljs_vs_import_xlsx', '≥ 0.6', (x) => x >= 0.6],
  ['exceljs_vs_import_export_xlsx', '≥ 0.6 (one workbook of the county)', (x) => x >= 0.6],
  ['import_vs_jsyaml_export_yaml', '≥ 0.9 (one file of a document per quarter)', (x) => x >= 0.9],
  ['grade_vs_import', '≤ 0.1', (x) => x <= 0.1],
  ['stars_vs_import', '≤ 0.1', (x) => x <= 0.1],
  ['stars_floor_vs_import', '', undefined],
  ['quota_vs_import', '≤ 0.1', (x) => x <= 0.1],
  ['report_vs_import', '≤ 0.1', (x) => x <= 0.1],
  ['report_floor_vs_import', '', undefined],
  ['ledger_vs_floor', '', undefined],
  ['stars_view_vs_floor', '≤ 1.5 (city)', (x) => x <= 1.5],
  ['report_vs_floor', '≤ 1.5 (city)', (x) => x <= 1.5],
  ['annual_vs_floor', '≤ 1.5', (x) => x <= 1.5],
  ...FULL_LISTS.map(([list]): [string, string, (x: number) => boolean] => [`${list}_vs_floor`, '≤ 1.5 (city, full list)', (x) => x <= 1.5]),
  ['merge_vs_floor', '≤ 2 (12 counties)', (x) => x <= 2],
  ['exe_report_vs_bin', '≤ 1.1 (city)', (x) => x <= 1.1],
  ['builtin_vs_better_write', '≤ 1.1 for node:sqlite', (x) => x <= 1.1],
  ['builtin_vs_better_read', '≤ 1.1 for node:sqlite', (x) => x <= 1.1],
  ['builtin_vs_better_floors', '≤ 1.1 for node:sqlite', (x) => x <= 1.1],
];

function markdown(results: SizeResult[]): string {
  const out: string[] = [];
  const f = (x: number | undefined, d = 1) => (x === undefined ? '' : x.toFixed(d));
  for (const r of results) {
    out.push(`### ${r.size}: ${r.branches} branches, ${r.members} members, ${r.files} files, ${r.mb.toFixed(1)} MB, ${r.records} records`, '');
    out.push('| step | seconds | MB/s | records/s | peak RSS MB |', '|---|---:|---:|---:|---:|');
    for (const [k, s] of Object.entries(r.steps))
      out.push(`| ${k} | ${f(s.ms / 1000, 2)} | ${f(s.mb_s)} | ${s.records_s ? Math.round(s.records_s) : ''} | ${f(s.rss_mb, 0)} |`);
    out.push('', '| ratio | value | target | |', '|---|---:|---|---|');
    for (const [k, target, ok] of TARGETS) {
      const v = r.ratios[k];
      if (v !== undefined) out.push(`| ${k} | ${v.toFixed(k.endsWith('_vs_import') ? 3 : 2)} | ${target} | ${ok ? (ok(v) ? '✓' : '✗') : ''} |`);
    }
    const rss = r.steps.import.rss_mb;
    if (r.size === 'city') out.push(`| import peak RSS (MB) | ${rss.toFixed(0)} | ≤ 1024 | ${rss <= 1024 ? '✓' : '✗'} |`);
    // Issue 39: the import whole-process, either shape, within 300 MB (county) or 700 MB (city).
    const most = r.size === 'city' ? 700 : 300;
    for (const shape of ['many', 'one']) {
      const m = r.steps[`import_whole_${shape}`];
      if (m)
        out.push(
          `| import of the ${shape === 'one' ? 'one file per section' : 'many files'}, whole process: peak RSS (MB) | ${m.rss_mb.toFixed(0)} | ≤ ${most} | ${m.rss_mb <= most ? '✓' : '✗'} |`,
        );
    }
    for (const [k, what] of [
      ['import_export_xlsx', 'one workbook of the county'],
      ['import_export_yaml', 'one file of a document per quarter'],
    ]) {
      const m = r.steps[k];
      if (m) out.push(`| import of ${what}: peak RSS (MB) | ${m.rss_mb.toFixed(0)} | ≤ ${most} | ${m.rss_mb <= most ? '✓' : '✗'} |`);
    }
    const xlsx = r.steps.import_xlsx;
    if (xlsx) out.push(`| workbook import peak RSS (MB) | ${xlsx.rss_mb.toFixed(0)} | ≤ 1024 | ${xlsx.rss_mb <= 1024 ? '✓' : '✗'} |`);
    out.push(`| history after every points record corrected: rows | ${r.history.rows} | | |`);
    out.push(`| history: MB (of a ${r.history.db_mb.toFixed(1)} MB database) | ${r.history.mb.toFixed(1)} | | |`);
    out.push(`| ledger of ${r.branches} problems: import seconds | ${(r.steps.import_ledger.ms / 1000).toFixed(2)} | | |`);
    out.push(`| ledger default view: seconds | ${(r.steps.ledger.ms / 1000).toFixed(2)} | ≤ 2 | ${r.steps.ledger.ms <= 2000 ? '✓' : '✗'} |`);
    const limit = r.size === 'city' ? 2000 : 300;
    for (const [prefix, what] of [
      ['serve_', 'made afresh, the process warm'],
      ['serve_again_', 'answered again, nothing changed'],
    ]) {
      const pages = Object.entries(r.steps).filter(([k]) => k.startsWith(prefix) && (prefix !== 'serve_' || !k.startsWith('serve_again_')));
      if (!pages.length) continue;
      const [slow, s] = pages.reduce((a, b) => (b[1].ms > a[1].ms ? b : a));
      out.push(`| web view: slowest page ${what} (${slow.slice(prefix.length)}), ms | ${s.ms.toFixed(0)} | ≤ ${limit} | ${s.ms <= limit ? '✓' : '✗'} |`);
    }
    if (r.size === 'city')
      for (const [list] of FULL_LISTS) {
        const mb = r.steps[list].rss_mb;
        out.push(`| ${list}, the full list in JSON: peak RSS (MB) | ${mb.toFixed(0)} | ≤ 500 | ${mb <= 500 ? '✓' : '✗'} |`);
      }
    const merged = r.steps.merge;
    if (merged) out.push(`| merge of 12 counties: peak RSS (MB) | ${merged.rss_mb.toFixed(0)} | ≤ 500 | ${merged.rss_mb <= 500 ? '✓' : '✗'} |`);
    const many = r.steps.many_errors;
    if (many) {
      out.push(`| 60,000 bad records: seconds | ${(many.ms / 1000).toFixed(2)} | ≤ 10 | ${many.ms <= 10_000 ? '✓' : '✗'} |`);
      out.push(`| 60,000 bad records: peak RSS (MB) | ${many.rss_mb.toFixed(0)} | ≤ 500 | ${many.rss_mb <= 500 ? '✓' : '✗'} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

const argv = process.argv.slice(2);
// The Linux executable, made from this build for the steps that run it (not the Windows one: it is not run here).
execFileSync(process.execPath, [join(ROOT, 'scripts', 'dist.mjs'), '--linux'], { stdio: ['ignore', 'ignore', 'inherit'] });
const sizeArg = argv.find((a) => a.startsWith('--sizes='))?.slice(8) ?? (argv.includes('--sizes') ? argv[argv.indexOf('--sizes') + 1] : 'county,city');
const results = sizeArg.split(',').map((s) => {
  if (!SIZES[s]) throw new Error(`unknown size ${s}; sizes: ${Object.keys(SIZES).join(', ')}`);
  return runSize(s);
});
const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
if (argv.includes('--json')) process.stdout.write(`${JSON.stringify({ date: new Date().toISOString(), machine, results }, null, 2)}\n`);
else process.stdout.write(`Machine: ${machine}\nDate: ${new Date().toISOString().slice(0, 10)}\n\n${markdown(results)}`);
