import { describe, expect, it } from 'vitest';
import { batched, jsonPieces, jsonText, Later, Listed, runPieces, Written } from '../src/render/formats/json.js';
import { emit } from '../src/cli/output.js';
import type { Ctx } from '../src/cli/context.js';

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
        a: new Listed(
          Array.from({ length: 2500 }, (_, i) => i),
          (i) => ({ i, sq: [i * i] }),
        ),
        b: new Listed([], (x) => x),
        c: [new Listed([1], (x) => x + 1)],
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
    expect(text({ list: new Listed(list, (x) => ({ m: x.n + 1 })) })).toBe(JSON.stringify({ list: list.map((x) => ({ m: x.n + 1 })) }, null, 2));
  });

  it('walks a list made as it is read once, and makes what follows it only when reached', () => {
    // A rating's members come from a generator; its verdicts rest on every member having been rated.
    let rated = 0;
    function* members() {
      for (let i = 0; i < 2345; i++) {
        rated++;
        yield { member: `M${i}`, red: i % 7 === 0 };
      }
    }
    const made: number[] = [];
    const v = {
      members: new Listed(members(), (m) => ({ ...m, tag: '引号"' })),
      reds: new Later(() => {
        made.push(rated);
        return { n: rated, none: [] };
      }),
      last: new Later(() => null),
    };
    const expected = {
      members: Array.from({ length: 2345 }, (_, i) => ({ member: `M${i}`, red: i % 7 === 0, tag: '引号"' })),
      reds: { n: 2345, none: [] },
      last: null,
    };
    expect(text(v)).toBe(JSON.stringify(expected, null, 2));
    expect(made).toEqual([2345]);
  });

  it('writes a long list no faster than a slow reader takes it, and every byte of it', async () => {
    const list = Array.from({ length: 20_000 }, (_, n) => ({ n, name: `党员${n}` }));
    let out = '';
    let waiting = 0;
    let most = 0;
    const stdout = {
      isTTY: false,
      write: (s: string | Uint8Array) => {
        out += s;
        waiting += s.length;
        most = Math.max(most, waiting);
      },
      // The reader takes what was written a turn of the event loop later.
      drained: () =>
        new Promise<void>((ok) =>
          setImmediate(() => {
            waiting = 0;
            ok();
          }),
        ),
    };
    const view = {
      data: () => ({ members: new Listed(list, (m) => m) }),
      doc: () => {
        throw new Error('JSON is made from the data alone');
      },
    };
    await emit({ stdout } as unknown as Ctx, 'json', undefined, view);
    expect(out).toBe(`${JSON.stringify({ members: list }, null, 2)}\n`);
    expect(out.length).toBeGreaterThan(10 * 65536);
    expect(most).toBeLessThan(2 * 65536);
  });

  it('writes a list made in runs (each as another thread writes it, escaped) as the one list, some runs empty', () => {
    const list = Array.from({ length: 1234 }, (_, i) => ({ member: `M${i}`, name: i % 9 ? `党员${i}` : `\u202e反转${i}`, scores: { a: i / 3 } }));
    const cuts = [0, 0, 1, 250, 251, 251, 900, 1234, 1234];
    const runs = cuts.slice(1).map((end, i) => [...runPieces(list.slice(cuts[i], end), '    ')]);
    const whole = { a: { members: list, n: 1 } };
    const expected = `${JSON.stringify(whole, null, 2).replace(/\u202e/g, '\\u202e')}\n`;
    expect([...jsonText({ a: { members: new Written(runs, '    '), n: 1 } })].join('')).toBe(expected);
    // Runs made as they are written here read the same; a list of no runs, or of empty runs, is [].
    const lazy = cuts.slice(1).map((end, i) => runPieces(list.slice(cuts[i], end), '    '));
    expect([...jsonText({ a: { members: new Written(lazy, '    '), n: 1 } })].join('')).toBe(expected);
    expect(text({ x: new Written([[], []], '  ') })).toBe(JSON.stringify({ x: [] }, null, 2));
    expect(() => text({ x: { y: new Written([], '  ') } })).toThrow(/placed at/);
  });

  it('joins pieces into writes of about the asked size', () => {
    const chunks = [...batched(['ab', 'cd', 'ef', 'g'], 4)];
    expect(chunks).toEqual(['abcd', 'efg']);
  });
});
