// Before a merge writes: the staged identities the target already holds from
// elsewhere (a collision), and per source what it inserts, updates, leaves
// and removes. Each is one query per section over the staged and stored rows.
import type { DB } from '../db.js';
import { SECTION_LIST } from '../../core/sections.js';
import type { Section } from '../../core/model.js';
import { keyMatch, same, zeroCounts, type SectionCounts } from '../batch/commit.js';
import { bringer, broughtBy, removal } from './owned.js';
import type { Collisions } from './stage.js';
import type { MergeSource } from './sources.js';

/** Staged rows of a source without a prefix whose identity the target holds from elsewhere. */
export function storedCollisions(db: DB, sources: MergeSource[]): Collisions {
  const out: Collisions = { named: [], count: 0 };
  const plain = sources.flatMap((s, i) => (s.prefix === null ? [i] : []));
  if (plain.length === 0) return out;
  for (const t of SECTION_LIST) {
    const own = `CASE x.merged_from ${plain.map((i) => `WHEN ${i} THEN ${broughtBy(t, sources[i], 'm')}`).join(' ')} ELSE 1 END`;
    const from = `FROM main.${t.name} m JOIN temp.s_${t.name} x ON ${keyMatch(t, 'x', 'm')} WHERE NOT (${own})`;
    const n = db.prepare(`SELECT COUNT(*) ${from}`).pluck().get() as number;
    if (n === 0) continue;
    out.count += n;
    const rows = db
      .prepare(`SELECT ${t.key.map((k) => `x.${k}`).join(" || ' ' || ")}, x.merged_from, m.src_file ${from} LIMIT 20`)
      .raw()
      .all() as [string, number, string][];
    out.named.push(...rows.map(([code, source, file]) => ({ what: t.what, code, source, first: file })));
  }
  return out;
}

/** Per source: staged rows inserted, updated and unchanged against the stored ones (`copied`: each source's staged rows), and the stored ones it removes. */
export function sourceCounts(db: DB, sources: MergeSource[], copied: Record<Section, number>[]): SectionCounts[] {
  const counts = sources.map(() => zeroCounts());
  for (const t of SECTION_LIST) {
    const matched = db
      .prepare(
        `SELECT x.merged_from, SUM(NOT (${same(t.cols, 'm', 'x')})), SUM(${same(t.cols, 'm', 'x')})
         FROM main.${t.name} m JOIN temp.s_${t.name} x ON ${keyMatch(t, 'x', 'm')} GROUP BY x.merged_from`,
      )
      .raw()
      .all() as number[][];
    for (const [i, updated, unchanged] of matched) Object.assign(counts[i][t.section], { updated, unchanged });
    const removed = db
      .prepare(`SELECT ${bringer(t, sources, 'm')} AS b, COUNT(*) FROM main.${t.name} m WHERE ${removal(sources).where(t, 'm')} GROUP BY b`)
      .raw()
      .all() as number[][];
    for (const [i, n] of removed) counts[i][t.section].removed = n;
    counts.forEach((c, i) => {
      c[t.section].inserted = copied[i][t.section] - c[t.section].updated - c[t.section].unchanged;
    });
  }
  return counts;
}
