// The fastest path: a parser for the plain block style that record files are
// written in (indented `key: value`, `- ` items, one-line `{…}` and `[…]`,
// quoted or plain scalars, comments). It is several times faster than a full
// YAML parser because it reads line by line and knows each record's line as
// it goes. Anything beyond that subset (anchors, tags, block scalars,
// multi-line scalars, tabs, odd keys) returns null and a full parser decides,
// so for every text it accepts it gives exactly what the `yaml` package gives.
import { SECTIONS } from '../model.js';
import type { FastDoc } from './fast-yaml.js';

const MAX_DEPTH = 32;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const SECTION_SET = new Set<string>(SECTIONS);
/** `key:` or `key: rest` with a plain ASCII key: [key, rest] ('' when none), else null. */
function splitKey(t: string): [string, string] | null {
  let k = 0;
  for (; k < t.length; k++) {
    const c = t.charCodeAt(k);
    const word = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (k > 0 && c >= 48 && c <= 57);
    if (!word) break;
  }
  if (k === 0 || t.charCodeAt(k) !== 58 /* : */) return null;
  if (k + 1 === t.length) return [t.slice(0, k), ''];
  if (t.charCodeAt(k + 1) !== 32) return null;
  let r = k + 2;
  while (t.charCodeAt(r) === 32) r++;
  return [t.slice(0, k), t.slice(r)];
}
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
  text: string;
}

/** Null when the text is outside the subset. */
export function parseBlockYaml(text: string): FastDoc[] | null {
  // Anchors, aliases and tags are outside the subset; so is a tab anywhere.
  if (/[&*!\t]/.test(text)) return null;
  try {
    const docs: FastDoc[] = [];
    let current: Line[] = [];
    let started = false;
    const raw = text.split('\n');
    for (let k = 0; k < raw.length; k++) {
      let s = raw[k];
      if (s.endsWith('\r')) s = s.slice(0, -1);
      if (s === '---' || s.startsWith('--- #')) {
        if (started) docs.push(parseDoc(current));
        started = true;
        current = [];
        continue;
      }
      if (s.startsWith('...') || s.startsWith('%') || s.startsWith('---')) return null;
      let indent = 0;
      while (s.charCodeAt(indent) === 32) indent++;
      if (indent === s.length || s[indent] === '#') continue;
      started = true;
      current.push({ n: k + 1, indent, text: s.slice(indent).trimEnd() });
    }
    // An empty file, or a --- with nothing after it (an empty document): the full parser says so.
    if (current.length === 0) return null;
    docs.push(parseDoc(current));
    return docs;
  } catch (e) {
    if (e instanceof Reject || e instanceof RangeError) return null;
    throw e;
  }
}

function parseDoc(lines: Line[]): FastDoc {
  if (lines.length === 0 || lines[0].indent !== 0) reject();
  const p = new Parser(lines);
  const data = p.map(0, 0);
  if (p.i < lines.length) reject();
  return { data, lines: p.itemLines };
}

class Parser {
  i = 0;
  readonly itemLines: Partial<Record<string, number[]>> = {};

  constructor(private readonly lines: Line[]) {}

  node(indent: number, depth: number, section: string | null): unknown {
    if (depth > MAX_DEPTH) reject();
    const t = this.lines[this.i].text;
    return t === '-' || t.startsWith('- ') ? this.seq(indent, depth, section) : this.map(indent, depth);
  }

  map(indent: number, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    while (this.i < this.lines.length && this.lines[this.i].indent === indent) {
      const line = this.lines[this.i];
      if (line.text === '-' || line.text.startsWith('- ')) reject();
      const m = splitKey(line.text);
      if (!m) return reject();
      const [key, rest] = m;
      if (FORBIDDEN.has(key) || Object.prototype.hasOwnProperty.call(out, key)) reject();
      this.i++;
      if (rest === '' || rest.startsWith('#')) {
        const next = this.lines[this.i];
        out[key] = next && next.indent > indent ? this.node(next.indent, depth + 1, depth === 0 && SECTION_SET.has(key) ? key : null) : null;
      } else {
        const v = inline(rest);
        // A section's records written inline (`reports: [{…}]`) have no line of their own to remember.
        if (depth === 0 && SECTION_SET.has(key) && Array.isArray(v) && v.length > 0) reject();
        out[key] = v;
        this.noContinuation(indent);
      }
    }
    if (this.i < this.lines.length && this.lines[this.i].indent > indent) reject();
    return out;
  }

  seq(indent: number, depth: number, section: string | null): unknown[] {
    const out: unknown[] = [];
    const at: number[] | null = section ? (this.itemLines[section] = []) : null;
    while (this.i < this.lines.length && this.lines[this.i].indent === indent && this.lines[this.i].text.startsWith('- ')) {
      const line = this.lines[this.i];
      let off = 1;
      while (line.text.charCodeAt(off) === 32) off++;
      const content = line.text.slice(off);
      if (content === '' || content.startsWith('#') || content.startsWith('-')) reject();
      at?.push(line.n);
      if (splitKey(content)) {
        // `- key: value`: a mapping whose first entry sits on the dash's line.
        this.lines[this.i] = { n: line.n, indent: indent + off, text: content };
        out.push(this.map(indent + off, depth + 1));
      } else {
        out.push(inline(content));
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
}

/** A value written on the key's (or dash's) line. */
function inline(s: string): unknown {
  const c = s[0];
  if (c === '"' || c === "'") {
    const { value, end } = c === '"' ? doubleQuoted(s, 0) : singleQuoted(s, 0);
    afterValue(s.slice(end));
    return value;
  }
  if (c === '{' || c === '[') {
    const close = c === '{' ? '}' : ']';
    const { items, end } = flowItems(s, close);
    afterValue(s.slice(end));
    if (c === '[') return items.map((x) => flowScalar(x));
    const out: Record<string, unknown> = {};
    for (const item of items) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*): +(.+)$/.exec(item) ?? /^([A-Za-z_][A-Za-z0-9_]*):$/.exec(item);
      if (!m) return reject();
      if (FORBIDDEN.has(m[1]) || Object.prototype.hasOwnProperty.call(out, m[1])) reject();
      out[m[1]] = m[2] === undefined ? null : flowScalar(m[2]);
    }
    return out;
  }
  return plain(s, false);
}

/** Only spaces and a comment may follow a quoted or flow value. */
function afterValue(rest: string): void {
  if (rest !== '' && !/^ +(#.*)?$/.test(rest)) reject();
}

/** The items of a one-line flow collection, split at top-level commas. */
function flowItems(s: string, close: string): { items: string[]; end: number } {
  const items: string[] = [];
  let start = 1;
  let k = 1;
  let prev = s[0]; // the last non-space character: a quote opens a scalar only at a value's start
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
        items.push(item);
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
  return plain(s, true);
}

function plain(raw: string, flow: boolean): unknown {
  let s = raw;
  const hash = s.indexOf(' #');
  if (hash >= 0) s = s.slice(0, hash);
  s = s.trimEnd();
  if (s === '') return reject();
  const c = s[0];
  if (INDICATOR.has(c) || (c === '-' && (s.length === 1 || s[1] === ' '))) reject();
  if (s.includes(': ') || s.endsWith(':') || s.includes(' #') || (flow && /[,[\]{}]/.test(s))) reject();
  return resolve(s);
}

/** The YAML 1.2 core schema, as the `yaml` package applies it. */
function resolve(s: string): unknown {
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
