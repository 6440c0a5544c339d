// How the terminal groups warnings (SPEC §3): past the warnings kept, none
// of any kind is left uncounted.
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { Diagnostics, type Diagnostic } from '../src/core/diagnostic.js';
import { formatDiagnostics } from '../src/render/views/diagnostics.js';

const noPoints = (i: number): Diagnostic => ({
  severity: 'warning',
  file: 'd.yaml',
  line: i + 1,
  col: 1,
  endCol: 1,
  source: null,
  path: null,
  code: 'no_points',
  msg: { id: 'no_points', params: { id: `M${i}`, name: `党员${i}`, org: 'D0101', period: '2011Q3' } },
});

describe('warnings in the terminal', () => {
  it('a branch’s line counts what was kept, and those past the cap are counted on a line of their own', () => {
    const diags = new Diagnostics(100, 4);
    for (let i = 0; i < 7; i++) diags.add(noPoints(i));
    const out = formatDiagnostics(diags, 'zh', new Chalk({ level: 0 })).split('\n');
    expect(out).toEqual([
      '警告  D0101 有 4 名在册党员在 2011Q3 没有积分记录：M0 党员0、M1 党员1、M2 党员2 等（加 --verbose 或 --format json 逐个列出）',
      '……同类警告（党员本季度没有积分记录）另有 3 条未列出；用 --format json 可查看全部',
    ]);
  });
});
