// What an import would change, record by record, for --dry-run: each row it
// inserts, each it updates (field by field, old → new), each --replace
// removes, and each whose data stays but whose source (file, line) moves.
// These are the very rows writeStaged writes: the same joins and conditions.
import type { DB } from './db.js';
import { stagedTable, type Staging } from './stage.js';
import { fieldOfColumn, SECTION_LIST, shownKey, SRC_COLS, valueOfColumn, type SectionDef } from '../core/sections.js';
import type { Section } from '../core/model.js';
import { missingWhere } from './replace.js';

export type Action = 'inserted' | 'updated' | 'moved' | 'removed';

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface Change {
  section: Section;
  /** The record's identity as messages show it (`D0102 2026Q1` for a review). */
  key: string;
  action: Action;
  /** For an update, each changed field; empty otherwise. */
  fields: FieldChange[];
  /** Where the record is written: the batch's file, or, for a removal, the stored record's. */
  file: string;
  line: number;
  /** For an update or a move, where the stored record came from. */
  was?: { file: string; line: number };
  /** The org the record belongs to (a member's, for points and a member's pledge). */
  org: string | null;
  /** A name or title to know it by, when the record has one. */
  label: string | null;
}

type Rec = Record<string, unknown>;

/** The org of a row `x` of `t` as the import leaves the tree, for grouping. */
function orgOf(st: Staging, t: SectionDef<unknown>, x: string): string {
  const memberOrg = (id: string) => {
    const staged = `(SELECT org FROM ${stagedTable(st, 'members')} WHERE id = ${id})`;
    return st.direct ? staged : `COALESCE(${staged}, (SELECT org FROM main.members WHERE id = ${id}))`;
  };
  if (t.section === 'orgs') return `${x}.code`;
  if (t.section === 'points') return memberOrg(`${x}.member`);
  if (t.section === 'pledges') return `COALESCE(${x}.owner_org, ${memberOrg(`${x}.owner_member`)})`;
  return `${x}.org`;
}

const keyOf = (t: SectionDef<unknown>, r: Rec, prefix = '') => shownKey(t.key.map((k) => String(r[prefix + k])).join(' '));

/** Every change, section by section in SPEC order, each section's by org and identity. */
export function listChanges(db: DB, st: Staging, replace: boolean): Change[] {
  const out: Change[] = [];
  for (const t of SECTION_LIST) {
    const staged = stagedTable(st, t.section);
    const on = t.key.map((k) => `m.${k} = x.${k}`).join(' AND ');
    const label = t.columns.find((x) => x.caption)?.column;
    const base = (r: Rec, action: Action, prefix: string): Change => ({
      section: t.section,
      key: keyOf(t, r, prefix),
      action,
      fields: [],
      file: r[`${prefix}src_file`] as string,
      line: r[`${prefix}src_line`] as number,
      org: (r._org as string | null) ?? null,
      label: label ? (r[prefix + label] as string) : null,
    });
    const mine: Change[] = [];
    const stored = st.direct ? '' : `WHERE NOT EXISTS (SELECT 1 FROM main.${t.name} m WHERE ${on})`;
    for (const r of db.prepare(`SELECT x.*, ${orgOf(st, t, 'x')} AS _org FROM ${staged} x ${stored}`).all() as Rec[]) mine.push(base(r, 'inserted', ''));
    if (!st.direct) {
      const cols = [...t.cols, ...SRC_COLS];
      const pick = (a: string) => cols.map((c) => `${a}.${c} AS ${a}_${c}`).join(', ');
      const changed = db.prepare(
        `SELECT ${pick('x')}, ${pick('m')}, ${orgOf(st, t, 'x')} AS _org FROM ${staged} x JOIN main.${t.name} m ON ${on}
         WHERE NOT (${cols.map((c) => `m.${c} IS x.${c}`).join(' AND ')})`,
      );
      for (const r of changed.all() as Rec[]) {
        const fields: FieldChange[] = [];
        for (const c of t.cols) {
          const field = fieldOfColumn(c);
          if (field !== null && r[`m_${c}`] !== r[`x_${c}`]) fields.push({ field, old: valueOfColumn(c, r[`m_${c}`]), new: valueOfColumn(c, r[`x_${c}`]) });
        }
        const c = base(r, fields.length > 0 ? 'updated' : 'moved', 'x_');
        c.fields = fields;
        c.was = { file: r.m_src_file as string, line: r.m_src_line as number };
        mine.push(c);
      }
    }
    if (replace && t.period && !st.direct) {
      const rows = db.prepare(`SELECT m.*, ${orgOf(st, t, 'm')} AS _org FROM main.${t.name} m WHERE ${missingWhere(st, t, 'm')}`).all() as Rec[];
      for (const r of rows) mine.push(base(r, 'removed', ''));
    }
    const text = (v: string | null) => v ?? '';
    mine.sort((a, b) => (text(a.org) < text(b.org) ? -1 : text(a.org) > text(b.org) ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    out.push(...mine);
  }
  return out;
}

/** The names of `codes` as the import leaves them. */
export function orgNames(db: DB, st: Staging, codes: Iterable<string>): Map<string, string> {
  const staged = db.prepare(`SELECT name FROM ${stagedTable(st, 'orgs')} WHERE code = ?`).pluck();
  const stored = st.direct ? null : db.prepare('SELECT name FROM main.orgs WHERE code = ?').pluck();
  const out = new Map<string, string>();
  for (const c of codes) {
    const name = (staged.get(c) ?? stored?.get(c)) as string | undefined;
    if (name !== undefined) out.set(c, name);
  }
  return out;
}
