// Records → the rows the store writes. Built where the file is read (on a
// worker thread), so the writer only binds them.
import { deserialize, serialize } from 'node:v8';
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

/**
 * A large file's rows, a piece's at a time, each serialized until it is
 * staged: a piece's serialized rows take a tenth of their memory as values.
 */
export interface PackedRows {
  chunks: Uint8Array[];
  counts: Partial<Record<Section, number>>;
}

export const packRows = (rows: SectionRows): Uint8Array => serialize(rows);
export const unpackRows = (packed: Uint8Array): SectionRows => deserialize(packed) as SectionRows;

/** A file's rows as the store takes them: those read whole, then each packed piece's in turn. */
export function* eachRows(rows: SectionRows, packed: PackedRows | undefined): Generator<SectionRows> {
  yield rows;
  for (const c of packed?.chunks ?? []) yield unpackRows(c);
}

/** How many rows of each section a file holds. */
export function rowCounts(rows: SectionRows, packed: PackedRows | undefined): Partial<Record<Section, number>> {
  const counts: Partial<Record<Section, number>> = {};
  for (const s of SECTIONS) {
    const n = rowCount(rows, s) + (packed?.counts[s] ?? 0);
    if (n) counts[s] = n;
  }
  return counts;
}

/** Rows per section, added up (the pieces or shares of one file). */
export function addCounts(all: Partial<Record<Section, number>>[]): Partial<Record<Section, number>> {
  const sum: Partial<Record<Section, number>> = {};
  for (const counts of all) for (const [s, n] of Object.entries(counts) as [Section, number][]) sum[s] = (sum[s] ?? 0) + n;
  return sum;
}

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
      t.pushRow(flat, r);
      flat.push(r.src.line);
    }
    out[s] = flat;
  }
  return out;
}

/** Quarters per period-scoped section: of the records, and of the sections a document names (for --replace). */
export function periodsOf(records: SectionRecords, present: Present): Partial<Record<Section, string[]>> {
  return periodsFrom((s) => (records[s] as { period: string }[]).map((x) => x.period), present);
}

/** The same from each section's quarters in the order met (a file read in pieces: the pieces' in turn). */
export function periodsFrom(quarters: (s: Section) => Iterable<string>, present: Present): Partial<Record<Section, string[]>> {
  const sets: Partial<Record<Section, Set<string>>> = {};
  const scoped = SECTIONS.filter((s) => SECTION_DEFS[s].period !== undefined);
  for (const s of scoped) for (const q of quarters(s)) (sets[s] ??= new Set()).add(q);
  for (const p of present) if (p.period && SECTION_DEFS[p.section].period !== undefined) (sets[p.section] ??= new Set()).add(p.period);
  return Object.fromEntries(Object.entries(sets).map(([s, set]) => [s, [...set]]));
}
