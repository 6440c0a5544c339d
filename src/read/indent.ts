// Indentation mistakes in block-style files, named the way a person fixes
// them. The YAML parser reports such a mistake as several confusing errors
// ("Nested mappings are not allowed in compact mappings", twice per line);
// read only when it fails, this says which line is out of line and by how much.
import type { StructureProblem } from './structure.js';

interface Level {
  indent: number;
  /** A list's items (`- `) sit at this indentation. */
  items: boolean;
}

const KEY = /^([A-Za-z_][A-Za-z0-9_]*):(?: +(.*))?$/;

/**
 * The lines whose indentation matches no field or item above them, each once.
 * Only plain block style is judged: a text with block scalars or flow
 * collections over several lines, whose lines may sit anywhere, gets none.
 */
export function indentProblems(text: string): StructureProblem[] {
  if (/[:-] +[|>][-+0-9]*\s*$/m.test(text) || text.split('\n').some((l) => (l.match(/[[{]/g)?.length ?? 0) !== (l.match(/[\]}]/g)?.length ?? 0))) return [];
  const out: StructureProblem[] = [];
  const stack: Level[] = [{ indent: 0, items: false }];
  let opener = false; // the last line was `key:` with nothing after it: a deeper block may follow
  let under = -1; // lines deeper than a line out of line belong to it: one mistake, one message
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#') || /^(---|\.\.\.)/.test(line) || line.startsWith('%')) return;
    let indent = line.length - trimmed.length;
    if (under >= 0 && indent > under) return;
    under = -1;
    let body = trimmed;
    const item = body === '-' || body.startsWith('- ');
    const problem = (p: StructureProblem) => {
      out.push(p);
      opener = false;
      under = indent;
    };
    if (opener && indent > stack[stack.length - 1].indent) {
      stack.push({ indent, items: item });
    } else {
      // The fields just above are what this line most likely meant to line up with. A line out of
      // line leaves the levels as they were, so the lines after it are judged against those.
      const above = stack[stack.length - 1].indent;
      let depth = stack.length;
      while (depth > 1 && stack[depth - 1].indent > indent) depth--;
      const top = stack[depth - 1];
      if (top.indent !== indent)
        return problem({ line: i + 1, col: 1, endCol: Math.max(2, indent + 1), code: 'indent', msg: { id: 'indent', params: { want: above, have: indent } } });
      if (item && !top.items && indent > 0) return problem({ line: i + 1, col: indent + 1, endCol: indent + 2, code: 'indent', msg: { id: 'indent_item' } });
      if (!item && top.items)
        return problem({ line: i + 1, col: 1, endCol: Math.max(2, indent + 1), code: 'indent', msg: { id: 'indent_dash', params: { want: above } } });
      stack.length = depth;
    }
    // `- key: value`: the item's fields sit after the dash.
    if (item) {
      const dash = body.match(/^- +/)?.[0].length ?? 1;
      indent += dash;
      body = body.slice(dash);
      while (stack[stack.length - 1].indent > indent) stack.pop();
      if (body !== '' && stack[stack.length - 1].indent !== indent) stack.push({ indent, items: false });
    }
    const m = KEY.exec(body);
    opener = item
      ? body === '' || (m !== null && (m[2] === undefined || m[2] === '' || m[2].startsWith('#')))
      : m !== null && (m[2] === undefined || m[2] === '' || m[2].startsWith('#'));
  });
  return out;
}
