// One piece of a large file (read/pieces.ts), read as a file is, its records
// placed at the file's lines. A piece with any problem declines, and the whole
// file is read the ordinary way, so that every error is placed as it was.
import { emptySections, SECTIONS } from '../core/model.js';
import { collectDocument, refused, SUSPECT, vagueWarnings } from './file.js';
import type { Finding } from './findings.js';
import type { PieceResult, PieceTask } from './pieces.js';
import { packRows, periodsOf, rowCounts, rowsOf, type Present } from './rows.js';
import { fieldNames, type DocumentValidator } from './schemas.js';
import { structureProblems } from './structure.js';
import { readYaml } from './yaml/index.js';
import type { ReadRules } from './task.js';

export function readPiece(task: PieceTask, validate: DocumentValidator, rules: ReadRules): PieceResult {
  const { index, file, piece } = task;
  const declined: PieceResult = { index, part: piece.part, status: 'declined' };
  if (structureProblems(piece.text, fieldNames()).length > 0) return declined;
  const yaml = readYaml(piece.text);
  if (yaml.problems.length > 0 || yaml.docs.length !== 1) return declined;
  const doc = yaml.docs[0];
  const raw = doc.data as Record<string, unknown>;
  // The header is in every piece: a section in it would be read once per piece.
  if (raw === null || typeof raw !== 'object' || SECTIONS.some((s) => s !== piece.key && s in raw)) return declined;
  const atFile = (line: number) => (line > piece.headerLines ? line + piece.offset : line === piece.headerLines ? piece.keyLine : line + piece.headerOffset);
  const shifted = { ...doc, lines: Object.fromEntries(Object.entries(doc.lines).map(([s, ls]) => [s, ls?.map(atFile)])) };
  let clean = true;
  const found = (_: Finding) => {
    clean = false;
  };
  if (SUSPECT.test(piece.text)) refused(raw, [], found);
  const records = emptySections();
  const present: Present = [];
  collectDocument(file, shifted, validate, rules, records, present, found);
  if (!clean) return declined;
  // A vague pledge is placed in the piece's text, then at the file's line.
  const warnings = vagueWarnings(records.pledges, rules, piece.text, piece.offset);
  const rows = rowsOf(records);
  return {
    index,
    part: piece.part,
    status: 'ok',
    rows: packRows(rows),
    counts: rowCounts(rows, undefined),
    periods: periodsOf(records, []),
    present,
    warnings,
  };
}
