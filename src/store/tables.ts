// The tables an import writes and `cxzy undo` puts back, each with a
// history_<table> of the rows an import replaced or removed: the sections'
// own (SPEC §1, as files state them), and those made from them as they are
// written — a member's runs of quarters (store/member-runs.ts) and what each
// file submitted (store/submissions.ts).
import { SECTION_LIST, SRC_COLS } from '../core/sections.js';

/** A table made from the sections' rows as they are written, with its columns as its history keeps them (`gen` last). */
export interface MadeTable {
  name: string;
  cols: string[];
}

export const RUNS: MadeTable = { name: 'members', cols: ['id', 'since', 'until', 'name', 'org', 'role', 'active', ...SRC_COLS, 'gen'] };
export const SUBMISSIONS: MadeTable = { name: 'submissions', cols: ['section', 'span', 'org', 'file', 'hash', 'at', 'gen'] };
export const MADE_TABLES: MadeTable[] = [RUNS, SUBMISSIONS];

/** Every table with records in it, the sections' and the made ones. */
export const STORED_TABLES: string[] = [...SECTION_LIST.map((t) => t.name), ...MADE_TABLES.map((t) => t.name)];
