// Figures in running text as an office writes them (SPEC §3), in both
// languages: one formatting function and the checks that every sentence of the
// bulletin is held to (e2e-bulletin runs them over the printed notice).
import { describe, expect, it } from 'vitest';
import { type Figure, figure, proseFaults } from '../src/render/i18n/figures.js';

const NINE = [
  '红湾社区党支部',
  '柳林村党支部',
  '石桥村党支部',
  '卫生院党支部',
  '中心学校党支部',
  '财政局党支部',
  '民政局党支部',
  '人民医院党支部',
  '第一中学党支部',
];

describe('figure', () => {
  it.each<[string, Figure, string, string]>([
    ['a count', { n: 25, unit: 'org' }, '25个', '25 organisations'],
    ['one', { n: 1, unit: 'branch' }, '1个', '1 branch'],
    ['members', { n: 75312, unit: 'member' }, '75312名', '75,312 members'],
    ['pledges', { n: 0, unit: 'pledge' }, '0项', '0 pledges'],
    ['items', { n: 3, unit: 'item' }, '3条', '3 items'],
    ['points', { n: 36, unit: 'point' }, '36分', '36 points'],
    ['a part of a whole', { part: 18, whole: 25, unit: 'org' }, '25个中的18个', '18 of 25 organisations'],
    ['members of all', { part: 60, whole: 171, unit: 'member' }, '171名中的60名', '60 of 171 members'],
    ['one name', { names: ['许三湾镇党委'], unit: 'committee', max: 10 }, '许三湾镇党委', '许三湾镇党委'],
    ['three names', { names: ['甲', '乙', '丙'], unit: 'org', max: 10 }, '甲、乙、丙', '甲, 乙 and 丙'],
    ['every name when they fit', { names: NINE, unit: 'branch', max: 9 }, NINE.join('、'), `${NINE.slice(0, 8).join(', ')} and ${NINE[8]}`],
    [
      'a selection, said to be one',
      { names: NINE, unit: 'branch', max: 2 },
      '共9个，其中有红湾社区党支部、柳林村党支部等',
      '9 in all, among them 红湾社区党支部 and 柳林村党支部',
    ],
  ])('%s', (_, f, zh, en) => {
    expect(figure('zh', f)).toBe(zh);
    expect(figure('en', f)).toBe(en);
    expect(proseFaults('zh', `有关情况：${figure('zh', f)}。`)).toEqual([]);
    expect(proseFaults('en', `Found: ${figure('en', f)}.`)).toEqual([]);
  });
});

describe('proseFaults', () => {
  it.each<['zh' | 'en', string, string[]]>([
    ['zh', '示范县现有党组织25个（党委6个、党支部19个），党员171名。', []],
    ['zh', '示范县现有党组织 25 个。', ['space']],
    ['zh', '党员171 名。', ['space']],
    ['zh', '作出承诺的组织18/25个（72.0%）。', ['fraction']],
    ['zh', '本季度截至本月，2个党委中有0个培树典型达到1个。', ['zero']],
    ['zh', '本季度截至本月，2个党委培树典型均未达到1个。', []],
    ['zh', '好14个、较好7个、一般2个、差0个。', []],
    ['zh', '满意率合计100.0%。', []],
    ['zh', '标杆支部：甲、乙、丙等4个。', ['list']],
    ['zh', '标杆支部：甲、乙、丙等3个。', []],
    ['zh', '标杆支部共9个，其中有甲、乙等。', []],
    ['en', '18 of 25 organisations (72.0%) have a pledge.', []],
    ['en', '18/25 orgs (72.0%) have a pledge.', ['fraction']],
    ['en', 'This quarter, 0 of 2 committees have raised 1 typical.', ['zero']],
    ['en', '0 committees have raised 1 typical.', ['zero']],
    ['en', 'Benchmark branches: A, B and others (9 in all).', ['list']],
    ['en', 'Benchmark branches: 9 in all, among them A and B.', []],
  ])('%s: %s', (lang, text, faults) => {
    expect(proseFaults(lang, text)).toEqual(faults);
  });
});
