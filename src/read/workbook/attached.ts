// Sheets whose rows each add one item to a list of a record on another sheet
// of the same workbook (core/sections.ts ATTACHED_SHEETS): 积分扣减 gives a
// member's points of a quarter its deductions, 回头看 a problem its rechecks.
// Each row is checked against the list item's schema, matched to its record
// by the fields that name it, and an item whose record is not there is an error.
import { SECTION_DEFS } from '../../core/sections.js';
import { ATTACHED_SHEETS, type AttachedSheet } from '../../core/attached-sheets.js';
import type { Section } from '../../core/model.js';
import { schemaFindings } from '../schema-errors.js';
import { itemValidator } from '../schemas.js';
import type { Finding } from '../findings.js';
import type { Msg } from '../../core/messages/index.js';
import type { ParsedSheet, SheetRow } from './sheet.js';

export type Place = (sheet: ParsedSheet, row: SheetRow, f: Finding) => void;
/** A row's quarter, normalised; null (its error placed) when missing or malformed. */
export type PeriodOf = (sheet: ParsedSheet, row: SheetRow) => string | null;

type Item = { row: SheetRow; item: Record<string, unknown>; used: boolean };

/** One attached sheet of a workbook, its valid rows by the record they name. */
export interface Attached {
  def: AttachedSheet;
  sheet: ParsedSheet;
  items: Map<string, Item[]>;
}

/** The item rows a record took, for placing the errors of its list at their own cells. */
export interface Taken {
  field: string;
  sheet: ParsedSheet;
  rows: SheetRow[];
}

const NUL = '\u0000';

/** Each attached sheet of the workbook, read: its rows checked, the valid ones by the record they name. */
export function readAttached(parsed: ParsedSheet[], periodOf: PeriodOf, place: Place): Attached[] {
  const out: Attached[] = [];
  for (const def of ATTACHED_SHEETS) {
    const sheet = parsed.find((p) => p.def === def.sheet);
    if (!sheet) continue;
    const check = itemValidator(SECTION_DEFS[def.section].schema, def.field);
    const items = new Map<string, Item[]>();
    for (const row of sheet.rows) {
      const named = def.by.map(([field]) => (field === 'period' ? periodOf(sheet, row) : row.raw[field]));
      const item = Object.fromEntries(Object.entries(row.raw).filter(([k]) => !def.by.some(([field]) => field === k)));
      def.by.forEach(([field], i) => {
        if (field !== 'period' && named[i] === undefined)
          place(sheet, row, { path: [], key: false, code: 'required', msg: { id: 'required', params: { field } } });
      });
      if (!check(item)) for (const f of schemaFindings(check.errors ?? [])) place(sheet, row, f);
      else if (named.every((v) => typeof v === 'string') && !row.bad) {
        const k = named.join(NUL);
        items.set(k, [...(items.get(k) ?? []), { row, item, used: false }]);
      }
    }
    out.push({ def, sheet, items });
  }
  return out;
}

/** A record's row of `section` takes the items that name it (`period`: the row's quarter); returns their rows. */
export function attach(attached: Attached[], section: Section, raw: Record<string, unknown>, period: string | null): Taken | null {
  const a = attached.find((x) => x.def.section === section);
  if (!a) return null;
  const named = a.def.by.map(([, field]) => (field === 'period' ? period : raw[field]));
  if (!named.every((v) => typeof v === 'string')) return null;
  const items = a.items.get(named.join(NUL)) ?? [];
  for (const d of items) d.used = true;
  if (items.length) raw[a.def.field] = items.map((d) => d.item);
  return { field: a.def.field, sheet: a.sheet, rows: items.map((d) => d.row) };
}

/** Each item whose record is not on the workbook: an error at its row, naming the record it looked for. */
export function orphans(attached: Attached[], periodOf: PeriodOf, place: Place): void {
  for (const a of attached) {
    const field = a.def.by.find(([f]) => f !== 'period')![0];
    for (const list of a.items.values()) {
      for (const d of list.filter((x) => !x.used)) {
        const params = Object.fromEntries(a.def.by.map(([f]) => [f, f === 'period' ? periodOf(a.sheet, d.row) : d.row.raw[f]]));
        place(a.sheet, d.row, { path: [field], key: false, code: 'reference', msg: { id: a.def.orphan, params } as Msg });
      }
    }
  }
}
