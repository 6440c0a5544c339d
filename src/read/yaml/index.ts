// The one way into YAML text, for data files and the rules file alike: the
// fastest reader that can take the text reads it — the block reader (the
// style record files are written in, within the limits by construction), else,
// once every line is within the limits, js-yaml, else the precise reader,
// which takes any YAML and names every problem with its place. Places of nodes
// are kept only when asked for: a text with errors is read again with them.
import { MAX_LINE, scanLines } from '../limits.js';
import { parseBlockYaml } from './block.js';
import { parseJsYaml } from './jsyaml.js';
import { parseYaml, type ParseProblem } from './precise.js';
import type { Msg } from '../../core/messages/index.js';
import type { YamlDoc } from './types.js';

export type { Pos, YamlDoc } from './types.js';
export type { ParseProblem } from './precise.js';

export type Reader = 'block' | 'js-yaml' | 'precise';

export interface YamlText {
  reader: Reader;
  docs: YamlDoc[];
  /** Problems of the text itself (syntax, limits, tags): with any, `docs` may be incomplete. */
  problems: ParseProblem[];
}

/** The documents of `text`. With `places`, every document can locate any path; `after` is the reader that read it before. */
export function readYaml(text: string, opts: { places?: boolean; after?: Reader } = {}): YamlText {
  // The block reader keeps the limits itself (it declines deeper nesting, long lines, aliases); the others are scanned first.
  if (opts.after !== 'js-yaml' && opts.after !== 'precise') {
    const block = parseBlockYaml(text, opts.places === true);
    if (block) return { reader: 'block', docs: block, problems: [] };
  }
  const limit = scanLines(text);
  if (limit) return { reader: 'precise', docs: [], problems: [{ pos: limit, code: limit.code, detail: '' }] };
  if (!opts.places) {
    const js = parseJsYaml(text);
    if (js) return { reader: 'js-yaml', docs: js, problems: [] };
  }
  const p = parseYaml(text);
  // A directive (%YAML 1.2) opens a document only with a --- after it; the yaml package lets one stand alone.
  const directive = /^%.*$/m.exec(text);
  if (directive && !/^---/m.test(text.slice(directive.index))) {
    const line = text.slice(0, directive.index).split('\n').length;
    p.problems.push({
      pos: { line, col: 1, endCol: directive[0].trimEnd().length + 1 },
      code: 'yaml_syntax',
      detail: 'a directive with no document after it',
      kind: 'DIRECTIVE_ALONE',
    });
  }
  return { reader: 'precise', docs: p.problems.length ? [] : p.docs, problems: p.problems };
}

/** Line texts by number, each found once: a file's diagnostics ask for many lines. */
export function lineIndex(text: string): (line: number) => string {
  let starts: number[] | null = null;
  return (line) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    const s = starts[line - 1];
    if (s === undefined) return '';
    const e = line < starts.length ? starts[line] - 1 : text.length;
    return text.slice(s, e).replace(/\r$/, '');
  };
}

/** A problem of the text itself as a message. */
export function problemMsg(p: ParseProblem): Msg {
  switch (p.code) {
    case 'yaml_syntax':
      return { id: 'yaml_syntax', params: { detail: p.detail, kind: p.kind ?? '' } };
    case 'custom_tag':
    case 'alias_limit':
    case 'forbidden_key':
      return { id: p.code, params: { detail: p.detail } };
    case 'line_too_long':
      return { id: 'line_too_long', params: { max: MAX_LINE } };
    default:
      return { id: p.code };
  }
}
