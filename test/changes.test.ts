// The dry run's change list on a terminal: every change, however many; past
// --limit N, the first five per org and section, with counts and a pointer to
// the JSON, which lists every one.
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { changeLines } from '../src/render/views/changes.js';
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
  it('lists every change, however many', () => {
    const changes = Array.from({ length: 5000 }, (_, i) => inserted(`D${i % 40}`, i));
    const lines = changeLines('zh', changes, new Map(), plain);
    expect(lines.filter((l) => l.startsWith('    + 新增 '))).toHaveLength(5000);
    expect(lines.join('\n')).not.toContain('另有');
    expect(changeLines('zh', changes, new Map(), plain, 5000).filter((l) => l.startsWith('    + 新增 '))).toHaveLength(5000);
  });

  it('past --limit, cuts each list with a count and says how to see every change', () => {
    const changes = Array.from({ length: 2001 }, (_, i) => inserted(`D${String(i % 30).padStart(2, '0')}`, i));
    const lines = changeLines('zh', changes, new Map(), plain, 2000);
    expect(lines.filter((l) => l.startsWith('    + 新增 '))).toHaveLength(20 * 5);
    expect(lines).toContain('    ……另有 62 条');
    expect(lines).toContain('……另有 10 个组织的 661 条变更未列出；用 --format json 可查看全部');
    expect(lines.at(-1)).toBe('共 2001 条变更，多于 --limit 2000，只列出每个组织每个数据段的前 5 条；去掉 --limit 或加 --format json 列出全部');
  });
});
