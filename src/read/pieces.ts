// A large YAML file read in pieces: its one list cut at items, each piece the
// file's header (its lines before the list) and a run of items, read on any
// thread, the pieces' rows staged in order. One piece's parse tree is held at
// a time per thread instead of the whole file's, its rows packed until staged,
// and the threads share a big file as they share many small ones. Only a file
// of one list with no anchor or alias is cut; a piece with any problem sends
// the whole file to the ordinary reader, so every error and its place are
// what they were.
import { readFileSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { extname } from 'node:path';
import type { Section } from '../core/model.js';
import { MAX_FILE_BYTES } from './limits.js';
import { envCount } from '../core/env.js';
import { periodsFrom, type Present } from './rows.js';
import { digest, type FileResult, type FileTask } from './task.js';
import { decode } from './decode.js';
import { gbkWarning } from './file.js';
import type { Diagnostic } from '../core/diagnostic.js';

/**
 * Bytes of items per piece: 1 MiB, or CXZY_PIECE_BYTES (0: no file is cut).
 * A file is cut only past three pieces' worth: a smaller one is read whole.
 */
export const pieceBytes = (env: NodeJS.ProcessEnv): number => envCount(env, 'CXZY_PIECE_BYTES') ?? 1 << 20;

export interface Piece {
  /** The list's key: a piece's document must hold no other section. */
  key: string;
  text: string;
  /** Lines of the header, which every piece begins with. */
  headerLines: number;
  /** What to add to a line past the header to have the file's line. */
  offset: number;
  part: number;
}

export interface PieceTask extends FileTask {
  piece: Piece;
}

export type PieceResult =
  | {
      index: number;
      part: number;
      status: 'ok';
      /** Serialized (packRows): the piece's rows wait, packed, for the pieces before it. */
      rows: Uint8Array;
      counts: Partial<Record<Section, number>>;
      /** The quarters of the piece's records, per section, in the order met. */
      periods: Partial<Record<Section, string[]>>;
      present: Present;
      warnings: Diagnostic[];
    }
  /** A problem of any kind in the piece: the whole file is read again by the ordinary reader. */
  | { index: number; part: number; status: 'declined' };

export const isPiece = (t: FileTask): t is PieceTask => 'piece' in t;

/** The byte after each newline, from `from`: where each line starts. */
function* lineStarts(raw: Buffer, from: number): Generator<number> {
  for (let i = raw.indexOf(10, from); i >= 0; i = raw.indexOf(10, i + 1)) yield i + 1;
}

const SPACE = 32;
const DASH = 45;
const HASH = 35;
const CR = 13;
const LF = 10;

/** The header's end and the items' indent: the list's key alone on a line at column 0, then blank lines, comments and the first item. */
function listStart(raw: Buffer): { key: string; headerEnd: number; indent: number } | null {
  const head = raw.toString('latin1', 0, Math.min(raw.length, 65536));
  const item = /^( *)-(?: |\r?\n)/m.exec(head);
  if (!item) return null;
  const before = head.slice(0, item.index).split('\n');
  // The last line before the item that is not blank or a comment: the key.
  let k = before.length - 2;
  while (k >= 0 && /^\s*(#.*)?\r?$/.test(before[k])) k--;
  const key = k >= 0 ? /^([A-Za-z_]\w*):[ ]*(?:#.*)?\r?$/.exec(before[k]) : null;
  if (!key) return null;
  // Nothing in the header may start a list or a document of its own.
  if (before.slice(0, k).some((l, i) => /^\s*-(\s|$)/.test(l) || /^(\.\.\.|%)/.test(l) || (i > 0 && l.startsWith('---')))) return null;
  const headerEnd = before.slice(0, k + 1).reduce((n, l) => n + l.length + 1, 0);
  return { key: key[1], headerEnd, indent: item[1].length };
}

/**
 * The pieces of a file worth cutting, or null to read it whole: too small,
 * neither UTF-8 nor GBK, or not one list at the end of one document (a line at
 * column 0 after the list, a document marker, a bare carriage return).
 */
export function cutFile(task: FileTask, pieceBytes: number): CutFile | null {
  if (pieceBytes <= 0 || task.allErrors || extname(task.path).toLowerCase() === '.xlsx') return null;
  let raw: Buffer;
  try {
    if (statSync(task.path).size <= 3 * pieceBytes) return null;
    raw = readFileSync(task.path);
  } catch {
    return null;
  }
  if (raw.length <= 3 * pieceBytes || raw.length > MAX_FILE_BYTES || raw.includes(0)) return null;
  const whole: Whole = { hash: digest(raw), bytes: raw.length, gbk: false };
  // A file from Chinese Windows (GB18030/GBK) is cut as its UTF-8: the cuts are found on bytes.
  if (!isUtf8(raw)) {
    const d = decode(raw);
    if (!d.ok || d.encoding !== 'gb18030') return null;
    raw = Buffer.from(d.text, 'utf8');
    whole.gbk = true;
  }
  if (mayAlias(raw)) return null;
  const bom = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? 3 : 0;
  const list = listStart(raw);
  if (!list) return null;
  const { headerEnd, indent } = list;
  for (const at of lineStarts(raw, headerEnd - 1)) {
    const c = raw[at];
    if (at >= raw.length || c === SPACE || c === LF || c === CR || c === HASH) continue;
    if (c === DASH && indent === 0 && (raw[at + 1] === SPACE || raw[at + 1] === LF || raw[at + 1] === CR)) continue;
    return null;
  }
  for (let i = raw.indexOf(CR); i >= 0; i = raw.indexOf(CR, i + 1)) if (raw[i + 1] !== LF) return null;
  const header = raw.toString('utf8', bom, headerEnd);
  const headerLines = countLines(raw, 0, headerEnd);
  const mark = Buffer.from(`\n${' '.repeat(indent)}- `);
  const ranges: { start: number; end: number; offset: number }[] = [];
  let start = headerEnd;
  let lines = headerLines;
  while (start < raw.length) {
    const cut = raw.indexOf(mark, start + pieceBytes);
    const end = cut < 0 ? raw.length : cut + 1;
    ranges.push({ start, end, offset: lines - headerLines });
    lines += countLines(raw, start, end);
    start = end;
  }
  return {
    count: ranges.length,
    whole,
    // Each piece's text is made when its turn comes: the file's bytes are held meanwhile, its text never whole.
    piece: (part) => {
      const { start, end, offset } = ranges[part];
      return { ...task, piece: { key: list.key, text: header + raw.toString('utf8', start, end), headerLines, offset, part } };
    },
  };
}

export interface CutFile {
  count: number;
  whole: Whole;
  piece(part: number): PieceTask;
}

/** An anchor or alias may start here (& or * after a space, a bracket, a comma or at a line's start): a piece could not stand alone. */
function mayAlias(raw: Buffer): boolean {
  for (const c of [0x26, 0x2a]) {
    for (let i = raw.indexOf(c); i >= 0; i = raw.indexOf(c, i + 1)) {
      const b = i === 0 ? LF : raw[i - 1];
      if (b === SPACE || b === LF || b === 0x5b || b === 0x7b || b === 0x2c || b === 0x09) return true;
    }
  }
  return false;
}

function countLines(raw: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = raw.indexOf(LF, from); i >= 0 && i < to; i = raw.indexOf(LF, i + 1)) n++;
  return n;
}

/** What is known of the whole file when it is cut: what an import remembers it by, and whether it was read as GBK. */
export interface Whole {
  hash: string;
  bytes: number;
  gbk: boolean;
}

/** The pieces' results, in order, as the file's: what reading it whole gives. */
export function joinPieces(task: FileTask, whole: Whole, parts: Extract<PieceResult, { status: 'ok' }>[]): FileResult {
  const counts: Partial<Record<Section, number>> = {};
  for (const p of parts) for (const [s, n] of Object.entries(p.counts) as [Section, number][]) counts[s] = (counts[s] ?? 0) + n;
  const present = parts.flatMap((p) => p.present);
  return {
    index: task.index,
    file: task.file,
    status: 'ok',
    hash: whole.hash,
    bytes: whole.bytes,
    rows: {},
    packed: { chunks: parts.map((p) => p.rows), counts },
    periods: periodsFrom((s) => parts.flatMap((p) => p.periods[s] ?? []), present),
    named: [...new Set(present.flatMap((x) => (x.period ? [x.period] : [])))],
    warnings: [...(whole.gbk ? [gbkWarning(task.file)] : []), ...parts.flatMap((p) => p.warnings)],
  };
}
