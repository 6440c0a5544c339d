// What each file submitted (SPEC §3 Submissions): per org, section and span
// — a quarter for reviews, points (by the member's branch in force then) and
// problems (found), a month for reports and typicals — the files that brought
// its records. A later file that brings a submission a different file
// brought (not the same content) is a resubmission: refused unless the import
// says --replace (the branch's corrected submission) or --add (a supplement).
import type { DB } from './db.js';
import { batchOf, storedOf } from './views.js';
import { SECTION_LIST } from '../core/sections.js';
import { same } from './batch/commit.js';
import type { Section } from '../core/model.js';
import { missingWhere, ownerOrg, spanOf } from './replace.js';
import { SUBMISSIONS } from './tables.js';
import { byText } from '../core/collections.js';
import { inForce } from './member-runs.js';

/** The sections whose records are submitted per org and span. */
export const SUBMITTED = SECTION_LIST.filter((t) => t.period !== undefined);

/** A stored submission a file of the batch brings again, with what --replace would change of it. */
export interface Resubmission {
  org: string;
  section: Section;
  span: string;
  /** The batch's file. */
  file: string;
  earlier: { file: string; import: number; at: string };
  changes: { added: number; changed: number; removed: number };
}

/** temp.batch_subs: what each file read in the batch submits (`hashes`: each file's content hash). */
export function batchSubmissions(db: DB, hashes: Map<string, string>): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS batch_files (file TEXT PRIMARY KEY, hash TEXT) WITHOUT ROWID; DELETE FROM temp.batch_files;
    CREATE TEMP TABLE IF NOT EXISTS batch_subs (section TEXT, span TEXT, org TEXT, file TEXT, PRIMARY KEY (section, span, org, file)) WITHOUT ROWID;
    DELETE FROM temp.batch_subs;`);
  const add = db.prepare('INSERT INTO temp.batch_files VALUES (?, ?)');
  for (const [file, hash] of hashes) add.run(file, hash);
  // No batch runs (a first import, whose runs are stored already; a batch stating no member): a plain join finds each member's branch.
  const onlyStored = db.prepare('SELECT NOT EXISTS (SELECT 1 FROM temp.eff_runs)').pluck().get() === 1;
  const storedRun = (also: string) => `main.members m ON ${also}m.id = x.member AND ${inForce('m', 'x.period')}`;
  for (const t of SUBMITTED) {
    const brought = t.section === 'problems' ? ` AND NOT ${progressOnly('x')}` : '';
    // A member's branch then, joined rather than looked up row by row: a county's first import is 75,000 points records.
    const [org, from] =
      t.section !== 'points'
        ? [ownerOrg(t, 'x'), `${batchOf(t.section)} x`]
        : onlyStored
          ? ['m.org', `${batchOf('points')} x JOIN ${storedRun('')}`]
          : [
              'COALESCE(r.org, m.org)',
              `${batchOf('points')} x LEFT JOIN temp.eff_runs r ON r.id = x.member AND ${inForce('r', 'x.period')} LEFT JOIN ${storedRun('r.id IS NULL AND ')}`,
            ];
    db.prepare(
      `INSERT OR IGNORE INTO temp.batch_subs SELECT DISTINCT '${t.section}', ${spanOf(t, 'x')}, ${org}, x.src_file FROM ${from} WHERE ${org} IS NOT NULL${brought}`,
    ).run();
  }
}

/** What a problem is, as against how far its rectification has come. */
const PROBLEM_IS = ['org', 'found', 'source', 'pledge', 'content', 'measures', 'owner', 'due'];

/**
 * A problem row that only reports progress on a stored problem (its status,
 * dates, verdict, rechecks): what a branch's workbook carries back on the
 * problems it was sent. That is no submission of the quarter's problems.
 */
const progressOnly = (x: string) => `EXISTS (SELECT 1 FROM ${storedOf('problems')} m WHERE m.id = ${x}.id AND ${same(PROBLEM_IS, 'm', x)})`;

/** Two files of the batch that both submit one org's section and span: what one of them should have brought alone. */
export interface TwoFiles {
  org: string;
  section: Section;
  span: string;
  files: [string, string];
}

/** The submissions two files of the batch both bring (batchSubmissions first). */
export function twoFiles(db: DB): TwoFiles[] {
  const rows = db
    .prepare(
      `SELECT a.org, a.section, a.span, a.file, b.file FROM temp.batch_subs a JOIN temp.batch_subs b
         ON b.section = a.section AND b.span = a.span AND b.org = a.org AND b.file > a.file ORDER BY a.org, a.span, a.section`,
    )
    .raw()
    .all() as [string, Section, string, string, string][];
  // In the order messages sort file names (SQLite's is by bytes).
  return rows.map(([org, section, span, a, b]) => ({ org, section, span, files: [a, b].sort(byText) as [string, string] }));
}

/**
 * The batch's submissions that a file of other content brought before, each
 * with what --replace would change of it; `scope` builds temp.scope as
 * --replace's (when it is not built already), asked only when there is one.
 */
export function resubmissions(db: DB, scope: () => void): Resubmission[] {
  const rows = db
    .prepare(
      `SELECT b.org, b.section, b.span, b.file, s.file AS e_file, s.gen AS e_import, s.at AS e_at
       FROM temp.batch_subs b JOIN temp.batch_files f ON f.file = b.file
       JOIN main.submissions s ON s.section = b.section AND s.span = b.span AND s.org = b.org AND s.hash <> f.hash
       ORDER BY b.org, b.section, b.span, s.file`,
    )
    .raw()
    .all() as [string, Section, string, string, string, number, string][];
  if (rows.length === 0) return [];
  scope();
  const changes = changesBySubmission(db);
  return rows.map(([org, section, span, file, eFile, eImport, eAt]) => ({
    org,
    section,
    span,
    file,
    earlier: { file: eFile, import: eImport, at: eAt },
    changes: changes.get(`${section}\u0000${span}\u0000${org}`) ?? { added: 0, changed: 0, removed: 0 },
  }));
}

/**
 * Per section, span and org the batch submits: its records that --replace
 * would add, change and remove (temp.scope built as --replace's, without --org).
 */
function changesBySubmission(db: DB): Map<string, Resubmission['changes']> {
  const out = new Map<string, Resubmission['changes']>();
  const entry = (k: string) => {
    let c = out.get(k);
    if (!c) out.set(k, (c = { added: 0, changed: 0, removed: 0 }));
    return c;
  };
  for (const t of SUBMITTED) {
    const key = (a: string, b: string) => t.key.map((k) => `${a}.${k} = ${b}.${k}`).join(' AND ');
    const by = (x: string) => `${spanOf(t, x)} AS span, ${ownerOrg(t, x)} AS org`;
    const counted = (sql: string, field: keyof Resubmission['changes']) => {
      for (const [span, org, n] of db.prepare(`SELECT span, org, COUNT(*) FROM (${sql}) GROUP BY span, org`).raw().all() as [string, string, number][])
        entry(`${t.section}\u0000${span}\u0000${org}`)[field] += n;
    };
    counted(`SELECT ${by('x')} FROM ${batchOf(t.section)} x WHERE NOT EXISTS (SELECT 1 FROM ${storedOf(t.section)} m WHERE ${key('m', 'x')})`, 'added');
    counted(
      `SELECT ${by('x')} FROM ${batchOf(t.section)} x JOIN ${storedOf(t.section)} m ON ${key('m', 'x')} WHERE NOT (${same(t.cols, 'm', 'x')})`,
      'changed',
    );
    counted(`SELECT ${by('m')} FROM ${storedOf(t.section)} m WHERE ${missingWhere(t, 'm')}`, 'removed');
  }
  return out;
}

/**
 * The batch's submissions written under import `gen` at `at`: with --replace
 * (temp.scope built), every stored submission in its scope goes first, kept
 * in the history; a file's earlier submission of the same org and span (a
 * file of the same name and new content) is replaced, kept there too.
 */
export function writeSubmissions(db: DB, gen: number, at: string, replace: boolean): void {
  const cols = SUBMISSIONS.cols.join(', ');
  const keep = (where: string) => {
    db.prepare(`INSERT INTO main.history_submissions (import, action, ${cols}) SELECT ${gen}, 'removed', ${cols} FROM main.submissions s WHERE ${where}`).run();
    db.prepare(`DELETE FROM main.submissions AS s WHERE ${where}`).run();
  };
  if (replace) keep('EXISTS (SELECT 1 FROM temp.scope sc_ WHERE sc_.section = s.section AND sc_.span = s.span AND sc_.org = s.org)');
  keep('EXISTS (SELECT 1 FROM temp.batch_subs b WHERE b.section = s.section AND b.span = s.span AND b.org = s.org AND b.file = s.file)');
  db.prepare(
    `INSERT INTO main.submissions (${cols}) SELECT b.section, b.span, b.org, b.file, f.hash, ?, ? FROM temp.batch_subs b JOIN temp.batch_files f ON f.file = b.file`,
  ).run(at, gen);
}
