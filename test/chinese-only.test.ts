// Chinese only in Chinese output (issue 21): the messages of every kind of
// mistake, from YAML files and from workbooks, name fields as the sheets do
// (自评, 所在支部), never by their YAML keys (self, org). The keys a YAML
// file holds show in a diagnostic's path and source line, not in its words.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { SECTION_LIST } from '../src/core/sections.js';
import { ATTACHED_SHEETS } from '../src/core/attached-sheets.js';
import { cxzy, files } from './helpers.js';
import { OFFICE_SHEETS, workbook } from './workbook-fixtures.js';

/** Every field key a record or a list item has, and the sections' own names. */
const KEYS = new Set(
  [
    ...SECTION_LIST.flatMap((s) => [s.section, ...s.columns.flatMap((c) => (c.field ? c.field.split('.') : []))]),
    ...ATTACHED_SHEETS.map((a) => a.field),
  ].filter((k) => /^[a-z_]+$/.test(k)),
);
const keyIn = (text: string) => [...KEYS].find((k) => new RegExp(`(^|[^A-Za-z_])${k}($|[^A-Za-z_])`).test(text)) ?? null;

const YAML = {
  'orgs.yaml': `orgs:
  - {code: W01, name: 城关镇党委, type: committee, category: agency}
  - {code: D01, name: 红湾, type: branch, parent: W01, category: community}
  - {code: D02, type: branch, parent: W09, category: 不知道}
members:
  - {id: M1, name: 张三, org: D01, role: member}
  - {id: M2, name: 李四, org: D01}
  - {id: M3, name: 王五, org: D01, role: member, active: 也许}
pledges:
  - {id: P1, owner: D01, kind: 个人承诺, standard: 标准, content: 办实事, made: "2011-02-01", due: "2011-01-01", status: fulfilled}
  - {id: P2, owner: M1, kind: annual, standard: feedback, content: 走访, made: "2011-02-30", due: "2011-12-31", status: in_progress, evaluation: {satisfied: -1, basic: 0, unsatisfied: 0}}
`,
  'q1.yaml': `period: 2011Q1
reviews:
  - {org: D01, self: 190, masses: {satisfied: 40, basic: 5}, superior: 85, commentary: {date: "2011-04-10"}}
  - {org: D01, self: 80, masses: {satisfied: 40, basic: 5, unsatisfied: 1}, superior: 85}
points:
  - {member: M1, study: 25, excel: 19, service: 18, discipline: 20, integrity: 19, deductions: [{dimension: 正气, points: 3}]}
  - {member: M9, study: 19, excel: 19, service: 18, discipline: 20}
reports:
  - {org: D01, date: "2011-05-01", title: 季度外, adopted: 省级}
typicals:
  - {org: D01, title: 没有日期}
problems:
  - {id: Q1, org: D01, found: "2011-03-01", source: 不知道, content: 问题, measures: 措施, due: "2011-02-01", status: closed}
`,
};

describe('Chinese output names no field by its YAML key', () => {
  it('in the messages of YAML files with every kind of mistake, and of workbooks', async () => {
    const dir = files(YAML);
    const bad = OFFICE_SHEETS.map((s) =>
      s.name === '党员积分' ? { ...s, rows: [s.rows[0].slice(0, 5), ...s.rows.slice(1).map((r) => [...r.slice(0, 3), 25, 'x'])] } : s,
    );
    await workbook(join(dir, 'D01.xlsx'), bad);
    const messages: string[] = [];
    for (const args of [['q1.yaml', 'orgs.yaml'], ['orgs.yaml'], ['D01.xlsx']]) {
      const r = await cxzy(['validate', ...args, '--format', 'json'], { cwd: dir });
      const json = JSON.parse(r.stdout) as { errors: { message: string }[]; warnings: { message: string }[] };
      messages.push(...json.errors.map((e) => e.message), ...json.warnings.map((w) => w.message));
    }
    expect(messages.length).toBeGreaterThan(15);
    const english = messages.flatMap((m) => (keyIn(m) ? [`${keyIn(m)}: ${m}`] : []));
    expect(english).toEqual([]);
  });
});
