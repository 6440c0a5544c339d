import { describe, expect, it } from 'vitest';
import { renderTable } from '../src/render/table.js';

describe('plain-text tables', () => {
  it('aligns by display width: a Chinese character takes two columns', () => {
    const out = renderTable(['党员', 'name', 'n'], [['M1', '张三', '5'], ['M22', 'Li', '12'], ['M3', '★★★', '0']], ['left', 'left', 'right']);
    expect(out.split('\n')).toEqual([
      '党员  name   n',
      '────  ────  ──',
      'M1    张三   5',
      'M22   Li    12',
      'M3    ★★★    0',
    ]);
  });

  it('takes a city of members (hundreds of thousands of rows) without overflowing the stack', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => [`M${i}`, i % 2 ? '张三' : 'Li']);
    const lines = renderTable(['党员', '姓名'], rows).split('\n');
    expect(lines).toHaveLength(300_002);
    expect(lines.at(-1)).toBe('M299999  张三');
  });
});
