// Records → the rows the store writes, for both import paths (the fast one
// builds them on its worker threads, so the writer only binds them).
import { TABLES, type Table } from './tables.js';
import { SECTIONS, type Section, type SectionRecords } from '../model.js';
import type { Batch } from '../load/batch.js';

/** Each section's rows: table columns, then file and line. A pledge's owner is put as a member's; the writer settles it. */
export function rowsOf(records: SectionRecords): Partial<Record<Section, unknown[][]>> {
  const out: Partial<Record<Section, unknown[][]>> = {};
  for (const s of SECTIONS) {
    const list = records[s] as { src: { file: string; line: number } }[];
    if (list.length === 0) continue;
    const t = TABLES[s] as Table<unknown>;
    out[s] = list.map((r) => {
      const row = t.toRow(r, () => false);
      row.push(r.src.file, r.src.line);
      return row;
    });
  }
  return out;
}

/** Quarters per period-scoped section: of the records, and of the sections a document names (for --replace). */
export function periodsOf(records: SectionRecords, present: Batch['present']): Partial<Record<Section, string[]>> {
  const sets: Partial<Record<Section, Set<string>>> = {};
  for (const s of SECTIONS) for (const x of records[s] as { period?: string }[]) if (x.period) (sets[s] ??= new Set()).add(x.period);
  for (const p of present) if (p.period) (sets[p.section] ??= new Set()).add(p.period);
  return Object.fromEntries(Object.entries(sets).map(([s, set]) => [s, [...set]]));
}
