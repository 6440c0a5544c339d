// The one set of limits every reader keeps (the YAML readers: block, js-yaml,
// precise; the workbook reader), and the scan that enforces the per-line ones
// before any YAML parser sees the text, so that no input can make a parser
// recurse or backtrack without bound.

/** Largest input file. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** A workbook's parts inflated, all together: a zip bomb stops here. */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;
/** Cells (and shared strings) in one workbook. */
export const MAX_CELLS = 5_000_000;
/** Characters in one cell: Excel's own limit. */
export const MAX_CELL_CHARS = 32_767;
/** Cells that merged ranges fill in, in one sheet. */
export const MAX_MERGED_CELLS = 1_000_000;

/** Deepest nesting of mappings and lists in a document. */
export const MAX_DEPTH = 32;
/** Nodes that aliases (*references) may expand to in one document. */
export const MAX_ALIAS_NODES = 10_000;
/** Longest line, in characters. A record's longest field (2,000 characters) fits many times over. */
export const MAX_LINE = 16_384;
/** Keys that would reach an object's prototype. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface LineProblem {
  line: number;
  col: number;
  endCol: number;
  code: 'line_too_long' | 'too_deep';
}

/**
 * The first line that breaks a per-line limit: too long, or nesting deeper
 * than MAX_DEPTH within the line (`- - - …` or `[[[…`), which a parser would
 * otherwise follow one level at a time. Null when every line is within them.
 */
export function scanLines(text: string): LineProblem | null {
  let line = 0;
  let pos = 0;
  let bracket = -1; // the next [ or { at or after `pos`: most lines have none, and one search serves them all
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    line++;
    const len = end - pos;
    if (len > MAX_LINE) return { line, col: MAX_LINE + 1, endCol: MAX_LINE + 2, code: 'line_too_long' };
    if (bracket < pos) {
      OPENERS.lastIndex = pos;
      bracket = OPENERS.exec(text)?.index ?? Infinity;
    }
    const deep = nesting(text, pos, end, bracket < end);
    if (deep >= 0) return { line, col: deep - pos + 1, endCol: deep - pos + 2, code: 'too_deep' };
    pos = end + 1;
  }
  return null;
}

/** A quote opens a scalar only where a value starts: after a space, a flow indicator or a colon. */
const opensQuote = (prev: number) => prev === 32 || prev === 91 || prev === 123 || prev === 44 || prev === 58 || Number.isNaN(prev) || prev === 10;

const OPENERS = /[[{]/g;

/** Where a line's nesting first exceeds MAX_DEPTH, or -1. Quoted text and comments do not nest. */
function nesting(text: string, from: number, to: number, flow: boolean): number {
  let depth = 0;
  let i = from;
  // Leading block indicators: each `- ` or `? ` opens a level.
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 32) i++;
    else if ((c === 45 || c === 63) && (i + 1 === to || text.charCodeAt(i + 1) === 32)) {
      if (++depth > MAX_DEPTH) return i;
      i++;
    } else break;
  }
  // Most lines open no flow collection: those need no walk.
  if (!flow) return -1;
  let quote = 0;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
      else if (c === 92 && quote === 34) i++; // \" inside double quotes
    } else if ((c === 34 || c === 39) && opensQuote(text.charCodeAt(i - 1))) quote = c;
    else if (c === 35 && (i === from || text.charCodeAt(i - 1) === 32))
      return -1; // a comment
    else if (c === 91 || c === 123) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 93 || c === 125) depth = Math.max(0, depth - 1);
  }
  return -1;
}
