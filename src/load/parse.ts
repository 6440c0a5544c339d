// One file → parsed YAML documents, with every problem reported as a
// diagnostic at its file, line and column.
import type { ErrorObject } from 'ajv';
import type { Diagnostics, Place } from './diagnostic.js';
import { readText } from './files.js';
import { parseYaml, type ParsedDoc, type Pos } from './yaml.js';
import { schemaDiagnostics, type Placer } from './validate.js';

export interface ParsedSource {
  file: string;
  bytes: number;
  docs: ParsedDoc[];
  placer(doc: ParsedDoc | undefined): Placer;
  schemaErrors(errors: ErrorObject[], doc: ParsedDoc): ReturnType<typeof schemaDiagnostics>;
}

/** Returns null when the file could not be read or decoded (the reason is in `diags`). */
export function parseDocuments(file: string, diags: Diagnostics): ParsedSource | null {
  const read = readText(file);
  if (!read.ok) {
    diags.add({ severity: 'error', file, line: 1, col: 1, endCol: 2, source: null, path: null, code: 'encoding', msg: { id: read.problem.id, params: read.problem.params } });
    return null;
  }
  if (read.gbk) diags.add({ severity: 'warning', file, line: 1, col: 1, endCol: 2, source: null, path: null, code: 'gbk', msg: { id: 'gbk_decoded' } });
  let parsed;
  try {
    parsed = parseYaml(read.text);
  } catch (e) {
    // The parser should never throw; if it does (e.g. a stack overflow on hostile input) it is still the file's fault.
    diags.add({ severity: 'error', file, line: 1, col: 1, endCol: 2, source: null, path: null, code: 'yaml_syntax', msg: { id: 'yaml_syntax', params: { detail: String((e as Error).message) } } });
    return null;
  }
  const at = (pos: Pos): Place => ({ file, line: pos.line, col: pos.col, endCol: pos.endCol, source: parsed.lineText(pos.line) });
  for (const p of parsed.problems) {
    diags.add({ severity: 'error', ...at(p.pos), path: null, code: p.code, msg: { id: p.code, params: { detail: p.detail, kind: p.kind ?? '' } } });
  }
  const placer = (doc: ParsedDoc | undefined): Placer => (path, key) => (doc ? at(doc.locate(path, key)) : at({ line: 1, col: 1, endCol: 2 }));
  return {
    file,
    bytes: read.bytes,
    docs: parsed.docs,
    placer,
    schemaErrors: (errors, doc) => schemaDiagnostics(errors, placer(doc)),
  };
}
