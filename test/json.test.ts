import { describe, expect, it } from 'vitest';
import { batched, jsonPieces, Mapped } from '../src/render/formats/json.js';

const text = (v: unknown) => [...batched(jsonPieces(v), 7)].join('');

describe('JSON written in pieces', () => {
  const cases: [string, unknown][] = [
    ['scalars', [1, 'a', null, true, 1.5, '引号"和\\n']],
    ['empties', { a: [], b: {}, c: [[]], d: [{}] }],
    ['left out', { a: undefined, b: () => 1, c: [undefined, () => 1], d: 1 }],
    [
      'nested',
      {
        period: '2011Q2',
        members: [
          { member: 'M1', scores: { study: 19 }, tags: ['x', 'y'] },
          { member: 'M2', scores: {}, tags: [] },
        ],
        n: 2,
      },
    ],
    ['deep', [[[[{ a: [1, [2, { b: 3 }]] }]]]]],
    ['toJSON', { when: new Date(Date.UTC(2011, 5, 30)), list: [new Date(0)] }],
    ['only undefined', { a: undefined }],
    ['top scalar', 'text'],
    ['top array', [{ a: 1 }, [2, 3], 'x']],
    ['arrays in objects in arrays', { a: { b: { c: [{ d: [1, { e: [] }] }, null] } } }],
    ['long arrays in chunks', { orgs: Array.from({ length: 2500 }, (_, i) => ({ code: `D${i}`, months: { '2011-04': { count: i % 5 } } })) }],
    [
      'mapped as written',
      {
        a: new Mapped(
          Array.from({ length: 2500 }, (_, i) => i),
          (i) => ({ i, sq: [i * i] }),
        ),
        b: new Mapped([], (x) => x),
        c: [new Mapped([1], (x) => x + 1)],
      },
    ],
    ['long nested array', { a: { b: Array.from({ length: 1001 }, (_, i) => [i, { x: i }]) } }],
  ];
  for (const [name, v] of cases)
    it(`${name}: reads as JSON.stringify(v, null, 2)`, () => {
      expect(text(v)).toBe(JSON.stringify(v, null, 2));
    });

  it('writes a mapped list as the array it maps to', () => {
    const list = Array.from({ length: 2500 }, (_, i) => ({ n: i }));
    expect(text({ list: new Mapped(list, (x) => ({ m: x.n + 1 })) })).toBe(JSON.stringify({ list: list.map((x) => ({ m: x.n + 1 })) }, null, 2));
  });

  it('joins pieces into writes of about the asked size', () => {
    const chunks = [...batched(['ab', 'cd', 'ef', 'g'], 4)];
    expect(chunks).toEqual(['abcd', 'efg']);
  });
});
