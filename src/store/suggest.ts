// 「是否应为」 for a code or id that names nothing: the existing ones one typo
// away (a character added, dropped, changed, or two neighbours swapped, in
// any letter case), and the one whose name is what was written. Variants are
// generated and looked up through the primary key, so a city's 750,000
// members cost as little as a county's 3,000 orgs.
import type { DB } from './db.js';

export interface Candidate {
  code: string;
  name: string;
}

/** Where codes live: a table (staged or stored) with its code and name columns. */
export interface CodeTable {
  table: string;
  code: string;
  name: string;
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';

/** Every string one edit from `key`, and `key` in either case. */
export function oneEdit(key: string): Set<string> {
  const chars = [...key];
  const letters = new Set([...ALPHABET, ...chars]);
  const out = new Set<string>([key.toUpperCase(), key.toLowerCase()]);
  const at = (i: number, j: number, mid: string) => chars.slice(0, i).join('') + mid + chars.slice(j).join('');
  for (let i = 0; i <= chars.length; i++) {
    if (i < chars.length) out.add(at(i, i + 1, '')); // dropped
    if (i + 1 < chars.length) out.add(at(i, i + 2, chars[i + 1] + chars[i])); // swapped
    for (const c of letters) {
      out.add(at(i, i, c)); // added
      if (i < chars.length) out.add(at(i, i + 1, c)); // changed
    }
  }
  out.delete(key);
  return out;
}

/** Up to `max` candidates for each key: first the codes whose name is the key, then those one edit away, in code order. */
export function suggest(db: DB, keys: Iterable<string>, tables: CodeTable[], max = 3): Map<string, Candidate[]> {
  const out = new Map<string, Candidate[]>();
  const list = [...new Set(keys)];
  if (list.length === 0) return out;
  // The variants travel as one JSON parameter: no temporary table, so a read-only connection can ask too.
  const variants: [string, string, number][] = [];
  for (const key of list) {
    variants.push([key, key, 1]);
    for (const v of oneEdit(key)) variants.push([key, v, 0]);
  }
  const s = `(SELECT value ->> 0 AS key, value ->> 1 AS variant, value ->> 2 AS by_name FROM json_each(@variants))`;
  const arms = tables.flatMap((t) => [
    `SELECT s.key, x.${t.code} AS code, x.${t.name} AS name, 0 AS rank FROM ${s} s JOIN ${t.table} x ON x.${t.name} = s.key WHERE s.by_name`,
    `SELECT s.key, x.${t.code} AS code, x.${t.name} AS name, 1 AS rank FROM ${s} s JOIN ${t.table} x ON x.${t.code} = s.variant WHERE NOT s.by_name`,
  ]);
  const rows = db
    .prepare(`SELECT key, code, name, MIN(rank) AS rank FROM (${arms.join(' UNION ALL ')}) GROUP BY key, code ORDER BY key, rank, code`)
    .all({ variants: JSON.stringify(variants) }) as (Candidate & { key: string })[];
  for (const r of rows) {
    const got = out.get(r.key) ?? [];
    if (got.length < max) got.push({ code: r.code, name: r.name });
    out.set(r.key, got);
  }
  return out;
}
