// Which stored rows a source brought: what merging it again replaces, and
// nothing else. With a prefix, every row whose identity carries it (read by
// the key's index); without, every row whose source names the source's label.
import type { SectionDef } from '../../core/sections.js';
import { keyMatch, type Removal } from '../batch/commit.js';
import { SECTION_LIST } from '../../core/sections.js';
import type { MergeSource } from './sources.js';

export const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The values of `c` that start with `p`, as a range an index reads. */
function startsWith(c: string, p: string): string {
  const next = p.slice(0, -1) + String.fromCharCode(p.charCodeAt(p.length - 1) + 1);
  return `(${c} >= ${sqlText(p)} AND ${c} < ${sqlText(next)})`;
}

/** Whether stored row `m` of `t` is one source `s` brought. */
export function broughtBy(t: SectionDef<unknown>, s: MergeSource, m: string): string {
  if (s.prefix === null) return `substr(${m}.src_file, 1, length(${sqlText(`${s.label}:`)})) = ${sqlText(`${s.label}:`)}`;
  const k = `${m}.${t.key[0]}`;
  const own = startsWith(k, `${s.prefix}.`);
  // A report's or typical's key is `id:ID` or begins with its org's code.
  return t.key[0] === 'key' ? `(${own} OR ${startsWith(k, `id:${s.prefix}.`)})` : own;
}

/** The number of the source that brought stored row `m`, or null. */
export const bringer = (t: SectionDef<unknown>, sources: MergeSource[], m: string) =>
  `CASE ${sources.map((s, i) => `WHEN ${broughtBy(t, s, m)} THEN ${i}`).join(' ')} END`;

/** Stored row `m` is not staged by any source of the run. */
export const notStaged = (t: SectionDef<unknown>, m: string) => `NOT EXISTS (SELECT 1 FROM temp.s_${t.name} st_ WHERE ${keyMatch(t, 'st_', m)})`;

/** What a merge removes: rows its sources brought before that no source stages now. */
export const removal = (sources: MergeSource[]): Removal => ({
  sections: SECTION_LIST,
  where: (t, m) => `(${sources.map((s) => broughtBy(t, s, m)).join(' OR ')}) AND ${notStaged(t, m)}`,
});
