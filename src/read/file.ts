// One file → its rows and warnings, or its errors, each placed at its line and
// column. Runs on a worker thread (or inline). The text is read by the fastest
// reader that takes it; only when its records have errors is it read again
// with the places of its nodes, and only the errors that will be shown are
// placed: past the cap they are counted, so a file of 60,000 bad records costs
// about what a clean one does.
import { Diagnostics, wholeFile, type Diagnostic, type Place } from '../core/diagnostic.js';
import type { Msg } from '../core/messages/index.js';
import { emptySections, SECTIONS, type Pledge, type SectionRecords } from '../core/model.js';
import { vagueReasons } from '../core/pledge-quality.js';
import { refusedChar } from '../core/text.js';
import { readText } from './files.js';
import { digest, type FileResult, type FileTask, type ReadRules } from './task.js';
import { findingKey, placeFinding, type Finding } from './findings.js';
import { RecordPlacer } from './place.js';
import { collectRecords } from './records.js';
import { periodsOf, rowsOf, type Present } from './rows.js';
import { schemaFindings } from './schema-errors.js';
import { fieldNames, type DocumentValidator } from './schemas.js';
import { structureProblems, type StructureProblem } from './structure.js';
import { lineIndex, problemMsg, readYaml, type ParseProblem, type YamlDoc } from './yaml/index.js';
import { indentProblems } from './indent.js';

export const warning = (at: Place, code: string, msg: Msg): Diagnostic => ({ severity: 'warning', ...at, path: null, code, msg });

/** A file read as GB18030/GBK, said so: saved as UTF-8 it would be read as written on any machine. */
export const gbkWarning = (file: string): Diagnostic => warning(wholeFile(file), 'gbk', { id: 'gbk_decoded' });

/** Control characters can only come in as themselves or by an escape (\e, \u001b): a text without these holds none. */
export const SUSPECT = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\\]/;

export function readFile(task: FileTask, validate: DocumentValidator, rules: ReadRules): FileResult {
  const { index, file } = task;
  const diags = new Diagnostics();
  const invalid = (): FileResult => ({ index, file, status: 'invalid', errors: diags.errors, errorCount: diags.errorCount, warnings: diags.warnings });
  const read = readText(task.path);
  if (!read.ok) {
    diags.add({ severity: 'error', ...wholeFile(file), path: null, code: 'encoding', msg: read.msg });
    return invalid();
  }
  if (read.gbk) diags.add(gbkWarning(file));
  const lineText = lineIndex(read.text);
  const at = (pos: { line: number; col: number; endCol: number }): Place => ({ file, ...pos, source: lineText(pos.line) });

  const typed = structureProblems(read.text, fieldNames());
  if (typed.length > 0) {
    for (const p of typed) diags.add({ severity: 'error', ...at(p), path: null, code: p.code, msg: p.msg });
    return invalid();
  }
  const yaml = readYaml(read.text);
  if (yaml.problems.length > 0) {
    for (const p of explained(yaml.problems, read.text, lineText)) diags.add({ severity: 'error', ...at(p), path: null, code: p.code, msg: p.msg });
    return invalid();
  }
  if (yaml.docs.length === 0) diags.add(warning(wholeFile(file), 'empty', { id: 'empty_file' }));

  const records = emptySections();
  const present: Present = [];
  const found: { doc: number; f: Finding }[] = [];
  const suspect = SUSPECT.test(read.text);
  yaml.docs.forEach((doc, i) => {
    const add = (f: Finding) => found.push({ doc: i, f });
    if (suspect) refused(doc.data, [], add);
    collectDocument(file, doc, validate, rules, records, present, add);
  });
  if (found.length > 0) {
    placeFindings(found, yaml.docs[0]?.locate ? yaml.docs : readYaml(read.text, { places: true, after: yaml.reader }).docs, at, diags);
    return invalid();
  }

  for (const w of vagueWarnings(records.pledges, rules, read.text)) diags.add(w);
  return {
    index,
    file,
    status: 'ok',
    hash: digest(read.raw),
    bytes: read.bytes,
    rows: rowsOf(records),
    periods: periodsOf(records, present),
    named: [...new Set(present.flatMap((x) => (x.period ? [x.period] : [])))],
    warnings: diags.warnings,
  };
}

/** A warning for each vague pledge, at its content in `text`; `offset`: lines before `text` begins in its file (a piece's). */
export function vagueWarnings(pledges: Pledge[], rules: ReadRules, text: string, offset = 0): Diagnostic[] {
  const placer = new RecordPlacer('', () => text);
  return pledges.flatMap((p) => {
    const reasons = vagueReasons(p.content, rules.pledges);
    if (!reasons.length) return [];
    const at = placer.place({ ...p.src, line: p.src.line - offset }, 'content');
    return [warning({ ...at, line: at.line + offset }, 'vague_pledge', { id: 'vague_pledge', params: { reasons } })];
  });
}

/** One document: its shape, its schema, then its records into `records`. */
export function collectDocument(
  file: string,
  doc: YamlDoc,
  validate: DocumentValidator,
  rules: ReadRules,
  records: SectionRecords,
  present: Present,
  found: (f: Finding) => void,
): void {
  const data = doc.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return found({ path: [], key: false, code: 'type', msg: { id: 'not_mapping' } });
  const raw = data as Record<string, unknown>;
  let valid = validate.shell(raw);
  if (!valid) schemaFindings(validate.shell.errors ?? []).forEach(found);
  for (const s of SECTIONS) {
    const list = raw[s];
    if (!Array.isArray(list)) continue;
    const check = validate.records[s];
    list.forEach((item, i) => {
      if (check(item)) return;
      valid = false;
      for (const f of schemaFindings(check.errors ?? [])) found({ ...f, path: [s, i, ...f.path] });
    });
  }
  if (!valid) return;
  if (!SECTIONS.some((s) => s in raw)) return found({ path: [], key: false, code: 'required', msg: { id: 'no_section' } });
  present.push(...collectRecords(raw, file, (s, i) => doc.lines[s]?.[i] ?? 1, rules.stars.max_points, records, found));
}

/**
 * The parser's problems as a person would have them: a line out of line is
 * named as such (the parser reports it as several errors); otherwise one
 * problem per line, and the duplicate fields of a record that lacks its
 * "- " as that.
 */
function explained(problems: ParseProblem[], text: string, lineText: (n: number) => string): StructureProblem[] {
  if (problems.some((p) => p.code === 'yaml_syntax')) {
    const indents = indentProblems(text);
    if (indents.length) return indents;
  }
  const out: StructureProblem[] = [];
  const lines = new Set<number>();
  for (let k = 0; k < problems.length; k++) {
    const p = problems[k];
    if (lines.has(p.pos.line)) continue;
    lines.add(p.pos.line);
    // Fields repeated line after line at one column: a second record without its dash.
    const run =
      p.code === 'duplicate_key'
        ? problems.slice(k).filter((q, j) => q.code === 'duplicate_key' && q.pos.col === p.pos.col && q.pos.line === p.pos.line + j).length
        : 0;
    if (run > 1) {
      for (let j = 0; j < run; j++) lines.add(p.pos.line + j);
      const key = /^\s*([^:\s]+)/.exec(lineText(p.pos.line))?.[1] ?? '';
      out.push({ ...p.pos, code: 'duplicate_key', msg: { id: 'missing_dash', params: { key } } });
    } else out.push({ ...p.pos, code: p.code, msg: problemMsg(p) });
  }
  return out;
}

/** Every key and text value holding a character refused in data (a control character, a bidi override, half a surrogate pair). */
export function refused(v: unknown, path: (string | number)[], found: (f: Finding) => void): void {
  if (typeof v === 'string') {
    const c = refusedChar(v);
    if (c) found({ path, key: false, code: 'control_char', msg: { id: 'control_char', params: { char: c } } });
  } else if (Array.isArray(v)) v.forEach((x, i) => refused(x, [...path, i], found));
  else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const c = refusedChar(k);
      if (c) found({ path: [...path, k], key: true, code: 'control_char', msg: { id: 'control_char', params: { char: c } } });
      refused(x, [...path, k], found);
    }
  }
}

/** The findings placed by documents that know their nodes' places, as many as will be shown; the rest counted. */
function placeFindings(
  found: { doc: number; f: Finding }[],
  docs: YamlDoc[],
  at: (pos: { line: number; col: number; endCol: number }) => Place,
  diags: Diagnostics,
): void {
  const seen = new Set<string>();
  let more = 0;
  for (const { doc, f } of found) {
    const k = `${doc}|${findingKey(f)}`;
    if (seen.has(k)) continue;
    seen.add(k);
    if (!diags.wants('error')) {
      more++;
      continue;
    }
    const locate = docs[doc]?.locate;
    diags.add(placeFinding(f, at(locate ? locate(f.path, f.key) : { line: 1, col: 1, endCol: 2 })));
  }
  diags.count('error', more);
}
