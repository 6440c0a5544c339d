// Mistakes of structure that an office worker types in Chinese mode and that
// a YAML parser would misreport (缺少配对的括号, 未知字段 　　superior): a
// full-width colon after a field name, a full-width space in the indentation,
// a field name with no space after its colon. Found line by line before any
// parser reads the text, each named with the half-width form to type instead.
import type { Msg } from '../core/messages/index.js';

export interface StructureProblem {
  line: number;
  col: number;
  endCol: number;
  code: string;
  msg: Msg;
}

const FULL_SPACE = /^( *)\u3000/;
const FULL_COLON = /^([ \u3000]*(?:- +)?)([A-Za-z_][A-Za-z0-9_]*)[ \u3000]*：/;
const NO_SPACE = /^( *(?:- +)?)([A-Za-z_][A-Za-z0-9_]*):(?=[^\s#])/;

/** `fields`: the field names of the record schemas, so that `http://…` in a list is not taken for a field. */
export function structureProblems(text: string, fields: ReadonlySet<string>): StructureProblem[] {
  if (!/[\u3000：]|[A-Za-z]:[^\s]/.test(text)) return [];
  const out: StructureProblem[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    let m = FULL_SPACE.exec(line);
    if (m) return out.push({ line: i + 1, col: m[1].length + 1, endCol: m[1].length + 2, code: 'fullwidth', msg: { id: 'fullwidth_space' } });
    m = FULL_COLON.exec(line);
    if (m) {
      const col = m[0].length;
      return out.push({ line: i + 1, col, endCol: col + 1, code: 'fullwidth', msg: { id: 'fullwidth_colon', params: { key: m[2] } } });
    }
    m = NO_SPACE.exec(line);
    if (m && fields.has(m[2])) {
      const col = m[0].length + 1;
      out.push({ line: i + 1, col, endCol: col + 1, code: 'yaml_syntax', msg: { id: 'colon_space', params: { key: m[2] } } });
    }
  });
  return out;
}
