// One file → its rows and warnings, for the fast import (in a worker thread
// or inline). (A file unchanged since its last import never gets here: the
// import recognises it by its hash first.)
// A file with any error is only marked invalid: the import then starts again
// on the precise path, which reports every error with its line and column.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { readText } from './files.js';
import { fastParse } from './fast-yaml.js';
import { parseDocuments } from './parse.js';
import { collectDocument, type Batch } from './batch.js';
import { Diagnostics, type Diagnostic } from './diagnostic.js';
import { RecordPlacer } from './place.js';
import type { Placer } from './validate.js';
import { emptySections, type Section } from '../model.js';
import { periodsOf, rowsOf } from '../store/rows.js';
import type { Rules } from '../rules/types.js';
import { vagueReasons } from '../rules/vague.js';

export interface FileTask {
  index: number;
  file: string;
}

export type FileResult =
  | { index: number; file: string; status: 'skipped'; hash: string; bytes: number }
  | { index: number; file: string; status: 'invalid' }
  | {
      index: number;
      file: string;
      status: 'ok';
      hash: string;
      bytes: number;
      /** Each section's rows as the store writes them (table columns, then file and line). */
      rows: Partial<Record<Section, unknown[][]>>;
      /** Quarters per period-scoped section: of the records and of the sections named. */
      periods: Partial<Record<Section, string[]>>;
      /** This file's own warnings (encoding, empty file, vague pledges), placed. */
      warnings: Diagnostic[];
    };

/** The hash an import remembers a file by; null when it cannot be read. */
export function hashFile(file: string): string | null {
  try {
    return digest(readFileSync(file));
  } catch {
    return null;
  }
}

const digest = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('hex');

export function readFileRecords(task: FileTask, validate: ValidateFunction, pledgeRules: Rules['pledges']): FileResult {
  const { index, file } = task;
  const read = readText(file);
  if (!read.ok) return { index, file, status: 'invalid' };
  const hash = digest(read.raw);

  const diags = new Diagnostics(Infinity);
  const records = emptySections();
  const present: Batch['present'] = [];
  if (read.gbk) diags.add({ severity: 'warning', file, line: 1, col: 1, endCol: 2, source: null, path: null, code: 'gbk', msg: { id: 'gbk_decoded' } });
  const fast = fastParse(read.text);
  if (fast) {
    for (const doc of fast) {
      const place: Placer = (path) => {
        const line = path.length === 2 && typeof path[1] === 'number' ? doc.lines[path[0] as string]?.[path[1]] : undefined;
        return { file, line: line ?? 1, col: 1, endCol: 2, source: null };
      };
      // Any error only marks the file invalid (the precise path will name it), so one placeholder will do.
      const invalid = (): Diagnostic[] => [{ severity: 'error', ...place([]), path: null, code: 'schema', msg: { id: 'not_mapping' } }];
      collectDocument(file, { data: doc.data, place, schemaErrors: invalid }, validate, diags, records, present);
    }
  } else {
    // Aliases, flow style, syntax errors and the like: the precise parser decides.
    const check = new Diagnostics();
    const parsed = parseDocuments(file, check);
    if (!parsed || check.errorCount > 0) return { index, file, status: 'invalid' };
    if (parsed.docs.length === 0) diags.add({ severity: 'warning', file, line: 1, col: 1, endCol: 2, source: null, path: null, code: 'empty', msg: { id: 'empty_file' } });
    for (const doc of parsed.docs) {
      collectDocument(file, { data: doc.data, place: parsed.placer(doc), schemaErrors: (e) => parsed.schemaErrors(e, doc) }, validate, diags, records, present);
    }
  }
  if (diags.errorCount > 0) return { index, file, status: 'invalid' };

  const placer = new RecordPlacer();
  for (const p of records.pledges) {
    const reasons = vagueReasons(p.content, pledgeRules);
    if (reasons.length) diags.add({ severity: 'warning', ...placer.place(p.src, 'content'), path: null, code: 'vague_pledge', msg: { id: 'vague_pledge', params: { reasons } } });
  }
  return { index, file, status: 'ok', hash, bytes: read.bytes, rows: rowsOf(records), periods: periodsOf(records, present), warnings: [...diags.warnings] };
}
