// A workbook's parsed sheets → records: one document per quarter of each
// section's sheet, as a YAML file would hold them, through the same schemas
// and record checks, every error placed at its cell; the attached sheets'
// items joined to their records first.
import type { Diagnostic } from '../../core/diagnostic.js';
import { emptySections, SECTIONS, type Section, type SectionRecords } from '../../core/model.js';
import { SECTION_DEFS, UNDATED } from '../../core/sections.js';
import { normalizePeriod } from '../../core/dates.js';
import { vagueReasons } from '../../core/pledge-quality.js';
import type { ReadRules, SheetLayout } from '../task.js';
import { collectRecords } from '../records.js';
import type { Present } from '../rows.js';
import { schemaFindings } from '../schema-errors.js';
import type { DocumentValidator } from '../schemas.js';
import type { Finding } from '../findings.js';
import { attach, orphans, readAttached, type Attached, type Place, type Taken } from './attached.js';
import { cellPlace, type ParsedSheet, type SheetRow } from './sheet.js';
import { sectionOf } from './sheets.js';

/** A finding placed at its cell: the field's column in the sheet's layout (its first part for a group), else the row's first cell. */
function placer(file: string, report: (d: Diagnostic) => void): Place {
  return (sheet, row, f) => {
    const rest = f.path.filter((s) => typeof s === 'string').join('.');
    const missing = f.code === 'required' ? (f.msg.params as { field?: string } | undefined)?.field : undefined;
    const field = missing ? (rest ? `${rest}.${missing}` : missing) : rest;
    if (row.badFields.has(field)) return;
    const at = sheet.layout[field] ?? (field ? Object.entries(sheet.layout).find(([k]) => k.startsWith(`${field}.`))?.[1] : undefined);
    const col = at?.[0] ?? 1;
    report({
      severity: 'error',
      ...cellPlace(file, sheet.name, row.row, col, at?.[1] ?? null, row.cells[col] ?? null),
      path: field || null,
      code: f.code,
      msg: f.msg,
    });
  };
}

/** A row's quarter, normalised; null (with its error placed) when missing or malformed. */
function periodReader(validate: DocumentValidator, place: Place) {
  return (sheet: ParsedSheet, row: SheetRow): string | null => {
    if (row.period === undefined) {
      place(sheet, row, { path: [], key: false, code: 'required', msg: { id: 'required', params: { field: 'period' } } });
      return null;
    }
    if (validate.shell({ period: row.period })) return normalizePeriod(row.period as string);
    for (const f of schemaFindings(validate.shell.errors ?? [])) place(sheet, row, f);
    return null;
  };
}

/** What reading one sheet's records needs. */
interface SheetContext {
  file: string;
  validate: DocumentValidator;
  rules: ReadRules;
  place: Place;
  periodOf: ReturnType<typeof periodReader>;
  attached: Attached[];
  into: SectionRecords;
  present: Present;
}

/** One section's sheet → records: one document per quarter, as a YAML file would hold them, each record keeping its row. */
function readSheet(sheet: ParsedSheet, section: Section, c: SheetContext): void {
  const { place } = c;
  const quarterColumn = sheet.def.columns.some((x) => x.field === 'period');
  // Every row of a period-scoped sheet names its quarter; a member's row may (else its workbook's quarter applies).
  const scoped = quarterColumn && SECTION_DEFS[section].period !== undefined;
  const docs = new Map<string | null, { rows: SheetRow[]; taken: (Taken | null)[] }>();
  // An error in a record's list (a deduction, a recheck) is placed at that item's own row.
  const placeIn = (row: SheetRow, taken: Taken | null, f: Finding, path: Finding['path']) => {
    const j = taken && path[0] === taken.field && typeof path[1] === 'number' ? path[1] : -1;
    if (j >= 0) place(taken!.sheet, taken!.rows[j], { ...f, path: path.slice(2) });
    else place(sheet, row, { ...f, path });
  };
  for (const row of sheet.rows) {
    const dated = scoped || (quarterColumn && row.period !== undefined);
    const period = dated ? c.periodOf(sheet, row) : null;
    if (dated && period === null) continue;
    const taken = attach(c.attached, section, row.raw, period);
    const check = c.validate.records[section];
    if (!check(row.raw)) {
      for (const f of schemaFindings(check.errors ?? [])) placeIn(row, taken, f, f.path);
      continue;
    }
    if (row.bad) continue;
    const doc = docs.get(period) ?? { rows: [], taken: [] };
    doc.rows.push(row);
    doc.taken.push(taken);
    docs.set(period, doc);
  }
  for (const [period, doc] of docs) {
    const data = { ...(period ? { period } : {}), [section]: doc.rows.map((r) => r.raw) };
    const found = (f: Finding) => {
      const i = f.path[1] as number;
      placeIn(doc.rows[i], doc.taken[i], f, f.path.slice(2));
    };
    for (const p of collectRecords(data, c.file, (_, i) => doc.rows[i].row, c.rules.stars.max_points, c.into, found)) if (p.period) c.present.push(p);
  }
}

/** What the sheets of a workbook hold: records, the sections (and quarters) named, each section's sheet and columns. */
export interface SheetRecords {
  into: SectionRecords;
  present: Present;
  sheets: Partial<Record<Section, SheetLayout>>;
}

/** Parsed sheets → records, every error reported at its cell. The attached sheets first: each valid row goes to the record it names (a member's points of its quarter, a problem). */
export function sheetRecords(
  file: string,
  parsed: ParsedSheet[],
  validate: DocumentValidator,
  rules: ReadRules,
  report: (d: Diagnostic) => void,
): SheetRecords {
  const place = placer(file, report);
  const periodOf = periodReader(validate, place);
  const attached = readAttached(parsed, periodOf, place);
  const c: SheetContext = { file, validate, rules, place, periodOf, attached, into: emptySections(), present: [] };
  const sheets: Partial<Record<Section, SheetLayout>> = {};
  for (const sheet of parsed) {
    const section = sectionOf(sheet.def);
    if (!section) continue;
    sheets[section] = { sheet: sheet.name, layout: sheet.layout };
    c.present.push({ section, period: null });
    readSheet(sheet, section, c);
  }
  orphans(attached, periodOf, place);
  return { into: c.into, present: c.present, sheets };
}

/** The quarters of the records of the period-scoped sections: a workbook of one quarter dates its members by it. */
export function recordQuarters(into: SectionRecords): Set<string> {
  const quarters = new Set<string>();
  for (const s of SECTIONS) if (SECTION_DEFS[s].period) for (const r of into[s] as { period: string }[]) quarters.add(r.period);
  return quarters;
}

/** A member's row that names no quarter states the member from the workbook's, when its period-scoped rows name one (SPEC §1 members). */
export function datedByWorkbook(into: SectionRecords): void {
  const quarters = recordQuarters(into);
  if (quarters.size !== 1) return;
  const [quarter] = quarters;
  for (const m of into.members) if (m.period === UNDATED) m.period = quarter;
}

/** The quarters a workbook names as its own, its reviews' then its points' (their 季度 columns). */
export const namedQuarters = (into: Pick<SectionRecords, 'reviews' | 'points'>): string[] => [
  ...new Set([...into.reviews, ...into.points].map((x) => x.period)),
];

/** A warning at the content cell of each vague pledge. */
export function vagueWarnings(parsed: ParsedSheet[], into: SectionRecords, rules: ReadRules, file: string, add: (d: Diagnostic) => void): void {
  const pledges = parsed.find((p) => p.def === SECTION_DEFS.pledges.sheet);
  if (!pledges) return;
  const pledgeRows = new Map(pledges.rows.map((r) => [r.row, r]));
  for (const p of into.pledges) {
    const reasons = vagueReasons(p.content, rules.pledges);
    if (!reasons.length) continue;
    const row = pledgeRows.get(p.src.line)!;
    const at = pledges.layout.content;
    add({
      severity: 'warning',
      ...cellPlace(file, pledges.name, row.row, at[0], at[1], row.cells[at[0]] ?? null),
      path: null,
      code: 'vague_pledge',
      msg: { id: 'vague_pledge', params: { reasons } },
    });
  }
}
