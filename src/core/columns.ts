// What the column lists of core/sections.ts say of one column, or of the
// fields a file writes: the change list, export and the schema test ask here.
import type { Section } from './model.js';
import { SECTION_DEFS, SECTION_LIST, type ColumnDef } from './sections.js';
import { ATTACHED_SHEETS } from './attached-sheets.js';

const ALL_COLUMNS = new Map<string, ColumnDef<never>>(SECTION_LIST.flatMap((t) => t.columns.map((x) => [x.column, x as ColumnDef<never>] as const)));

/** The field a column holds, as a file writes it (`masses_basic` → `masses.basic`); null for a column no file writes. */
export function fieldOfColumn(col: string): string | null {
  const x = ALL_COLUMNS.get(col);
  if (x === undefined) return col;
  return x.derive || x.computed ? null : x.field!;
}

/** A field of a record as a file writes it: its name, its column (the first, for a group) and a group's parts. */
export interface WrittenField {
  name: string;
  column: ColumnDef;
  parts: string[];
}

/** The fields a file writes for a record of `s`, in the column list's order; the quarter is the document's (or the date's). */
export function writtenFields(s: Section): WrittenField[] {
  const out: WrittenField[] = [];
  for (const x of SECTION_DEFS[s].columns as ColumnDef[]) {
    if (x.derive || x.computed || x.field === 'period') continue;
    const [name, part] = x.field!.split('.');
    const last = out.at(-1);
    if (part !== undefined && last !== undefined && last.name === name) last.parts.push(part);
    else out.push({ name, column: x, parts: part === undefined ? [] : [part] });
  }
  return out;
}

/** A column's value as a record holds it: `active` a boolean, `deductions` a list. */
export function valueOfColumn(col: string, v: unknown): unknown {
  const kind = ALL_COLUMNS.get(col)?.kind;
  if (kind === 'bool') return v === 1;
  if (kind === 'json' && typeof v === 'string') return JSON.parse(v);
  return v;
}

/**
 * A field's header on its section's sheet (`self` → 自评), as Chinese text
 * names it; without a section, the headers of every section with that field
 * (`org`: 所在支部/组织编号). Null when there is none to give.
 */
export function fieldLabel(section: Section | null, field: string): string | null {
  if (section !== null) return SECTION_DEFS[section].sheet.columns.find((c) => c.field === field)?.label ?? null;
  return ANY_LABEL.get(field) ?? null;
}

/**
 * Each field's headers on every sheet, list items' too (积分扣减's 扣分维度),
 * made once: every Chinese message asks. One field under several names (org:
 * 所在支部 on the members' sheet, 组织编号 elsewhere) gets all of them, up to three.
 */
const ANY_LABEL: Map<string, string> = (() => {
  const labels = new Map<string, Set<string>>();
  for (const sheet of [...SECTION_LIST.map((t) => t.sheet), ...ATTACHED_SHEETS.map((a) => a.sheet)])
    for (const c of sheet.columns) labels.set(c.field, (labels.get(c.field) ?? new Set()).add(c.label));
  return new Map([...labels].flatMap(([field, names]) => (names.size > 3 ? [] : [[field, [...names].join('/')] as const])));
})();
