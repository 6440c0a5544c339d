// In a city's database, where one name belongs to orgs of different counties
// (every county has its 红湾社区党支部), every list names each such org with
// its county: 红湾社区党支部（天心区）— the area of the county's office when
// the merge knew it, else the county's top org (SPEC §3 Merge).
import type { DB } from './db.js';
import type { Org } from '../core/model.js';
import { listImports } from './history.js';

/** A source of a merge as the log keeps it: how its orgs are told (their prefix, or their sources' label), and its area. */
interface MergedSource {
  prefix: string | null;
  label: string | null;
  area: string | null;
}

/** The sources of the merges not undone, the latest merge of each last. */
function mergedSources(db: DB): MergedSource[] {
  const out: MergedSource[] = [];
  for (const e of listImports(db)) {
    const m = e.options.merge;
    if (e.undone !== null || !m) continue;
    m.prefixes.forEach((prefix, i) => out.push({ prefix, label: m.labels?.[i] ?? null, area: m.areas?.[i] ?? null }));
  }
  return out;
}

/** `orgs` with the names that repeat across sources qualified by their source; the orgs themselves when there is no merge. */
export function withSourceNames(db: DB, orgs: Org[]): Org[] {
  const sources = mergedSources(db);
  if (sources.length === 0) return orgs;
  const sourceOf = (o: Org) =>
    sources.findIndex((s) => (s.prefix !== null ? o.code.startsWith(`${s.prefix}.`) : s.label !== null && o.src.file.startsWith(`${s.label}:`)));
  const of = new Map(orgs.map((o) => [o.code, sourceOf(o)]));
  const byName = new Map<string, Set<number>>();
  for (const o of orgs) byName.set(o.name, (byName.get(o.name) ?? new Set()).add(of.get(o.code)!));
  // A source's top org: one of its orgs whose parent is not its own.
  const tops = new Map<number, string>();
  for (const o of orgs) {
    const i = of.get(o.code)!;
    if (i >= 0 && !tops.has(i) && (o.parent === null || of.get(o.parent) !== i)) tops.set(i, o.name);
  }
  // Each source's word: its area, else its top org's name where no other source's top has it, else its prefix or label.
  const topNames = [...tops.values()];
  const words = sources.map((s, i) => {
    const top = tops.get(i);
    const unique = top !== undefined && topNames.filter((n) => n === top).length === 1 ? top : undefined;
    return s.area ?? unique ?? s.prefix ?? s.label;
  });
  return orgs.map((o) => {
    const i = of.get(o.code)!;
    if (i < 0 || byName.get(o.name)!.size < 2) return o;
    const by = words[i];
    return by && by !== o.name ? { ...o, name: `${o.name}（${by}）` } : o;
  });
}
