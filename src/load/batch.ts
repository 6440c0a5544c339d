// Files and folders → typed records with their sources, every problem a
// diagnostic. Nothing here touches the database; `checkBatch` adds the
// cross-record checks once the stored side is known.
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Diagnostic, Diagnostics } from './diagnostic.js';
import type { Placer } from './validate.js';
import { expandPaths } from './files.js';
import { parseDocuments } from './parse.js';
import { collectRecords, type DocRecords } from './records.js';
import { validator } from './schemas.js';
import { emptySections, SECTIONS, type SectionRecords } from '../model.js';

export interface Batch {
  files: string[];
  bytes: number;
  records: SectionRecords;
  /** Each document's sections with its period: what --replace treats as the whole truth. */
  present: DocRecords['present'];
}

export function loadBatch(paths: string[], diags: Diagnostics, onFile?: (done: number, total: number) => void): Batch {
  const { files, problems } = expandPaths(paths);
  for (const p of problems) {
    diags.add({ severity: 'error', file: p.file, line: 1, col: 1, endCol: 2, source: null, path: null, code: 'file', msg: { id: p.id, params: p.params } });
  }
  const records = emptySections();
  const present: Batch['present'] = [];
  let bytes = 0;
  const validate = validator('document');
  files.forEach((file, i) => {
    const parsed = parseDocuments(file, diags);
    onFile?.(i + 1, files.length);
    if (!parsed) return;
    bytes += parsed.bytes;
    if (parsed.docs.length === 0 && diags.errorCount === 0) {
      diags.add({ severity: 'warning', file, line: 1, col: 1, endCol: 2, source: null, path: null, code: 'empty', msg: { id: 'empty_file' } });
    }
    for (const doc of parsed.docs) {
      collectDocument(file, { data: doc.data, place: parsed.placer(doc), schemaErrors: (e) => parsed.schemaErrors(e, doc) }, validate, diags, records, present);
    }
  });
  return { files, bytes, records, present };
}

export interface DocInput {
  data: unknown;
  place: Placer;
  schemaErrors(errors: ErrorObject[]): Diagnostic[];
}

/** One parsed document: its shape, its schema, then its records into `records`. */
export function collectDocument(
  file: string,
  doc: DocInput,
  validate: ValidateFunction,
  diags: Diagnostics,
  records: SectionRecords,
  present: Batch['present'],
): void {
  const data = doc.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    diags.add({ severity: 'error', ...doc.place([]), path: null, code: 'type', msg: { id: 'not_mapping' } });
    return;
  }
  if (!validate(data)) {
    doc.schemaErrors(validate.errors ?? []).forEach((d) => diags.add(d));
    return;
  }
  const raw = data as Record<string, unknown>;
  if (!SECTIONS.some((s) => s in raw)) {
    diags.add({ severity: 'error', ...doc.place([]), path: null, code: 'required', msg: { id: 'no_section' } });
    return;
  }
  present.push(...collectRecords(raw, file, doc.place, records, (d) => diags.add(d)).present);
}
