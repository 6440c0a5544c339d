// The precise reader: any YAML text → plain values, keeping the AST so any
// field path can be located (line, column) for an error. The conversion is our
// own rather than Document.toJS so that custom tags, prototype-polluting keys,
// alias bombs and runaway nesting become ordinary errors instead of surprises.
import { LineCounter, parseAllDocuments, isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Path } from '../../core/diagnostic.js';
import { SECTIONS } from '../../core/model.js';
import { FORBIDDEN_KEYS, MAX_ALIAS_NODES, MAX_DEPTH } from '../limits.js';
import type { Pos, YamlDoc } from './types.js';

export interface ParseProblem {
  pos: Pos;
  code: 'yaml_syntax' | 'duplicate_key' | 'custom_tag' | 'alias_limit' | 'too_deep' | 'forbidden_key' | 'bad_key' | 'line_too_long';
  detail: string;
  /** The yaml library's error code, for a translated explanation. */
  kind?: string;
}

/** Thrown inside the converter to abandon a document that is a resource attack. */
class Abandon extends Error {}

export interface ParsedFile {
  docs: (YamlDoc & { locate: NonNullable<YamlDoc['locate']> })[];
  problems: ParseProblem[];
  lineText(line: number): string;
}

const STANDARD_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

type Range = [number, number, number] | null | undefined;

export function parseYaml(text: string): ParsedFile {
  const lc = new LineCounter();
  const lineStarts = (): number[] => lc.lineStarts;
  const pos = (range: Range): Pos => rangePos(text, lineStarts(), range);
  const problems: ParseProblem[] = [];
  const docs: ParsedFile['docs'] = [];

  const parsed = parseAllDocuments(text, {
    lineCounter: lc,
    uniqueKeys: true,
    prettyErrors: false,
    version: '1.2',
    schema: 'core',
    merge: false,
  });
  const list: Document.Parsed[] = Array.isArray(parsed) ? parsed : [];
  list.forEach((doc) => {
    const before = problems.length;
    let exhausted = false;
    for (const e of doc.errors) {
      if (e.code === 'RESOURCE_EXHAUSTION') {
        if (!exhausted) problems.push({ pos: pos([e.pos[0], e.pos[1], e.pos[1]]), code: 'too_deep', detail: '' });
        exhausted = true;
        continue;
      }
      const code = e.code === 'DUPLICATE_KEY' ? 'duplicate_key' : 'yaml_syntax';
      problems.push({ pos: pos([e.pos[0], e.pos[1], e.pos[1]]), code, detail: firstLine(e.message), kind: e.code });
    }
    if (problems.length > before) return;
    const conv = new Converter(text, doc, pos, problems);
    let data: unknown;
    try {
      data = conv.value(doc.contents as Node | null, 0);
    } catch (e) {
      if (!(e instanceof Abandon)) throw e;
    }
    if (problems.length > before) return;
    const locate = (path: Path, key?: boolean) => pos(locateRange(doc, path, key ?? false));
    docs.push({ data, lines: recordLines(data, locate), locate });
  });

  return {
    docs,
    problems,
    lineText: (line) => lineAt(text, lineStarts(), line),
  };
}

/** The line of each record of each section, for the records' sources. */
function recordLines(data: unknown, locate: (path: Path) => Pos): YamlDoc['lines'] {
  const out: YamlDoc['lines'] = {};
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return out;
  for (const s of SECTIONS) {
    const list = (data as Record<string, unknown>)[s];
    if (Array.isArray(list)) out[s] = list.map((_, i) => locate([s, i]).line);
  }
  return out;
}

class Converter {
  private aliasNodes = 0;

  constructor(
    private readonly text: string,
    private readonly doc: Document.Parsed,
    private readonly pos: (r: Range) => Pos,
    private readonly problems: ParseProblem[],
  ) {}

  value(node: Node | null | undefined, depth: number, viaAlias = false): unknown {
    if (node == null) return null;
    if (depth > MAX_DEPTH) {
      this.fail(node.range, 'too_deep', String(MAX_DEPTH));
      throw new Abandon();
    }
    if (viaAlias && ++this.aliasNodes > MAX_ALIAS_NODES) {
      this.fail(node.range, 'alias_limit', String(MAX_ALIAS_NODES));
      throw new Abandon();
    }
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (!target) {
        this.fail(node.range, 'yaml_syntax', `unknown alias *${node.source}`);
        return null;
      }
      return this.value(target as Node, depth, true);
    }
    const tag = (node as { tag?: string }).tag;
    if (tag && !STANDARD_TAGS.has(tag)) {
      this.fail(this.tagRange(node), 'custom_tag', tag);
      return null;
    }
    if (isScalar(node)) return node.value;
    if (isSeq(node)) return node.items.map((item) => this.value(item as Node, depth + 1, viaAlias));
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const k = pair.key as Node | null;
        if (!isScalar(k) || (k.value !== null && typeof k.value === 'object')) {
          this.fail(k?.range ?? node.range, 'bad_key', '');
          continue;
        }
        const key = String(k.value);
        if (FORBIDDEN_KEYS.has(key)) {
          this.fail(k.range, 'forbidden_key', key);
          continue;
        }
        out[key] = this.value(pair.value as Node | null, depth + 1, viaAlias);
      }
      return out;
    }
    this.fail((node as Node).range, 'yaml_syntax', 'unsupported node');
    return null;
  }

  /** The source of `!tag` just before a node, so the caret marks the tag itself. */
  private tagRange(node: Node): Range {
    const start = node.range?.[0] ?? 0;
    const src = this.text.slice(Math.max(0, start - 200), start);
    const m = /!\S*\s*$/.exec(src);
    if (!m) return node.range;
    const s = start - src.length + m.index;
    const e = s + m[0].trimEnd().length;
    return [s, e, e];
  }

  private fail(range: Range, code: ParseProblem['code'], detail: string): void {
    if (this.problems.length < 1000) this.problems.push({ pos: this.pos(range), code, detail });
  }
}

/** Walk the AST along `path`; return the range of the value (or key) reached, or of the nearest ancestor. */
function locateRange(doc: Document.Parsed, path: Path, wantKey: boolean): Range {
  let node = doc.contents as Node | null;
  let last: Range = node?.range ?? [0, 0, 0];
  for (let i = 0; i < path.length; i++) {
    while (node && isAlias(node)) node = (node.resolve(doc) as Node | undefined) ?? null;
    const seg = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return last;
      if (wantKey && i === path.length - 1) return (pair.key as Node).range;
      // `self:` with nothing after it: point at the key.
      node = (pair.value as Node | null) ?? null;
      last = node?.range ?? (pair.key as Node).range;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
      node = node.items[seg] as Node;
      last = node.range;
    } else {
      return last;
    }
  }
  return last;
}

function rangePos(text: string, starts: number[], range: Range): Pos {
  const start = range ? range[0] : 0;
  const end = range ? Math.max(range[1], start + 1) : 1;
  // binary search for the line containing `start`
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= start) lo = mid;
    else hi = mid - 1;
  }
  const lineStart = starts[lo] ?? 0;
  let lineEnd = text.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  const col = start - lineStart + 1;
  const endCol = Math.max(col + 1, Math.min(end, lineEnd) - lineStart + 1);
  return { line: lo + 1, col, endCol };
}

function lineAt(text: string, starts: number[], line: number): string {
  const s = starts[line - 1];
  if (s === undefined) return '';
  let e = text.indexOf('\n', s);
  if (e < 0) e = text.length;
  return text.slice(s, e).replace(/\r$/, '');
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}
