// Records → the rows the store writes. Built where the file is read (on a
// worker thread), so the writer only binds them.
import { SECTION_DEFS, type SectionDef } from '../core/sections.js';
import { SECTIONS, type Section, type SectionRecords } from '../core/model.js';

/**
 * Each section's rows, one flat array per section: each row is the table's
 * columns, then the record's line (ROW_WIDTH values). The file is the same for
 * every row of a file: it is bound once, not copied into each row.
 */
export type SectionRows = Partial<Record<Section, unknown[]>>;

/** Values per row of section `s` in SectionRows. */
export const rowWidth = (s: Section) => SECTION_DEFS[s].cols.length + 1;

/** How many rows a section's flat array holds. */
export const rowCount = (rows: SectionRows, s: Section) => (rows[s]?.length ?? 0) / rowWidth(s);

/** Sections a document names, with the quarter they cover (even when empty): what --replace takes as the whole truth. */
export type Present = { section: Section; period: string | null }[];

/** Each section's rows. A pledge's owner is put as a member's; the store settles it. */
export function rowsOf(records: SectionRecords): SectionRows {
  const out: SectionRows = {};
  for (const s of SECTIONS) {
    const list = records[s] as { src: { line: number } }[];
    if (list.length === 0) continue;
    const t = SECTION_DEFS[s] as SectionDef<unknown>;
    const flat: unknown[] = [];
    for (const r of list) {
      for (const v of t.toRow(r)) flat.push(v);
      flat.push(r.src.line);
    }
    out[s] = flat;
  }
  return out;
}

/** Quarters per period-scoped section: of the records, and of the sections a document names (for --replace). */
export function periodsOf(records: SectionRecords, present: Present): Partial<Record<Section, string[]>> {
  const sets: Partial<Record<Section, Set<string>>> = {};
  const scoped = SECTIONS.filter((s) => SECTION_DEFS[s].period !== undefined);
  for (const s of scoped) for (const x of records[s] as { period: string }[]) (sets[s] ??= new Set()).add(x.period);
  for (const p of present) if (p.period && SECTION_DEFS[p.section].period !== undefined) (sets[p.section] ??= new Set()).add(p.period);
  return Object.fromEntries(Object.entries(sets).map(([s, set]) => [s, [...set]]));
}
