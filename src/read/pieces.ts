// A large YAML file read in pieces: its lists cut at items, each piece its
// document's header (its lines before its first list: a comment, its
// quarter), its list's key and a run of that list's items, read on any
// thread, the pieces' rows staged in order. One piece's parse tree is held at
// a time per thread instead of the whole file's, its rows packed until
// staged, and the threads share a big file as they share many small ones. Only
// a file whose documents are lists to their end, with no anchor or alias, is
// cut; a piece with any problem sends the whole file to the ordinary reader, so
// every error and its place are what they were.
import { readFileSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { extname } from 'node:path';
import type { Section } from '../core/model.js';
import { MAX_FILE_BYTES } from './limits.js';
import { envCount } from '../core/env.js';
import { addCounts, periodsFrom, type Present } from './rows.js';
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
  /** Lines of the header, which every piece begins with: its document's lines before its first list, then its list's key. */
  headerLines: number;
  /** Lines of the file before its document's header. */
  headerOffset: number;
  /** The file's line of the piece's list's key (the header's last line). */
  keyLine: number;
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
      /** Serialized (packRows): the piece's rows wait, packed, for the pieces before it; null once given early (ReadQueue). */
      rows: Uint8Array | null;
      counts: Partial<Record<Section, number>>;
      /** The quarters of the piece's records, per section, in the order met. */
      periods: Partial<Record<Section, string[]>>;
      present: Present;
      warnings: Diagnostic[];
    }
  /** A problem of any kind in the piece: the whole file is read again by the ordinary reader. */
  | { index: number; part: number; status: 'declined' };

export const isPiece = (t: FileTask): t is PieceTask => 'piece' in t;

const SPACE = 32;
const DASH = 45;
const HASH = 35;
const CR = 13;
const LF = 10;

/**
 * A document's first list from `from` (its start): its key, where its key line
 * starts and ends, and its items' indent. The key is alone on a line at column
 * 0, then blank lines, comments and the first item; the lines above it (the
 * document's header: a comment, its quarter) start no list and no document.
 */
function listStart(raw: Buffer, from: number): { key: string; keyStart: number; headerEnd: number; indent: number } | null {
  const head = raw.toString('latin1', from, Math.min(raw.length, from + 65536));
  const item = /^( *)-(?: |\r?\n)/m.exec(head);
  if (!item) return null;
  const before = head.slice(0, item.index).split('\n');
  // The last line before the item that is not blank or a comment: the key.
  let k = before.length - 2;
  while (k >= 0 && /^\s*(#.*)?\r?$/.test(before[k])) k--;
  const key = k >= 0 ? KEY_LINE.exec(before[k]) : null;
  if (!key) return null;
  // Nothing in the header may start a list or a document of its own (the file's first line may open its first document).
  const first = from === 0 || (from === 3 && raw[0] === 0xef) ? 1 : 0;
  if (before.slice(0, k).some((l, i) => /^\s*-(\s|$)/.test(l) || /^(\.\.\.|%)/.test(l) || (i >= first && l.startsWith('---')))) return null;
  const keyStart = from + before.slice(0, k).reduce((n, l) => n + l.length + 1, 0);
  return { key: key[1], keyStart, headerEnd: keyStart + before[k].length + 1, indent: item[1].length };
}

/** A list's key alone on its line at column 0 (a comment may follow). */
const KEY_LINE = /^([A-Za-z_]\w*):[ ]*(?:#.*)?\r?$/;

/** One of the file's lists: its key, its key line's start, its items from `start` to `end`, their indent, and where its document's header starts. */
interface List {
  key: string;
  keyStart: number;
  start: number;
  end: number;
  indent: number;
  /** Its document's header: from here to its first list's key line. */
  header: { start: number; end: number };
}

/** The text of the line starting at `at`, without its newline. */
function lineAt(raw: Buffer, at: number): string {
  const lf = raw.indexOf(LF, at);
  return raw.toString('latin1', at, lf < 0 ? raw.length : lf);
}

/** The indent of the first item after `from` (blank lines and comments before it), or -1 when a list does not follow. */
function itemIndent(raw: Buffer, from: number): number {
  for (let at = from; at < raw.length; ) {
    const line = lineAt(raw, at);
    if (!/^\s*(#.*)?\r?$/.test(line)) {
      const item = /^( *)-(?: |\r?$)/.exec(line);
      return item ? item[1].length : -1;
    }
    at += line.length + 1;
  }
  return -1;
}

/** A document's first list, from its header's start at `from`. */
function firstList(raw: Buffer, from: number): List | null {
  const first = listStart(raw, from);
  if (!first) return null;
  return {
    key: first.key,
    keyStart: first.keyStart,
    start: first.headerEnd,
    end: raw.length,
    indent: first.indent,
    header: { start: from, end: first.keyStart },
  };
}

/**
 * The file's lists, document by document: after each document's header, each
 * key alone at column 0 followed by its items, to the document's end (a
 * `---` line, which starts the next) or the file's; null when anything else
 * is at column 0 (a scalar after a list, a document's end marker) or a key
 * comes twice in a document.
 */
function listsOf(raw: Buffer, bom: number): List[] | null {
  const first = firstList(raw, bom);
  if (!first) return null;
  const lists: List[] = [first];
  let doc = 0;
  for (let at = first.start; at < raw.length; ) {
    const c = raw[at];
    const list = lists[lists.length - 1];
    // Only a line at column 0 is looked at as text: an item's lines pass by their first byte.
    if (
      c === SPACE ||
      c === LF ||
      c === CR ||
      c === HASH ||
      (c === DASH && list.indent === 0 && (raw[at + 1] === SPACE || raw[at + 1] === LF || raw[at + 1] === CR))
    ) {
      const lf = raw.indexOf(LF, at);
      at = lf < 0 ? raw.length : lf + 1;
      continue;
    }
    const line = lineAt(raw, at);
    const next = at + line.length + 1;
    list.end = at;
    if (/^---\r?$/.test(line)) {
      // The next document: its header, then its lists.
      const opened = firstList(raw, next);
      if (!opened) return null;
      doc = lists.length;
      lists.push(opened);
      at = opened.start;
      continue;
    }
    const key = KEY_LINE.exec(line)?.[1];
    const indent = key ? itemIndent(raw, next) : -1;
    if (!key || indent < 0 || lists.slice(doc).some((l) => l.key === key)) return null;
    lists.push({ key, keyStart: at, start: next, end: raw.length, indent, header: list.header });
    at = next;
  }
  return lists;
}

/**
 * The pieces of a file worth cutting, or null to read it whole: too small,
 * neither UTF-8 nor GBK, or a document not lists to its end (a line at column
 * 0 after them that is not a list's key or a `---`, a document's end marker,
 * a bare carriage return). A piece never spans two lists: each is its
 * document's header, its list's key and a run of its items.
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
  const lists = listsOf(raw, bom);
  if (!lists) return null;
  for (let i = raw.indexOf(CR); i >= 0; i = raw.indexOf(CR, i + 1)) if (raw[i + 1] !== LF) return null;
  const ranges: { list: List; keyLine: number; start: number; end: number; offset: number; headerLines: number; headerOffset: number }[] = [];
  let lines = 0;
  let counted = 0;
  const linesTo = (pos: number) => {
    lines += countLines(raw, counted, pos);
    counted = pos;
    return lines;
  };
  // Lines before each document's header, counted at its first list (the lines are counted forward only).
  const before = new Map<List['header'], number>();
  for (const list of lists) {
    // Every piece's header is its document's and its list's key line: the key's line is the last of it.
    if (!before.has(list.header)) before.set(list.header, linesTo(list.header.start));
    const headerOffset = before.get(list.header)!;
    const headerLines = countLines(raw, list.header.start, list.header.end) + 1;
    const keyLine = linesTo(list.keyStart) + 1;
    const mark = Buffer.from(`\n${' '.repeat(list.indent)}- `);
    for (let start = list.start; start < list.end; ) {
      const cut = raw.indexOf(mark, start + pieceBytes);
      const end = cut < 0 || cut >= list.end ? list.end : cut + 1;
      ranges.push({ list, keyLine, start, end, offset: linesTo(start) - headerLines, headerLines, headerOffset });
      start = end;
    }
  }
  return {
    count: ranges.length,
    whole,
    // Each piece's text is made when its turn comes: the file's bytes are held meanwhile, its text never whole.
    piece: (part) => {
      const { list, keyLine, start, end, offset, headerLines, headerOffset } = ranges[part];
      const text =
        raw.toString('utf8', list.header.start, list.header.end) + raw.toString('utf8', list.keyStart, list.start) + raw.toString('utf8', start, end);
      return { ...task, piece: { key: list.key, text, headerLines, headerOffset, keyLine, offset, part } };
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
  const counts = addCounts(parts.map((p) => p.counts));
  const present = parts.flatMap((p) => p.present);
  return {
    index: task.index,
    file: task.file,
    status: 'ok',
    hash: whole.hash,
    bytes: whole.bytes,
    rows: {},
    packed: { chunks: parts.flatMap((p) => (p.rows ? [p.rows] : [])), counts },
    periods: periodsFrom((s) => parts.flatMap((p) => p.periods[s] ?? []), present),
    named: [...new Set(present.flatMap((x) => (x.period ? [x.period] : [])))],
    warnings: [...(whole.gbk ? [gbkWarning(task.file)] : []), ...parts.flatMap((p) => p.warnings)],
  };
}
