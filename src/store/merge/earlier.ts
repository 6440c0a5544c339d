// A source merged before is known by the id its database was created with
// (SPEC §3 Merge), not by its path: merged again, it keeps the prefix and
// --under it was merged with unless they are given again, and given
// differently that is an error naming the earlier ones (nothing written).
import type { DB } from '../db.js';
import { DataError } from '../../core/errors.js';
import { listImports } from '../history.js';
import type { MergeSource } from './sources.js';

/** How a source was last merged: its prefix, --under, and the import that did it. */
interface Earlier {
  prefix: string | null;
  under: string | null;
  n: number;
}

/** Each source's latest merge not undone, by its database's id. */
function earlierMerges(db: DB): Map<string, Earlier> {
  const out = new Map<string, Earlier>();
  for (const e of listImports(db)) {
    const m = e.options.merge;
    if (e.undone !== null || !m?.ids) continue;
    // Merged again without --under, a source stays under what it was merged under before.
    m.ids.forEach((id, i) => out.set(id, { prefix: m.prefixes[i], under: m.under ?? out.get(id)?.under ?? null, n: e.number }));
  }
  return out;
}

/**
 * Each source given its earlier prefix where this run says none; an error
 * where this run gives another prefix or --under. Returns the sources that
 * kept what they were merged with, to say so.
 */
export function keepEarlier(db: DB, sources: MergeSource[], under: string | null): { source: MergeSource; earlier: Earlier }[] {
  const earlier = earlierMerges(db);
  const kept: { source: MergeSource; earlier: Earlier }[] = [];
  for (const s of sources) {
    const e = earlier.get(s.id);
    if (!e) continue;
    const shown = (p: string | null) => p ?? '—';
    if (s.prefixGiven && s.prefix !== e.prefix)
      throw new DataError({ id: 'mg_prefix_changed', params: { db: s.name, was: shown(e.prefix), now: shown(s.prefix), n: e.n } });
    if (under !== null && e.under !== null && under !== e.under)
      throw new DataError({ id: 'mg_under_changed', params: { db: s.name, was: e.under, now: under, n: e.n } });
    if (!s.prefixGiven && e.prefix !== null) {
      s.prefix = e.prefix;
      kept.push({ source: s, earlier: e });
    }
  }
  return kept;
}
