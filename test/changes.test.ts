// The dry run's change list on a terminal: every change up to 2,000; past
// them, the first five per org and section, with counts and a pointer to the
// JSON, which lists every one.
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { changeLines } from '../src/render/changes.js';
import type { Change } from '../src/store/changes.js';

const plain = new Chalk({ level: 0 });
const inserted = (org: string, i: number): Change => ({
  section: 'reports',
  key: `${org}|2011-05-01|第${i}条`,
  action: 'inserted',
  fields: [],
  file: `${org}.yaml`,
  line: i + 2,
  org,
  label: null,
});

describe('the change list', () => {
  it('lists every change up to 2,000', () => {
    const changes = Array.from({ length: 2000 }, (_, i) => inserted(`D${i % 40}`, i));
    const lines = changeLines('zh', changes, new Map(), plain);
    expect(lines.filter((l) => l.startsWith('    + 新增 '))).toHaveLength(2000);
    expect(lines.join('\n')).not.toContain('另有');
  });

  it('past 2,000, cuts each list with a count and says how to see every change', () => {
    const changes = Array.from({ length: 2001 }, (_, i) => inserted(`D${String(i % 30).padStart(2, '0')}`, i));
    const lines = changeLines('zh', changes, new Map(), plain);
    expect(lines.filter((l) => l.startsWith('    + 新增 '))).toHaveLength(20 * 5);
    expect(lines).toContain('    ……另有 62 条');
    expect(lines).toContain('……另有 10 个组织的 661 条变更未列出；用 --format json 可查看全部');
    expect(lines.at(-1)).toBe('共 2001 条变更，终端上只列每个组织每个数据段的前 5 条；加 --format json 列出全部');
  });
});
