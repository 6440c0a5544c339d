// What the read step is given and gives back, whichever reader reads the file
// (YAML or workbook), and the hash an import remembers a file by.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Section } from '../core/model.js';
import type { Rules } from '../core/rules.js';
import type { PackedRows, SectionRows } from './rows.js';
import type { NameColumn, Layout } from './workbook/sheet.js';

export interface FileTask {
  index: number;
  /** As shown and stored. */
  file: string;
  /** Where it is opened. */
  path: string;
  /** Build every error, not only those a run shows (validate --annotate marks them all). */
  allErrors?: boolean;
}

/** What reading needs of the rules: what makes a pledge vague, and full marks for points. */
export type ReadRules = { pledges: Rules['pledges']; stars: Pick<Rules['stars'], 'max_points'> };

/** What a file's rows and warnings depend on besides its bytes: a file read under other rules is read again. */
export const readRulesKey = (r: ReadRules) => JSON.stringify({ pledges: r.pledges, max_points: r.stars.max_points });

export type FileResult =
  | {
      index: number;
      file: string;
      status: 'ok';
      hash: string;
      bytes: number;
      /** Each section's rows as the store writes them (table columns, then file and line). */
      rows: SectionRows;
      /** A file read in pieces: its rows, a piece's at a time. */
      packed?: PackedRows;
      /** Quarters per period-scoped section: of the records and of the sections named. */
      periods: Partial<Record<Section, string[]>>;
      /**
       * The quarters the file names as its own (a YAML document's period, a
       * workbook's 季度 column): its reports and typicals are the whole truth
       * for every month of those, not only the months they fall in.
       */
      named: string[];
      /** This file's own warnings (encoding, empty file, vague pledges), placed. */
      warnings: Diagnostic[];
      /** A workbook's sheet for each section, with its fields' columns: later errors are placed at their cell. */
      sheets?: Partial<Record<Section, SheetLayout>>;
      /** A workbook's org and member names written beside their codes, to check against the records. */
      names?: NameColumn[];
    }
  | {
      index: number;
      file: string;
      status: 'invalid';
      /** The first errors, placed; `errorCount` counts them all. */
      errors: Diagnostic[];
      errorCount: number;
      warnings: Diagnostic[];
    };

/** The hash an import remembers a file by; null when it cannot be read. */
export function hashFile(path: string): string | null {
  try {
    return digest(readFileSync(path));
  } catch {
    return null;
  }
}

export const digest = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('hex');

/** Where a workbook's section is: its sheet and the column of each field. */
export interface SheetLayout {
  sheet: string;
  layout: Layout;
}
