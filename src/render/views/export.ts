// `cxzy export`: stored records written back in the SPEC layout, as YAML
// (one document for orgs, members and pledges, then one per quarter) or as a
// workbook of the fill-in sheets — either imports into an empty database to
// the same rows.
import { stringify } from 'yaml';
import type ExcelJS from 'exceljs';
import { SECTIONS, type Section, type SectionRecords } from '../../core/model.js';
import { SECTION_DEFS, type SectionDef, type SheetDef } from '../../core/sections.js';
import { type WrittenField, writtenFields } from '../../core/columns.js';
import { ATTACHED_SHEETS } from '../../core/attached-sheets.js';
import { sheetFields } from '../../read/workbook/fields.js';
import { labelOf, sheetOptions, styleSheet, streamingWorkbook } from '../formats/workbook.js';
import { EXPORT_MARK, ooxmlText } from '../../core/text.js';
import { byText } from '../../core/collections.js';

type Plain = Record<string, unknown>;

const FIELDS = Object.fromEntries(SECTIONS.map((s) => [s, writtenFields(s)])) as Record<Section, WrittenField[]>;

/**
 * A record in the shape a file writes it (SPEC §1), without its source: a
 * field left out when it holds nothing or its default (active, no deductions,
 * adopted none).
 */
export function specRecord(s: Section, r: unknown): Plain {
  const rec = r as Plain;
  const out: Plain = {};
  for (const { name, column, parts } of FIELDS[s]) {
    const v = rec[name];
    let w: unknown = v;
    if (parts.length) w = v ? Object.fromEntries(parts.map((p) => [p, (v as Plain)[p]])) : undefined;
    else if (column.kind === 'bool') w = v ? undefined : false;
    else if (column.kind === 'json') w = (v as Plain[]).length ? (v as Plain[]).map(given) : undefined;
    else if (typeof column.absent === 'string' && v === column.absent) w = undefined;
    if (w !== null && w !== undefined) out[name] = w;
  }
  return out;
}

/** A list item with only the fields it has (a recheck without a note). */
const given = (item: Plain): Plain => Object.fromEntries(Object.entries(item).filter(([, x]) => x !== null && x !== undefined));

export function exportYaml(r: SectionRecords, header: string): string {
  // Each section's records where its declaration says (`document`); one of no quarter (a member stated from the start) in the first.
  const quarterOf = (s: Section, x: unknown): string => (SECTION_DEFS[s].document === 'quarter' ? ((x as { period: string }).period ?? '') : '');
  const docs = new Map<string, Plain>([['', {}]]);
  for (const s of SECTIONS)
    for (const x of r[s] as unknown[]) {
      const period = quarterOf(s, x);
      if (!docs.has(period)) docs.set(period, { period });
      const doc = docs.get(period)!;
      ((doc[s] ??= []) as Plain[]).push(specRecord(s, x));
    }
  const ordered = [...docs.entries()].sort(([a], [b]) => byText(a, b)).map(([, d]) => d);
  // Every string quoted: a code such as 0101 or a date stays text to any YAML reader.
  const opts = { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 } as const;
  return `${header}\n${ordered
    .filter((d) => Object.keys(d).some((k) => k !== 'period'))
    .map((d) => stringify(d, opts))
    .join('---\n')}`;
}

/** The value at a field's path ('masses.basic'). */
export function get(o: Plain, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Plain)[k] : undefined), o);
}

/** One row of a sheet: each column's value as a cell holds it (labels for enumerations, dates as dates). */
export function rowOf(def: SheetDef, record: Plain, names: Map<string, string>): unknown[] {
  const fields = sheetFields(def);
  const out: unknown[] = [];
  for (const c of def.columns) {
    const v = get(record, c.field);
    const kind = fields.get(c.field)?.kind;
    if (v === undefined || v === null) out.push(null);
    else if (kind === 'date') out.push(new Date(`${v as string}T00:00:00Z`));
    else if (kind === 'enum' || kind === 'bool') out.push(labelOf(def, c.field, v));
    else out.push(v);
  }
  for (const n of def.names ?? []) out.push(names.get(`${n.kind}\u0000${record[n.ref]}`) ?? null);
  return out.map((v) => (typeof v === 'string' ? ooxmlText(v) : v));
}

/** The sheets of an export, each with its rows. */
function sheets(r: SectionRecords): { def: SheetDef; rows: Plain[] }[] {
  const out: { def: SheetDef; rows: Plain[] }[] = [];
  for (const s of SECTIONS) {
    out.push({
      def: SECTION_DEFS[s].sheet,
      // A member stated from the start has no quarter in its row.
      rows: (r[s] as unknown[]).map((x) => ({ ...specRecord(s, x as never), ...((x as Plain).period ? { period: (x as Plain).period } : {}) })),
    });
    // Each item of a record's list (a deduction, a recheck) on its own sheet, with the fields that name its record.
    for (const a of ATTACHED_SHEETS.filter((x) => x.section === s)) {
      const rows = (r[s] as unknown as Plain[]).flatMap((rec) =>
        (rec[a.field] as Plain[]).map((item) => ({ ...Object.fromEntries(a.by.map(([field, of]) => [field, rec[of]])), ...given(item) })),
      );
      out.push({ def: a.sheet, rows });
    }
  }
  return out;
}

/** A field that names an org or a member, whichever has the code (a pledge's owner): its name column could say either, so export leaves it out. */
function eitherKind(def: SheetDef, field: string): boolean {
  const t = (SECTION_DEFS as Record<string, SectionDef<unknown>>)[def.slug];
  return t?.columns.some((c) => c.field === field && c.ref === 'owner') === true;
}

export async function exportXlsx(r: SectionRecords): Promise<Buffer> {
  const { wb, finish } = await streamingWorkbook();
  const names = new Map<string, string>([
    ...r.orgs.map((o) => [`org\u0000${o.code}`, o.name] as const),
    ...r.members.map((m) => [`member\u0000${m.id}`, m.name] as const),
  ]);
  for (const { def, rows } of sheets(r)) {
    const shown = { ...def, names: (def.names ?? []).filter((n) => !eitherKind(def, n.ref)) };
    const ws = wb.addWorksheet(def.label, sheetOptions(shown));
    styleSheet(ws as unknown as ExcelJS.Worksheet, shown);
    for (const rec of rows) ws.addRow(rowOf(shown, rec, names)).commit();
    ws.commit();
  }
  wb.definedNames.add(`${SECTION_DEFS.orgs.sheet.label}!$A$1`, EXPORT_MARK);
  return await finish();
}
