// The block-style parser against the precise one: on every text it accepts it
// must give the same values and the same record lines; anything unusual it
// must decline (null), never read differently.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseBlockYaml } from '../src/read/yaml/block.js';
import { parseYaml } from '../src/read/yaml/precise.js';
import { generate } from '../src/bench/generate.js';
import { SECTIONS } from '../src/core/model.js';
import { EXAMPLES, ROOT, tmp } from './helpers.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? yamlFiles(p) : f.endsWith('.yaml') ? [p] : [];
  });
}

/** Same values and record lines as the precise parser, or declined. */
function agrees(text: string): 'same' | 'declined' {
  const fast = parseBlockYaml(text);
  const precise = parseYaml(text);
  if (fast === null) return 'declined';
  expect(precise.problems).toEqual([]);
  expect(fast.map((d) => d.data)).toEqual(precise.docs.map((d) => d.data));
  fast.forEach((d, i) => {
    for (const s of SECTIONS) {
      const list = (d.data as Record<string, unknown>)[s];
      if (!Array.isArray(list)) continue;
      expect(d.lines[s], s).toEqual(list.map((_, k) => precise.docs[i].locate([s, k]).line));
    }
  });
  return 'same';
}

describe('block-style YAML', () => {
  it('reads every example, starter and generated file, exactly as the precise parser does', () => {
    const dir = tmp();
    generate({ name: 'test', branches: 120 }, dir);
    const all = [...yamlFiles(EXAMPLES), ...yamlFiles(join(ROOT, 'templates')), ...yamlFiles(dir)];
    expect(all.length).toBeGreaterThan(20);
    for (const f of all) expect(agrees(readFileSync(f, 'utf8')), f).toBe('same');
  });

  it.each([
    ['comments and blank lines', '# head\norgs:\n  # note\n\n  - code: W1   # trailing\n    name: a#b\n'],
    [
      'scalars of the core schema',
      'a: 0x1F\nb: 0o17\nc: +12\nd: -3\ne: 1e3\nf: .5\ng: .inf\nh: -.Inf\ni: .nan\nj: ~\nk: null\nl: True\nm: FALSE\nn: yes\no: 012\np: 2011-03-05\nq: 1_000\nr: 0b101\n',
    ],
    ['quoted scalars', `a: "x\\ty\\"z\\u4E2D"\nb: 'it''s'\nc: "#not comment"  # comment\nd: ''\n`],
    ['flow collections', 'a: {x: 1, y: "a, b", z: \'c}\'}\nb: [1, two, "3"]\nc: {}\nd: []\ne: {k:}\n'],
    ['items with extra spaces after the dash', 'reviews:\n  -   org: D1\n      self: 90\n  - org: D2\n    self: 80\n'],
    [
      'nested sequences of flow maps',
      'points:\n  - member: M1\n    deductions:\n      - {dimension: study, points: 5, reason: 缺席}\n      - {dimension: excel, points: 1, reason: 迟到}\n',
    ],
    ['several documents and CRLF', '---\nperiod: 2011Q1\r\nreviews:\r\n  - org: D1\r\n---\nperiod: 2011Q2\nreviews:\n  - org: D2\n'],
    ['a mapping value that is a plain text with colons', 'a: http://example.com/x\nb: 10:30\n'],
  ])('%s', (_, text) => {
    expect(agrees(text)).toBe('same');
  });

  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line quoted scalar', 'a: "one\n  two"\n'],
    ['a tab', 'a:\t1\n'],
    ['an indentless sequence', 'reports:\n- org: D1\n'],
    ['a nested value on the dash line', 'a:\n  - - 1\n'],
    ['a dash alone', 'reports:\n  -\n    org: D1\n'],
    ['a key with a colon in its value', 'a: b: c\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a prototype key', '__proto__: 1\n'],
    ['a non-ASCII key', '组织: 1\n'],
    ['a trailing empty document', 'a: 1\n---\n'],
    ['an empty file', '# nothing\n'],
    ['records written inline', 'reports: [{org: D1, date: "2011-01-01", title: t}]\n'],
    ['a nested flow collection', 'a: {b: [1]}\n'],
    ['a quote inside a flow plain scalar', "a: {b: it's}\n"],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a complex key', '? a\n: 1\n'],
  ])('declines %s', (_, text) => {
    expect(parseBlockYaml(text)).toBeNull();
  });

  it('declines nesting deeper than the precise parser allows', () => {
    let text = '';
    for (let d = 0; d < 40; d++) text += `${' '.repeat(d * 2)}k${d}:\n`;
    text += `${' '.repeat(80)}v: 1\n`;
    expect(parseBlockYaml(text)).toBeNull();
  });
});
