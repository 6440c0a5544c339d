// The fast import's cross-record checks, as queries over the rows it has just
// written (inside its transaction). Errors need only be detected here: on any,
// the import rolls back and the precise path names each one. The warnings are
// built here in full, in the order the precise path gives them.
import type { DB } from './db.js';
import { inBatch } from './stream.js';
import { selectOf, TABLES } from './tables.js';
import { storedLookup } from './stored.js';
import { checkBatch } from '../load/checks.js';
import { emptySections, GOODS, LEADS, type Org, type Source } from '../model.js';
import type { Rules } from '../rules/types.js';
import type { Msg } from '../load/diagnostic.js';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/** True when a record written in this import breaks a reference or the org tree. */
export function batchUnsound(db: DB, gen: number, rules: Rules): boolean {
  const any = (sql: string) => db.prepare(`${sql} LIMIT 1`).get({ gen }) !== undefined;
  const noOrg = (alias: string) => `NOT EXISTS (SELECT 1 FROM orgs o WHERE o.code = ${alias}.org)`;
  if (any(`SELECT 1 FROM members m WHERE m.gen = @gen AND (NOT EXISTS (SELECT 1 FROM orgs o WHERE o.code = m.org AND o.type = 'branch') OR EXISTS (SELECT 1 FROM orgs o WHERE o.code = m.id))`)) return true;
  if (any(`SELECT 1 FROM pledges p WHERE p.gen = @gen AND CASE
      WHEN EXISTS (SELECT 1 FROM orgs o WHERE o.code = p.owner) THEN p.standard NOT IN (${list(GOODS)})
      WHEN EXISTS (SELECT 1 FROM members m WHERE m.id = p.owner) THEN p.standard NOT IN (${list(LEADS)})
      ELSE 1 END`)) return true;
  for (const t of ['reviews', 'reports', 'typicals']) if (any(`SELECT 1 FROM ${t} x WHERE x.gen = @gen AND ${noOrg('x')}`)) return true;
  if (any(`SELECT 1 FROM points p WHERE p.gen = @gen AND NOT EXISTS (SELECT 1 FROM members m WHERE m.id = p.member)`)) return true;

  // The org tree: the precise check, over the orgs this import wrote.
  const orgs = (db.prepare(selectOf(TABLES.orgs, 'WHERE gen = @gen')).raw().all({ gen }) as unknown[][]).map((r) => TABLES.orgs.fromRow(r) as Org);
  if (orgs.length === 0) return false;
  let bad = false;
  checkBatch({ ...emptySections(), orgs }, storedLookup(db), rules, (src) => ({ file: src.file, line: src.line, col: 1, endCol: 2, source: null, path: null }), (d) => {
    if (d.severity === 'error') bad = true;
  });
  return bad;
}

export interface Warning {
  src: Source;
  field: string | null;
  code: string;
  msg: Msg;
}

type Row = { org: string; month: string; title: string; src_file: string; src_line: number; b: number };

/** Same org, month and title more than once, with at least one of them in the batch. */
export function duplicateTitleWarnings(db: DB, gen: number, order: (s: Source) => number[]): Warning[] {
  const rows = db
    .prepare(
      `SELECT r.org, r.month, r.title, r.src_file, r.src_line, ${inBatch('r')} AS b FROM reports r
       JOIN (SELECT org, month, title FROM reports x GROUP BY org, month, title HAVING COUNT(*) > 1 AND MAX(${inBatch('x')})) g
         ON g.org = r.org AND g.month = r.month AND g.title = r.title
       ORDER BY r.rowid`,
    )
    .all({ gen }) as Row[];
  const groups = new Map<string, { batch: Source[]; others: Source[] }>();
  for (const r of rows) {
    const k = `${r.org}\u0000${r.month}\u0000${r.title}`;
    const g = groups.get(k) ?? { batch: [], others: [] };
    groups.set(k, g);
    (r.b ? g.batch : g.others).push({ file: r.src_file, line: r.src_line });
  }
  const cmp = (a: Source, b: Source) => compare(order(a), order(b));
  const sorted = [...groups].map(([k, g]) => ({ k, ...g, batch: g.batch.sort(cmp) })).sort((a, b) => cmp(a.batch[0], b.batch[0]));
  const out: Warning[] = [];
  for (const g of sorted) {
    const [org, month, title] = g.k.split('\u0000');
    const all = [...g.others, ...g.batch];
    for (let i = 1; i < all.length; i++) {
      if (i < g.others.length) continue;
      const other = all[i === 0 ? 1 : 0];
      out.push({ src: all[i], field: 'title', code: 'duplicate_title', msg: { id: 'duplicate_title', params: { org, month, title, other: `${other.file}:${other.line}` } } });
    }
  }
  return out;
}

/** Active members without points in a quarter the batch gives points for: the batch's members first, then the stored ones. */
export function noPointsWarnings(db: DB, gen: number, order: (s: Source) => number[]): Warning[] {
  const periods = db.prepare(`SELECT DISTINCT period FROM points p WHERE ${inBatch('p')} ORDER BY period`).pluck().all({ gen }) as string[];
  const batchMissing = db.prepare(
    `SELECT id, name, src_file, src_line FROM members m WHERE ${inBatch('m')} AND active = 1
     AND NOT EXISTS (SELECT 1 FROM points p WHERE p.member = m.id AND p.period = @period AND ${inBatch('p')})`,
  );
  const storedMissing = db.prepare(
    `SELECT id, name, src_file, src_line FROM members m WHERE NOT ${inBatch('m')} AND active = 1
     AND NOT EXISTS (SELECT 1 FROM points p WHERE p.member = m.id AND p.period = @period) ORDER BY id`,
  );
  type M = { id: string; name: string; src_file: string; src_line: number };
  const out: Warning[] = [];
  for (const period of periods) {
    const src = (m: M): Source => ({ file: m.src_file, line: m.src_line });
    const batch = (batchMissing.all({ gen, period }) as M[]).sort((a, b) => compare(order(src(a)), order(src(b))));
    for (const m of [...batch, ...(storedMissing.all({ gen, period }) as M[])]) {
      out.push({ src: src(m), field: null, code: 'no_points', msg: { id: 'no_points', params: { id: m.id, name: m.name, period } } });
    }
  }
  return out;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
