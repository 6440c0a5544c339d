// What a rule across records is: one entry, with its code, its severity and
// the SQL that finds what breaks it, over the batch's views (store/views.ts).
// A few rules say more than one query can (the tree's cycles, a name's
// first record): they find their rows in code instead, with the same entry.
import type { DB } from '../db.js';
import { sourceOf, type Source } from '../../core/model.js';
import type { Msg } from '../../core/messages/index.js';
import type { Duplicate } from '../batch/stage.js';

export type Rec = Record<string, unknown>;
export const srcOf = (r: Rec): Source => sourceOf(r.src_file, r.src_line, r.src_sheet);

/** A record that breaks a rule: where, the field to place the message at (null for the record as a whole), and what. */
export interface Check {
  severity: 'error' | 'warning';
  src: Source;
  field: string | null;
  code: string;
  msg: Msg;
}

/** The names written in one name column of a workbook's sheet (组织名称, 姓名): not stored, only checked. */
export interface WrittenNames {
  file: string;
  sheet: string;
  /** The column's key in its sheet's layout, where a warning is placed. */
  key: string;
  kind: 'org' | 'member';
  /** Each row's number, the code in it, and the name written beside it. */
  rows: [number, string, string][];
}

/** What the batch knows beyond its views. */
export interface RuleContext {
  /** Sources in the order the batch lists its files. */
  order: (a: Source, b: Source) => number;
  /** Second records of an identity the batch had already staged. */
  duplicates: Duplicate[];
  /** --replace: the stored rows it removes are not counted (temp.scope built). */
  replacing: boolean;
  /** A first import, staged straight into the tables: every stored record is the batch's. */
  first: boolean;
  /** The names written beside codes in the batch's workbooks. */
  names: WrittenNames[];
}

interface RuleHead {
  code: string;
  severity: 'error' | 'warning';
  /** The findings of the rules of one group are listed together, by source: a record's findings side by side. */
  group: string;
}

/** A rule as one query: each row found (with src_file, src_line, src_sheet) is one finding at `field`. */
export interface SqlRule extends RuleHead {
  sql: string;
  field: string | null;
  msg: (r: Rec) => Msg;
}

/** A rule that finds its records in code. */
export interface CodeRule extends RuleHead {
  find: (db: DB, ctx: RuleContext) => Check[];
}

export type CrossRule = SqlRule | CodeRule;
