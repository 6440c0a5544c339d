// The fastest reader: a parser for the plain block style that record files
// are written in (indented `key: value`, `- ` items, one-line `{…}` and `[…]`,
// quoted or plain scalars, comments). It reads line by line, so it knows each
// record's line as it goes, and on request where every node is (the places of
// errors). Anything beyond that subset (anchors, tags, block scalars,
// multi-line scalars, tabs, odd keys) returns null and a full parser decides,
// so for every text it accepts it gives exactly what the `yaml` package gives,
// and places every node where the `yaml` package places it.
import { SECTIONS } from '../../core/model.js';
import type { Path } from '../../core/diagnostic.js';
import { FORBIDDEN_KEYS, MAX_DEPTH, MAX_LINE } from '../limits.js';
import type { Pos, YamlDoc } from './types.js';

const SECTION_SET = new Set<string>(SECTIONS);

/** Where the value after the key that keyLength() last measured starts (the text's length when none). */
let restAt = 0;

/** `key:` or `key: rest` with a plain ASCII key: the key's length (restAt set), else 0. */
function keyLength(t: string): number {
  let k = 0;
  for (; k < t.length; k++) {
    const c = t.charCodeAt(k);
    const word = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (k > 0 && c >= 48 && c <= 57);
    if (!word) break;
  }
  if (k === 0 || t.charCodeAt(k) !== 58 /* : */) return 0;
  if (k + 1 === t.length) {
    restAt = k + 1;
    return k;
  }
  if (t.charCodeAt(k + 1) !== 32) return 0;
  let r = k + 2;
  while (t.charCodeAt(r) === 32) r++;
  restAt = r;
  return k;
}

/** `-` alone or `- …`: a list item. */
const isItem = (t: string) => t.charCodeAt(0) === 45 && (t.length === 1 || t.charCodeAt(1) === 32);
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
const SPECIAL_FLOAT = /^(?:([-+]?)\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** Characters a plain scalar may not start with (a lone '-' needs a non-space after it). */
const INDICATOR = new Set([...'?:,[]{}#&*!|>\'"%@`']);

class Reject extends Error {}
const reject = (): never => {
  throw new Reject();
};

interface Line {
  n: number;
  indent: number;
  /** The text after the indentation, without trailing spaces. */
  text: string;
  /** The line's length as written (trailing spaces included, no CR): where a block node's place ends. */
  len: number;
}

/** Where each node of a document is, kept beside the data only when asked for. */
interface NodePlaces {
  /** The node itself. */
  at: Pos;
  /** A mapping's keys and values. */
  keys?: Map<string, { key: Pos; value: Pos }>;
  /** A list's items. */
  items?: Pos[];
}
type Places = WeakMap<object, NodePlaces>;

/** Null when the text is outside the subset. With `places`, each document can locate any path. */
export function parseBlockYaml(text: string, places = false): YamlDoc[] | null {
  // Anchors, aliases and tags are outside the subset; so is a tab anywhere.
  if (/[&*!\t]/.test(text)) return null;
  try {
    const docs: YamlDoc[] = [];
    let current: Line[] = [];
    let started = false;
    let k = 0;
    for (let pos = 0; pos <= text.length; k++) {
      let end = text.indexOf('\n', pos);
      if (end < 0) end = text.length;
      const from = pos;
      pos = end + 1;
      if (text.charCodeAt(end - 1) === 13 && end > from) end--;
      if (end - from > MAX_LINE) return null; // the limits' scan will say so
      const first = text.charCodeAt(from);
      // Only a line starting with - . or % can be a document marker or a directive.
      if (first === 45 || first === 46 || first === 37) {
        const s = text.slice(from, end);
        if (s === '---' || s.startsWith('--- #')) {
          if (started) docs.push(parseDoc(current, places));
          started = true;
          current = [];
          continue;
        }
        if (s.startsWith('...') || s.startsWith('%') || s.startsWith('---')) return null;
      }
      let indent = from;
      while (text.charCodeAt(indent) === 32) indent++;
      if (indent === end || text.charCodeAt(indent) === 35) continue;
      let last = end;
      while (text.charCodeAt(last - 1) === 32) last--;
      started = true;
      current.push({ n: k + 1, indent: indent - from, text: text.slice(indent, last), len: end - from });
    }
    // An empty file, or a --- with nothing after it (an empty document): the full parser says so.
    if (current.length === 0) return null;
    docs.push(parseDoc(current, places));
    return docs;
  } catch (e) {
    if (e instanceof Reject || e instanceof RangeError) return null;
    throw e;
  }
}

function parseDoc(lines: Line[], withPlaces: boolean): YamlDoc {
  if (lines.length === 0 || lines[0].indent !== 0) reject();
  const places: Places | null = withPlaces ? new WeakMap() : null;
  const p = new Parser(lines, places);
  const data = p.map(0, 0);
  if (p.i < lines.length) reject();
  return { data, lines: p.itemLines, locate: places ? (path, key) => locate(places, data, path, key ?? false) : undefined };
}

/** The place of the value at `path` (or its key); the nearest existing node's when the path runs out. */
function locate(places: Places, data: unknown, path: Path, wantKey: boolean): Pos {
  let node = data;
  let last = places.get(data as object)!.at;
  for (let i = 0; i < path.length; i++) {
    const info = node !== null && typeof node === 'object' ? places.get(node) : undefined;
    if (!info) return last;
    const seg = path[i];
    if (info.keys) {
      const entry = info.keys.get(String(seg));
      if (!entry) return last;
      if (wantKey && i === path.length - 1) return entry.key;
      last = entry.value;
      node = (node as Record<string, unknown>)[String(seg)];
    } else if (info.items && typeof seg === 'number' && seg < info.items.length) {
      last = info.items[seg];
      node = (node as unknown[])[seg];
    } else {
      return last;
    }
  }
  return last;
}

/** A node's place from its first line: it ends where the line does, as the `yaml` package has it. */
const blockAt = (line: Line, col: number): Pos => ({ line: line.n, col: col + 1, endCol: line.len + 1 });
const span = (line: Line, start: number, end: number): Pos => ({ line: line.n, col: start + 1, endCol: Math.max(start + 2, end + 1) });

class Parser {
  i = 0;
  readonly itemLines: Partial<Record<string, number[]>> = {};

  constructor(
    private readonly lines: Line[],
    private readonly places: Places | null,
  ) {}

  node(indent: number, depth: number, section: string | null): unknown {
    if (depth > MAX_DEPTH) reject();
    return isItem(this.lines[this.i].text) ? this.seq(indent, depth, section) : this.map(indent, depth);
  }

  map(indent: number, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const keys = this.places ? new Map<string, { key: Pos; value: Pos }>() : null;
    if (keys) this.places!.set(out, { at: blockAt(this.lines[this.i], indent), keys });
    while (this.i < this.lines.length && this.lines[this.i].indent === indent) {
      const line = this.lines[this.i];
      if (isItem(line.text)) reject();
      const length = keyLength(line.text);
      if (length === 0) return reject();
      const key = line.text.slice(0, length);
      const at = restAt;
      if (FORBIDDEN_KEYS.has(key) || Object.hasOwn(out, key)) reject();
      this.i++;
      let value: Pos | null = null;
      if (at === line.text.length || line.text.charCodeAt(at) === 35 /* # */) {
        const next = this.lines[this.i];
        if (next && next.indent > indent) {
          if (keys) value = blockAt(next, next.indent);
          out[key] = this.node(next.indent, depth + 1, depth === 0 && SECTION_SET.has(key) ? key : null);
        } else {
          // `key:` with nothing after it: the place is where its value would start.
          if (keys) value = span(line, indent + at, indent + at);
          out[key] = null;
        }
      } else {
        const v = this.inline(line, indent + at);
        // A section's records written inline (`reports: [{…}]`) have no line of their own to remember.
        if (depth === 0 && SECTION_SET.has(key) && Array.isArray(v) && v.length > 0) reject();
        out[key] = v;
        value = this.at;
        this.noContinuation(indent);
      }
      keys?.set(key, { key: span(line, indent, indent + key.length), value: value! });
    }
    if (this.i < this.lines.length && this.lines[this.i].indent > indent) reject();
    return out;
  }

  seq(indent: number, depth: number, section: string | null): unknown[] {
    const out: unknown[] = [];
    const items: Pos[] | null = this.places ? [] : null;
    if (items) this.places!.set(out, { at: blockAt(this.lines[this.i], indent), items });
    const at: number[] | null = section ? (this.itemLines[section] = []) : null;
    while (this.i < this.lines.length && this.lines[this.i].indent === indent && this.lines[this.i].text.startsWith('- ')) {
      const line = this.lines[this.i];
      let off = 1;
      while (line.text.charCodeAt(off) === 32) off++;
      const content = line.text.slice(off);
      if (content === '' || content.startsWith('#') || content.startsWith('-')) reject();
      at?.push(line.n);
      if (keyLength(content)) {
        // `- key: value`: a mapping whose first entry sits on the dash's line.
        this.lines[this.i] = { n: line.n, indent: indent + off, text: content, len: line.len };
        items?.push(blockAt(line, indent + off));
        out.push(this.map(indent + off, depth + 1));
      } else {
        out.push(this.inline(line, indent + off));
        items?.push(this.at!);
        this.i++;
        this.noContinuation(indent);
      }
    }
    if (this.i < this.lines.length && this.lines[this.i].indent === indent && this.lines[this.i].text === '-') reject();
    return out;
  }

  /** After a value on its own line, a deeper line would continue it: outside the subset. */
  private noContinuation(indent: number): void {
    if (this.i < this.lines.length && this.lines[this.i].indent > indent) reject();
  }

  /** The place of the value inline() last read, when places are kept. */
  at: Pos | null = null;

  /** A value written on the key's (or dash's) line, starting at column `from` (0-based) of the line. */
  private inline(line: Line, from: number): unknown {
    const s = line.text.slice(from - line.indent);
    const c = s.charCodeAt(0);
    if (c === 34 || c === 39) {
      const { value, end } = c === 34 ? doubleQuoted(s, 0) : singleQuoted(s, 0);
      afterValue(s.slice(end));
      if (this.places) this.at = span(line, from, from + end);
      return value;
    }
    if (c === 123 || c === 91) return this.flow(line, from, s);
    const text = plainText(s);
    if (this.places) this.at = span(line, from, from + text.length);
    return plain(text, false);
  }

  /** A one-line flow collection: `{key: value, …}` or `[value, …]`. */
  private flow(line: Line, from: number, s: string): unknown {
    const { items, end } = flowItems(s, s[0] === '{' ? '}' : ']');
    afterValue(s.slice(end));
    const at = this.places ? span(line, from, from + end) : null;
    this.at = at;
    if (s[0] === '[') {
      const list = items.map((x) => flowScalar(x.text));
      if (at) this.places!.set(list, { at, items: items.map((x) => span(line, from + x.start, from + x.start + x.text.length)) });
      return list;
    }
    const out: Record<string, unknown> = {};
    const keys = at ? new Map<string, { key: Pos; value: Pos }>() : null;
    for (const item of items) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*):( +)(.+)$/.exec(item.text) ?? /^([A-Za-z_][A-Za-z0-9_]*):$/.exec(item.text);
      if (!m) return reject();
      if (FORBIDDEN_KEYS.has(m[1]) || Object.hasOwn(out, m[1])) reject();
      out[m[1]] = m[3] === undefined ? null : flowScalar(m[3]);
      if (keys) {
        const k = from + item.start;
        const v = m[3] === undefined ? k + m[1].length + 1 : k + m[1].length + 1 + m[2].length;
        keys.set(m[1], { key: span(line, k, k + m[1].length), value: span(line, v, v + (m[3]?.length ?? 0)) });
      }
    }
    if (at) this.places!.set(out, { at, keys: keys! });
    return out;
  }
}

/** Only spaces and a comment may follow a quoted or flow value. */
function afterValue(rest: string): void {
  if (rest !== '' && !/^ +(#.*)?$/.test(rest)) reject();
}

/** The items of a one-line flow collection, split at top-level commas, each with its offset. */
function flowItems(s: string, close: string): { items: { text: string; start: number }[]; end: number } {
  const items: { text: string; start: number }[] = [];
  let start = 1;
  let k = 1;
  let prev = s[0]; // the last non-space character: a quote opens a scalar only at a value's start
  const push = (to: number) => {
    const raw = s.slice(start, to);
    const lead = raw.length - raw.trimStart().length;
    items.push({ text: raw.trim(), start: start + lead });
  };
  while (k < s.length) {
    const ch = s[k];
    if (ch !== ' ') {
      const opens = prev === '{' || prev === '[' || prev === ',' || prev === ':';
      prev = ch;
      if ((ch === '"' || ch === "'") && opens) {
        k = (ch === '"' ? doubleQuoted(s, k) : singleQuoted(s, k)).end;
        prev = ch;
        continue;
      }
    }
    if (ch === '"' || ch === "'") reject();
    else if (ch === '{' || ch === '[' || ch === '}' || ch === ']' || ch === ',') {
      if (ch === '{' || ch === '[') reject();
      if ((ch === '}' || ch === ']') && ch !== close) reject();
      const item = s.slice(start, k).trim();
      if (ch === ',' || item !== '' || items.length > 0) {
        if (item === '') reject();
        push(k);
      }
      if (ch !== ',') return { items, end: k + 1 };
      start = ++k;
    } else k++;
  }
  return reject();
}

function flowScalar(s: string): unknown {
  if (s[0] === '"' || s[0] === "'") {
    const { value, end } = s[0] === '"' ? doubleQuoted(s, 0) : singleQuoted(s, 0);
    if (s.slice(end).trim() !== '') reject();
    return value;
  }
  return plain(plainText(s), true);
}

/** A plain scalar's text: up to a comment, without trailing spaces. */
function plainText(raw: string): string {
  const hash = raw.indexOf(' #');
  return (hash >= 0 ? raw.slice(0, hash) : raw).trimEnd();
}

/** A plain scalar from its text (up to a comment, trailing spaces cut). */
function plain(s: string, flow: boolean): unknown {
  if (s === '') return reject();
  const c = s[0];
  if (INDICATOR.has(c) || (c === '-' && (s.length === 1 || s[1] === ' '))) reject();
  if (s.includes(': ') || s.endsWith(':') || s.includes(' #') || (flow && /[,[\]{}]/.test(s))) reject();
  return resolve(s);
}

/** The YAML 1.2 core schema, as the `yaml` package applies it. */
function resolve(s: string): unknown {
  // Text that cannot be a null, a boolean or a number (most names and titles) is itself.
  const c = s.charCodeAt(0);
  if (c > 0x7e || (c >= 0x61 && c <= 0x7a && c !== 0x6e && c !== 0x74 && c !== 0x66) || (c >= 0x41 && c <= 0x5a && c !== 0x4e && c !== 0x54 && c !== 0x46))
    return s;
  if (s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return null;
  if (s === 'true' || s === 'True' || s === 'TRUE') return true;
  if (s === 'false' || s === 'False' || s === 'FALSE') return false;
  if (INT.test(s)) return s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : parseInt(s, 10);
  if (FLOAT.test(s)) return parseFloat(s);
  const special = SPECIAL_FLOAT.exec(s);
  if (special) return s.toLowerCase().includes('nan') ? NaN : special[1] === '-' ? -Infinity : Infinity;
  return s;
}

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0', ' ': ' ' };

function doubleQuoted(s: string, from: number): { value: string; end: number } {
  let out = '';
  let k = from + 1;
  while (k < s.length) {
    const ch = s[k];
    if (ch === '"') return { value: out, end: k + 1 };
    if (ch === '\\') {
      const e = s[k + 1];
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(k + 2, k + 6))) {
        out += String.fromCharCode(parseInt(s.slice(k + 2, k + 6), 16));
        k += 6;
        continue;
      }
      if (!(e in ESCAPES)) reject();
      out += ESCAPES[e];
      k += 2;
      continue;
    }
    out += ch;
    k++;
  }
  return reject(); // not closed on this line
}

function singleQuoted(s: string, from: number): { value: string; end: number } {
  let out = '';
  let k = from + 1;
  while (k < s.length) {
    if (s[k] === "'") {
      if (s[k + 1] === "'") {
        out += "'";
        k += 2;
        continue;
      }
      return { value: out, end: k + 1 };
    }
    out += s[k++];
  }
  return reject();
}
