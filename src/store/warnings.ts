// The warnings that span records, as queries over the batch (staged rows and
// the rows of files skipped as unchanged) and what is stored beside it.
import type { DB } from './db.js';
import { stagedTable, type Staging } from './stage.js';
import type { Section, Source } from '../core/model.js';
import { SECTION_DEFS } from '../core/sections.js';
import type { Check } from './checks.js';

type Rec = Record<string, unknown>;
const srcOf = (r: Rec): Source => ({ file: r.src_file as string, line: r.src_line as number });
const SKIPPED = '(SELECT file FROM temp.skipped)';

/**
 * Rows of section `s` as the database will hold them, with `b` = 1 for the
 * batch's own and `ord` the stored row's rowid (for stored rows only).
 */
function effective(st: Staging, s: Section, cols: string, rowid: boolean): string {
  const staged = stagedTable(st, s);
  if (st.direct) return `SELECT ${cols}, 1 AS b, NULL AS ord FROM ${staged}`;
  const { key, name } = SECTION_DEFS[s];
  const replaced = `EXISTS (SELECT 1 FROM ${staged} y WHERE ${key.map((k) => `y.${k} = x.${k}`).join(' AND ')})`;
  return `SELECT ${cols}, 1 AS b, NULL AS ord FROM ${staged}
    UNION ALL SELECT ${cols}, x.src_file IN ${SKIPPED} AS b, ${rowid ? 'x.rowid' : 'NULL'} AS ord FROM main.${name} x WHERE NOT ${replaced}`;
}

/** Same org, month and title more than once, with at least one of them in the batch. */
export function duplicateTitles(db: DB, st: Staging, order: (a: Source, b: Source) => number): Check[] {
  const rows = db
    .prepare(
      `WITH r AS (${effective(st, 'reports', 'org, month, title, src_file, src_line', true)})
       SELECT r.* FROM r JOIN (SELECT org, month, title FROM r GROUP BY org, month, title HAVING COUNT(*) > 1 AND MAX(b)) g
         ON g.org = r.org AND g.month = r.month AND g.title = r.title`,
    )
    .all() as Rec[];
  const groups = new Map<string, { batch: Source[]; others: { src: Source; ord: number }[] }>();
  for (const r of rows) {
    const k = `${r.org}\u0000${r.month}\u0000${r.title}`;
    const g = groups.get(k) ?? { batch: [], others: [] };
    groups.set(k, g);
    if (r.b) g.batch.push(srcOf(r));
    else g.others.push({ src: srcOf(r), ord: r.ord as number });
  }
  const sorted = [...groups].map(([k, g]) => ({ k, batch: g.batch.sort(order), others: g.others.sort((a, b) => a.ord - b.ord).map((o) => o.src) })).sort((a, b) => order(a.batch[0], b.batch[0]));
  const out: Check[] = [];
  for (const g of sorted) {
    const [org, month, title] = g.k.split('\u0000');
    const all = [...g.others, ...g.batch];
    for (let i = Math.max(1, g.others.length); i < all.length; i++) {
      const other = all[i === 0 ? 1 : 0];
      out.push({ severity: 'warning', src: all[i], field: 'title', code: 'duplicate_title', msg: { id: 'duplicate_title', params: { org, month, title, other: `${other.file}:${other.line}` } } });
    }
  }
  return out;
}

/** Active members without points in a quarter the batch gives points for: the batch's members first, then the stored ones. */
export function membersWithoutPoints(db: DB, st: Staging, order: (a: Source, b: Source) => number): Check[] {
  const points = `(${effective(st, 'points', 'member, period, src_file, src_line', false)})`;
  const members = `(${effective(st, 'members', 'id, name, active, src_file, src_line', false)})`;
  const periods = db.prepare(`SELECT DISTINCT period FROM ${points} WHERE b ORDER BY period`).pluck().all() as string[];
  const missing = db.prepare(
    `SELECT id, name, src_file, src_line, b FROM ${members} m WHERE active = 1
     AND NOT EXISTS (SELECT 1 FROM ${points} p WHERE p.member = m.id AND p.period = @period AND (p.b OR NOT m.b))`,
  );
  const out: Check[] = [];
  for (const period of periods) {
    const rows = missing.all({ period }) as Rec[];
    const batch = rows.filter((r) => r.b).sort((a, b) => order(srcOf(a), srcOf(b)));
    const stored = rows.filter((r) => !r.b).sort((a, b) => ((a.id as string) < (b.id as string) ? -1 : 1));
    for (const m of [...batch, ...stored]) {
      out.push({ severity: 'warning', src: srcOf(m), field: null, code: 'no_points', msg: { id: 'no_points', params: { id: m.id as string, name: m.name as string, period } } });
    }
  }
  return out;
}
