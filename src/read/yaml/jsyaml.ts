// The second reader: js-yaml (about ten times the speed of the `yaml`
// package), for well-formed text the block reader declines, with the YAML 1.2
// core schema exactly as `yaml` reads it, each record's line found by scanning
// the text. Anything unusual (a syntax error, an alias, a tag, flow-style
// sections, a forbidden key) returns null, and the precise reader decides.
import { FAILSAFE_SCHEMA, NOT_RESOLVED, defineScalarTag, loadAll } from 'js-yaml';
import { SECTIONS } from '../../core/model.js';
import { FORBIDDEN_KEYS, MAX_DEPTH } from '../limits.js';
import type { YamlDoc } from './types.js';

// YAML 1.2 core scalars, as the `yaml` package resolves them: no underscores
// in numbers, no 0b binary, no timestamps (dates stay strings).
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

const scalar = <T>(tag: string, resolve: (s: string) => T | typeof NOT_RESOLVED, identify: (v: unknown) => boolean) =>
  defineScalarTag<T>(tag, { implicit: true, resolve, identify });
const intTag = scalar(
  'tag:yaml.org,2002:int',
  (s) => {
    if (!INT.test(s)) return NOT_RESOLVED;
    return s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : parseInt(s, 10);
  },
  (v) => Number.isInteger(v),
);
const floatTag = scalar(
  'tag:yaml.org,2002:float',
  (s) => {
    if (!FLOAT.test(s) || INT.test(s)) return NOT_RESOLVED;
    const inf = /^([-+]?)\.(?:inf|Inf|INF)$/.exec(s);
    if (inf) return inf[1] === '-' ? -Infinity : Infinity;
    return /nan/i.test(s) ? NaN : parseFloat(s);
  },
  (v) => typeof v === 'number',
);
const nullTag = scalar(
  'tag:yaml.org,2002:null',
  (s) => (/^(?:~|[Nn]ull|NULL)?$/.test(s) ? null : NOT_RESOLVED),
  (v) => v === null,
);
const boolTag = scalar(
  'tag:yaml.org,2002:bool',
  (s) => (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s) ? s[0] === 't' || s[0] === 'T' : NOT_RESOLVED),
  (v) => typeof v === 'boolean',
);
const SCHEMA = FAILSAFE_SCHEMA.withTags(nullTag, boolTag, intTag, floatTag);

const SECTION_KEY = new RegExp(`^(${SECTIONS.join('|')}):[ \\t]*(#.*)?$`);

/** `*name` where a value starts. */
const ALIAS = /(?:^|[\s,[{:])\*[^\s,\]}]/m;

/** Null when the file needs the precise parser. */
export function parseJsYaml(text: string): YamlDoc[] | null {
  // An alias may expand without bound: the precise reader counts what aliases expand to.
  if (ALIAS.test(text)) return null;
  let values: unknown[];
  try {
    values = loadAll(text, { schema: SCHEMA, json: false, maxAliases: 0 });
  } catch {
    return null;
  }
  if (values.length === 0) return null;
  for (const v of values) if (!isPlainMap(v) || !plain(v, new Set(), 0)) return null;
  const scanned = recordLines(text);
  if (scanned.length !== values.length) return null;
  const docs: YamlDoc[] = [];
  for (let i = 0; i < values.length; i++) {
    const data = values[i] as Record<string, unknown>;
    const lines = scanned[i];
    for (const s of SECTIONS) {
      const list = data[s];
      if (list === undefined) continue;
      const at = lines[s] ?? [];
      if (!Array.isArray(list) || at.length !== list.length || at.includes(-1)) return null;
    }
    docs.push({ data, lines });
  }
  return docs;
}

const isPlainMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** No shared node (an alias), no forbidden key, no runaway depth. */
function plain(v: unknown, seen: Set<object>, depth: number): boolean {
  if (v === null || typeof v !== 'object') return true;
  if (depth > MAX_DEPTH || seen.has(v)) return false;
  seen.add(v);
  if (Array.isArray(v)) return v.every((x) => plain(x, seen, depth + 1));
  for (const k of Object.keys(v)) {
    if (FORBIDDEN_KEYS.has(k)) return false;
    if (!plain((v as Record<string, unknown>)[k], seen, depth + 1)) return false;
  }
  return true;
}

/**
 * The start line of every item of every block-style section, per document.
 * An item is `- ` at the indentation of the section's first item.
 */
function recordLines(text: string): Partial<Record<string, number[]>>[] {
  const docs: Partial<Record<string, number[]>>[] = [{}];
  let current: number[] | null = null;
  let indent = -1;
  let started = false; // whether the current document has content (a leading --- opens the first one)
  let line = 0;
  let pos = 0;
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    line++;
    const raw = text.charCodeAt(end - 1) === 13 ? text.slice(pos, end - 1) : text.slice(pos, end);
    pos = end + 1;
    if (raw.startsWith('---') && (raw.length === 3 || raw[3] === ' ' || raw[3] === '\t')) {
      if (started) docs.push({});
      started = true;
      current = null;
      continue;
    }
    const c = raw.charCodeAt(0);
    if (raw.length === 0 || c === 35 /* # */) continue;
    if (c !== 32 /* space */) {
      started = true;
      const m = SECTION_KEY.exec(raw);
      current = m ? (docs[docs.length - 1][m[1]] = []) : null;
      indent = -1;
      continue;
    }
    if (current === null) continue;
    let i = 0;
    while (raw.charCodeAt(i) === 32) i++;
    if (raw[i] === '#' || i === raw.length) continue;
    if (indent < 0) indent = i;
    if (i !== indent || raw[i] !== '-') continue;
    // An item whose mapping starts on a later line: its line is the precise parser's business.
    const rest = raw.slice(i + 1).trim();
    current.push(raw[i + 1] === ' ' && rest !== '' && !rest.startsWith('#') ? line : -1);
  }
  return docs;
}
