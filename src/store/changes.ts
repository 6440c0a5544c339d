// What an import would change, record by record, for --dry-run: each row it
// inserts, each it updates (field by field, old → new), each --replace
// removes, and each whose data stays but whose source (file, line) moves.
// These are the very rows writeStaged writes: the same joins and conditions.
import type { DB } from './db.js';
import { batchOf, lookup, storedOf } from './views.js';
import { keyText, SECTION_LIST, SRC_COLS, type SectionDef } from '../core/sections.js';
import { fieldOfColumn, valueOfColumn } from '../core/columns.js';
import { sourceOf, type Section } from '../core/model.js';
import { missingWhere, ownerOrg } from './replace.js';
import { STATE } from './batch/commit.js';
import { inForce } from './member-runs.js';
import { byText } from '../core/collections.js';

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
  /** Where the record is written: the batch's file, or, for a removal, the stored record's (a workbook's row: its sheet too). */
  file: string;
  line: number;
  sheet?: string;
  /** For an update or a move, where the stored record came from. */
  was?: { file: string; line: number; sheet?: string };
  /** The org the record belongs to (a member's, for points and a member's pledge). */
  org: string | null;
  /** A name or title to know it by, when the record has one. */
  label: string | null;
}

type Rec = Record<string, unknown>;

/** The org of a row `x` of `t` as the import leaves the tree, for grouping. */
function orgOf(t: SectionDef<unknown>, x: string): string {
  if (t.section === 'orgs') return `${x}.code`;
  if (t.section === 'pledges') return `COALESCE(${x}.owner_org, ${lookup('members', 'org', 'id', `${x}.owner_member`)})`;
  return ownerOrg(t, x);
}

/** Staged rows that replace a stored row of other data (updated, field by field) or of the same data from another place (moved). */
function updates(db: DB, t: SectionDef<unknown>, base: (r: Rec) => Change): Change[] {
  const cols = [...t.cols, ...SRC_COLS];
  const pick = (a: string) => cols.map((c) => `${a}.${c} AS ${a}_${c}`).join(', ');
  const on = t.key.map((k) => `m.${k} = x.${k}`).join(' AND ');
  const changed = db.prepare(
    `SELECT ${pick('x')}, ${pick('m')}, ${orgOf(t, 'x')} AS _org FROM ${batchOf(t.section)} x JOIN ${storedOf(t.section)} m ON ${on}
     WHERE NOT (${cols.map((c) => `m.${c} IS x.${c}`).join(' AND ')})`,
  );
  return (changed.all() as Rec[]).map((r) => {
    const fields: FieldChange[] = [];
    for (const c of t.cols) {
      const field = fieldOfColumn(c);
      if (field !== null && r[`m_${c}`] !== r[`x_${c}`]) fields.push({ field, old: valueOfColumn(c, r[`m_${c}`]), new: valueOfColumn(c, r[`x_${c}`]) });
    }
    const was = sourceOf(r.m_src_file, r.m_src_line, r.m_src_sheet);
    return { ...base(r), action: fields.length > 0 ? 'updated' : 'moved', fields, was };
  });
}

const keyOf = (t: SectionDef<unknown>, r: Rec, prefix = '') => keyText(t.key.map((k) => r[prefix + k]));

/**
 * A member's statements: a new member inserted; a statement that changes the
 * member's state in force at its quarter updated, field by field against that
 * state; one that restates it (which changes no figure) not listed.
 */
function memberChanges(db: DB, base: (r: Rec, action: Action) => Change): Change[] {
  const rows = db
    .prepare(
      `SELECT x.*, x.org AS _org, ${STATE.map((c) => `r.${c} AS r_${c}`).join(', ')}, r.id AS r_id, r.src_file AS r_file, r.src_line AS r_line, r.src_sheet AS r_sheet
       FROM ${batchOf('members')} x LEFT JOIN main.members r ON r.id = x.id AND ${inForce('r', 'x.since')}`,
    )
    .all() as Rec[];
  return rows.flatMap((r): Change[] => {
    if (r.r_id === null) return [base(r, 'inserted')];
    const fields = STATE.filter((c) => r[`r_${c}`] !== r[c]).map((c) => ({ field: c, old: valueOfColumn(c, r[`r_${c}`]), new: valueOfColumn(c, r[c]) }));
    return fields.length ? [{ ...base(r, 'updated'), fields, was: sourceOf(r.r_file, r.r_line, r.r_sheet) }] : [];
  });
}

/** Every change, section by section in SPEC order, each section's by org and identity. */
export function listChanges(db: DB, replace: boolean): Change[] {
  const out: Change[] = [];
  for (const t of SECTION_LIST) {
    const [staged, stored] = [batchOf(t.section), storedOf(t.section)];
    const on = t.key.map((k) => `m.${k} = x.${k}`).join(' AND ');
    const label = t.columns.find((x) => x.caption)?.column;
    const base = (r: Rec, action: Action, prefix: string): Change => ({
      section: t.section,
      key: keyOf(t, r, prefix),
      action,
      fields: [],
      ...sourceOf(r[`${prefix}src_file`], r[`${prefix}src_line`], r[`${prefix}src_sheet`]),
      org: (r._org as string | null) ?? null,
      label: label ? (r[prefix + label] as string) : null,
    });
    const mine: Change[] = [];
    // Pushed one by one: a county's year of points is more changes than a spread may pass.
    const add = (list: Change[]) => {
      for (const c of list) mine.push(c);
    };
    if (t.section === 'members') add(memberChanges(db, (r, action) => base(r, action, '')));
    else {
      const fresh = `WHERE NOT EXISTS (SELECT 1 FROM ${stored} m WHERE ${on})`;
      for (const r of db.prepare(`SELECT x.*, ${orgOf(t, 'x')} AS _org FROM ${staged} x ${fresh}`).all() as Rec[]) mine.push(base(r, 'inserted', ''));
      add(updates(db, t, (r) => base(r, 'updated', 'x_')));
    }
    if (replace && t.period) {
      const rows = db.prepare(`SELECT m.*, ${orgOf(t, 'm')} AS _org FROM ${stored} m WHERE ${missingWhere(t, 'm')}`).all() as Rec[];
      for (const r of rows) mine.push(base(r, 'removed', ''));
    }
    mine.sort((a, b) => byText(a.org ?? '', b.org ?? '') || byText(a.key, b.key));
    for (const c of mine) out.push(c);
  }
  return out;
}

/** The names of `codes` as the import leaves them. */
export function orgNames(db: DB, codes: Iterable<string>): Map<string, string> {
  const named = db.prepare(`SELECT ${lookup('orgs', 'name', 'code', '@code')}`).pluck();
  const out = new Map<string, string>();
  for (const c of codes) {
    const name = (named.get({ code: c }) ?? undefined) as string | undefined;
    if (name !== undefined) out.set(c, name);
  }
  return out;
}
