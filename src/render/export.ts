// `cxzy export`: stored records written back in the SPEC layout, as YAML
// (one document for orgs, members and pledges, then one per quarter) or as a
// workbook of the fill-in sheets — either imports into an empty database to
// the same rows.
import { stringify } from 'yaml';
import type ExcelJS from 'exceljs';
import {
  LEADS,
  SECTIONS,
  type Member,
  type Org,
  type Pledge,
  type Points,
  type Report,
  type Review,
  type SectionRecords,
  type Typical,
  type Votes,
} from '../core/model.js';
import { DEDUCTIONS_SHEET, SECTION_DEFS, type SheetDef } from '../core/sections.js';
import { sheetFields } from '../read/workbook/fields.js';
import { labelOf, styleSheet, streamingWorkbook } from './workbook.js';

type Plain = Record<string, unknown>;

const votes = (v: Votes | null) => (v ? { satisfied: v.satisfied, basic: v.basic, unsatisfied: v.unsatisfied } : undefined);
/** Fields a record leaves out when they hold nothing (or, for `active`, the default). */
const tidy = (o: Plain): Plain => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

const SHAPE = {
  orgs: (o: Org) =>
    tidy({ code: o.code, name: o.name, type: o.type, parent: o.parent, category: o.category, secretary: o.secretary, active: o.active ? undefined : false }),
  members: (m: Member) => tidy({ id: m.id, name: m.name, org: m.org, role: m.role, active: m.active ? undefined : false }),
  pledges: (p: Pledge) =>
    tidy({
      id: p.id,
      owner: p.owner,
      kind: p.kind,
      standard: p.standard,
      content: p.content,
      made: p.made,
      due: p.due,
      status: p.status,
      fulfilled: p.fulfilled,
      evaluation: votes(p.evaluation),
    }),
  reviews: (v: Review) =>
    tidy({ org: v.org, self: v.self, masses: votes(v.masses), superior: v.superior, grade: v.grade, reason: v.reason, commentary: v.commentary ?? undefined }),
  points: (p: Points) =>
    tidy({
      member: p.member,
      ...Object.fromEntries(LEADS.map((l) => [l, p[l]])),
      deductions: p.deductions.length ? p.deductions : undefined,
      masses: votes(p.masses),
    }),
  reports: (r: Report) => tidy({ id: r.id, org: r.org, date: r.date, title: r.title, adopted: r.adopted === 'none' ? undefined : r.adopted }),
  typicals: (t: Typical) => tidy({ id: t.id, org: t.org, date: t.date, title: t.title }),
};

/** A record in the shape a file writes it (SPEC §1), without its source. */
export function specRecord<S extends keyof typeof SHAPE>(s: S, r: SectionRecords[S][number]): Plain {
  return (SHAPE[s] as (x: unknown) => Plain)(r);
}

export function exportYaml(r: SectionRecords, header: string): string {
  const docs: Plain[] = [];
  const first: Plain = {};
  for (const s of ['orgs', 'members', 'pledges'] as const) if (r[s].length) first[s] = (r[s] as unknown[]).map((x) => specRecord(s, x as never));
  if (Object.keys(first).length) docs.push(first);
  const periods = [...new Set([...r.reviews, ...r.points, ...r.reports, ...r.typicals].map((x) => x.period))].sort();
  for (const period of periods) {
    const doc: Plain = { period };
    for (const s of ['reviews', 'points', 'reports', 'typicals'] as const) {
      const list = (r[s] as { period: string }[]).filter((x) => x.period === period);
      if (list.length) doc[s] = list.map((x) => specRecord(s, x as never));
    }
    docs.push(doc);
  }
  // Every string quoted: a code such as 0101 or a date stays text to any YAML reader.
  const opts = { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 } as const;
  return `${header}\n${docs.map((d) => stringify(d, opts)).join('---\n')}`;
}

function get(o: Plain, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Plain)[k] : undefined), o);
}

/** One row of a sheet: each column's value as a cell holds it (labels for enumerations, dates as dates). */
function rowOf(def: SheetDef, record: Plain, names: Map<string, string>): unknown[] {
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
  return out;
}

/** The sheets of an export, each with its rows. Pledges carry no name column: their owner may be an org or a member. */
function sheets(r: SectionRecords): { def: SheetDef; rows: Plain[] }[] {
  const out: { def: SheetDef; rows: Plain[] }[] = [];
  for (const s of SECTIONS) {
    out.push({
      def: SECTION_DEFS[s].sheet,
      rows: (r[s] as unknown[]).map((x) => ({ ...specRecord(s, x as never), ...('period' in (x as Plain) ? { period: (x as Plain).period } : {}) })),
    });
    if (s === 'points') {
      const rows = r.points.flatMap((p) => p.deductions.map((d) => ({ period: p.period, member: p.member, ...d })));
      out.push({ def: DEDUCTIONS_SHEET, rows });
    }
  }
  return out;
}

export async function exportXlsx(r: SectionRecords): Promise<Buffer> {
  const { wb, finish } = await streamingWorkbook();
  const names = new Map<string, string>([
    ...r.orgs.map((o) => [`org\u0000${o.code}`, o.name] as const),
    ...r.members.map((m) => [`member\u0000${m.id}`, m.name] as const),
  ]);
  for (const { def, rows } of sheets(r)) {
    const shown = def.slug === 'pledges' ? { ...def, names: [] } : def;
    const ws = wb.addWorksheet(def.label, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    styleSheet(ws as unknown as ExcelJS.Worksheet, shown);
    for (const rec of rows) ws.addRow(rowOf(shown, rec, names)).commit();
    ws.commit();
  }
  return await finish();
}
