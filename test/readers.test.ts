// The fast readers against the precise one. The block reader must place every
// node exactly where the precise reader does (a file with errors is placed by
// it); the js-yaml reader must read the same values and record lines.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseBlockYaml } from '../src/read/yaml/block.js';
import { parseJsYaml } from '../src/read/yaml/jsyaml.js';
import { parseYaml } from '../src/read/yaml/precise.js';
import { readYaml } from '../src/read/yaml/index.js';
import { generate } from '../src/bench/generate.js';
import { SECTIONS } from '../src/core/model.js';
import { EXAMPLES, ROOT, tmp } from './helpers.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? yamlFiles(p) : f.endsWith('.yaml') ? [p] : [];
  });
}

/** Every path in a value, with whether its last step is a mapping's key. */
function paths(v: unknown, at: (string | number)[] = []): { path: (string | number)[]; key: boolean }[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => [{ path: [...at, i], key: false }, ...paths(x, [...at, i])]);
  if (v !== null && typeof v === 'object') {
    return Object.entries(v).flatMap(([k, x]) => [{ path: [...at, k], key: true }, { path: [...at, k], key: false }, ...paths(x, [...at, k])]);
  }
  return [];
}

/** Places every node, and every path that runs out, as the precise reader does. */
function placesAgree(text: string): number {
  const block = parseBlockYaml(text, true)!;
  const precise = parseYaml(text);
  expect(block).not.toBeNull();
  let n = 0;
  block.forEach((doc, i) => {
    const all = [{ path: [], key: false }, ...paths(doc.data), { path: ['no_such_key'], key: false }];
    for (const { path, key } of all) {
      expect(doc.locate!(path, key), `${JSON.stringify(path)} ${key}`).toEqual(precise.docs[i].locate(path, key));
      n++;
    }
    // A path that runs out past an existing node stops at that node.
    for (const { path } of paths(doc.data).slice(0, 50)) expect(doc.locate!([...path, 'x', 0])).toEqual(precise.docs[i].locate([...path, 'x', 0]));
  });
  return n;
}

describe('the block reader places nodes as the precise reader does', () => {
  it('in every example, starter and generated file', () => {
    const dir = tmp();
    generate({ name: 'test', branches: 30 }, dir);
    const all = [...yamlFiles(EXAMPLES), ...yamlFiles(join(ROOT, 'templates')), ...yamlFiles(dir)];
    let nodes = 0;
    for (const f of all) nodes += placesAgree(readFileSync(f, 'utf8'));
    expect(nodes).toBeGreaterThan(10_000);
  });

  it.each([
    ['values with comments and trailing spaces', "a: 1   # c\nb: x y  \nc: \"q\\\"uote\"  # c\nd: 'it''s'\ne:\nf:   # nothing\ng: ~\n"],
    ['nested mappings on one line and on several', 'a:\n  b:\n    x: 1   # c\n  c:\n    y: 2\n    z: 3\nd:\n  e: 5\n'],
    ['records with extra spaces after the dash', 'reviews:\n  -   org: D1\n      self: 90\n  - org: D2\n    self: 80   \n'],
    ['flow mappings and lists', 'a: {b: 1, c: "x", d: it, e:}\nf: [1, 2 ,3]\ng: {}\nh: []\n'],
    ['lists of scalars and of flow mappings', 'p:\n  - member: M1\n    deductions:\n      - {dimension: study, points: 5, reason: 缺席}\n      - 7  # c\n'],
    ['CRLF and several documents', '---\nperiod: 2011Q1\r\nreviews:\r\n  - org: D1\r\n    self: 120\r\n---\nperiod: 2011Q2\nreviews:\n  - org: D2\n'],
    ['wide characters before a value', 'title: 红湾社区：“民情流水线”\nx: {名: 1}\n'.replace('x: {名: 1}\n', 'y: {a: 红湾, b: 社区}\n')],
  ])('%s', (_, text) => {
    expect(placesAgree(text)).toBeGreaterThan(3);
  });
});

describe('the js-yaml reader reads what the precise reader reads', () => {
  it.each([
    ['records in flow style', 'period: 2011Q1\nreviews: [{org: D1, self: 90, masses: {satisfied: 40}, superior: 90}]\n'],
    ['an anchor without an alias', 'reports:\n  - &r {org: D1, date: "2011-01-05", title: 甲}\n  - org: D2\n    date: "2011-01-06"\n    title: 乙\n'],
    ['a block scalar', 'pledges:\n  - id: P1\n    content: |\n      年内为辖区20户困难群众办理低保，\n      每季度走访一次\n    made: 2011-01-10\n'],
    ['a multi-line plain scalar', 'reports:\n  - org: D1\n    title: 红湾社区推行\n      民情流水线\n    date: 2011-03-05\n'],
    ['an indentless sequence', 'orgs:\n- code: W1\n  name: 甲\n- code: W2\n  name: 乙\n'],
    ['a record starting on the line after its dash', 'orgs:\n  -\n    code: W1\n  - code: W2\n'],
    ['the core schema', 'a: 0x1F\nb: 0o17\nc: +12\nd: .inf\ne: -.Inf\nf: ~\ng: True\nh: yes\ni: 012\nj: 2011-03-05\nk: 1_000\nl: 0b101\nm: "1"\n'],
    ['tabs inside values', 'reports:\n  - org: D1\n    title: "a\tb"\n'],
  ])('%s', (_, text) => {
    const js = parseJsYaml(text);
    const precise = parseYaml(text);
    expect(precise.problems).toEqual([]);
    if (js === null) {
      // Declined: the precise reader reads it, and readYaml says so.
      expect(readYaml(text).reader).toBe('precise');
      return;
    }
    expect(js.map((d) => d.data)).toEqual(precise.docs.map((d) => d.data));
    js.forEach((d, i) => {
      for (const s of SECTIONS) if (Array.isArray((d.data as Record<string, unknown>)[s])) expect(d.lines[s], s).toEqual(precise.docs[i].lines[s]);
    });
  });

  it('declines what it would read differently: aliases, custom tags, forbidden keys, syntax errors', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !!js/function x\n', '__proto__: {a: 1}\n', 'a: [1\n', 'a: 1\na: 2\n'])
      expect(parseJsYaml(text), text).toBeNull();
  });
});

describe('every reader keeps the same limits', () => {
  it.each([
    ['a line of 50,000 dashes', `orgs: ${'- '.repeat(50_000)}\n`, 'line_too_long'],
    ['nested dashes on one line', `orgs:\n  ${'- '.repeat(40)}x\n`, 'too_deep'],
    ['nested brackets', `a: ${'['.repeat(40)}${']'.repeat(40)}\n`, 'too_deep'],
    ['nested braces in flow style', `a: ${'{b: '.repeat(40)}1${'}'.repeat(40)}\n`, 'too_deep'],
  ])('%s', (_, text, code) => {
    const r = readYaml(text);
    expect(r.problems.map((p) => p.code)).toEqual([code]);
    expect(r.docs).toEqual([]);
  });

  it('brackets inside quotes and comments do not count', () => {
    expect(readYaml(`a: "${'['.repeat(40)}"  # ${'{'.repeat(40)}\n`).problems).toEqual([]);
  });
});
