// Records → the rows the store writes. Built where the file is read (on a
// worker thread), so the writer only binds them.
import { SECTION_DEFS, type SectionDef } from '../core/sections.js';
import { SECTIONS, type Section, type SectionRecords } from '../core/model.js';

/** Each section's rows: table columns, then file and line. */
export type SectionRows = Partial<Record<Section, unknown[][]>>;

/** Sections a document names, with the quarter they cover (even when empty): what --replace takes as the whole truth. */
export type Present = { section: Section; period: string | null }[];

/** Each section's rows: table columns, then file and line. A pledge's owner is put as a member's; the store settles it. */
export function rowsOf(records: SectionRecords): SectionRows {
  const out: SectionRows = {};
  for (const s of SECTIONS) {
    const list = records[s] as { src: { file: string; line: number } }[];
    if (list.length === 0) continue;
    const t = SECTION_DEFS[s] as SectionDef<unknown>;
    out[s] = list.map((r) => {
      const row = t.toRow(r);
      row.push(r.src.file, r.src.line);
      return row;
    });
  }
  return out;
}

/** Quarters per period-scoped section: of the records, and of the sections a document names (for --replace). */
export function periodsOf(records: SectionRecords, present: Present): Partial<Record<Section, string[]>> {
  const sets: Partial<Record<Section, Set<string>>> = {};
  for (const s of SECTIONS) for (const x of records[s] as { period?: string }[]) if (x.period) (sets[s] ??= new Set()).add(x.period);
  for (const p of present) if (p.period) (sets[p.section] ??= new Set()).add(p.period);
  return Object.fromEntries(Object.entries(sets).map(([s, set]) => [s, [...set]]));
}
