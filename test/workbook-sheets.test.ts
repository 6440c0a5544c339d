// No silent drop (issue 21): every sheet of every fixture workbook is either
// read (its rows counted under a section) or named in a warning; only the
// sheets that hold no records (填表说明, an annotated copy's 错误清单) pass
// quietly, as SPEC §1 says.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { cxzy, EXAMPLES, files, SHEET_LABELS } from './helpers.js';
import { OFFICE_SHEETS, workbook, type SheetSpec } from './workbook-fixtures.js';
import { openWorkbook } from '../src/read/workbook/open.js';
import { ATTACHED_SHEETS } from '../src/core/attached-sheets.js';

/** Sheets that hold no records, passed over without a word. */
const QUIET = new Set(['填表说明', '说明', '错误清单', 'errors']);

const points = OFFICE_SHEETS.find((s) => s.name === '党员积分')!;
const reports = OFFICE_SHEETS.find((s) => s.name === '信息报送')!;
/** The office's workbook with the sheets branches add: a renamed section, a copy by headers, a draft, notes, an empty sheet, a hidden one. */
const ODD: SheetSpec[] = [
  ...OFFICE_SHEETS.filter((s) => s.name !== '信息报送' && s.name !== '党员积分'),
  { ...reports, name: '信息报送（二季度）' },
  { ...points, name: 'Sheet1' },
  { name: '旧草稿', hidden: true, rows: reports.rows },
  { name: '备注', rows: [['本表由支部书记填写'], ['联系电话 12345']] },
  { name: 'Sheet3', rows: [] },
];

/** Each sheet of the workbook: its name, whether hidden, whether it holds anything. */
async function sheetsOf(path: string): Promise<{ name: string; hidden: boolean; empty: boolean }[]> {
  const out: { name: string; hidden: boolean; empty: boolean }[] = [];
  for await (const ws of openWorkbook(path)) {
    let empty = true;
    for await (const row of ws.rows()) if (row.values.some((v) => v !== null && v !== undefined && String(v).trim() !== '')) empty = false;
    out.push({ name: ws.name, hidden: ws.state !== 'visible', empty });
  }
  return out;
}

/**
 * Imports `file` (in `dir`) into a database of its own and says what became
 * of each sheet: read, named in a warning, or passed over — as a sheet of
 * instructions, an empty one, or a hidden one that holds no section's records.
 */
async function fate(dir: string, file: string): Promise<Record<string, string>> {
  const db = join(dir, `${file}.db`);
  const r = await cxzy(['import', file, '--db', db, '--format', 'json'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  const warnings = JSON.parse(r.stdout).warnings as { file: string; sheet?: string; message: string }[];
  const d = new Database(db, { readonly: true });
  const summary = d.prepare('SELECT summary FROM files WHERE path = ?').pluck().get(file) as string;
  // A sheet of list items (积分扣减 to points): read when its records hold items.
  const itemsOf = (a: (typeof ATTACHED_SHEETS)[number]) =>
    (d.prepare(`SELECT COUNT(*) FROM ${a.section} WHERE ${a.field} NOT IN ('[]', '')`).pluck().get() as number) > 0;
  const attached = new Map(ATTACHED_SHEETS.map((a) => [a.sheet.label, itemsOf(a)]));
  d.close();
  // What the import kept of the file: per section, the layout of the sheet it was read from.
  const sections = (JSON.parse(summary) as { sheets?: Record<string, { sheet: string }> }).sheets ?? {};
  const read = new Set([...Object.values(sections).map((l) => l.sheet), ...[...attached].flatMap(([label, has]) => (has ? [label] : []))]);
  const out: Record<string, string> = {};
  for (const sheet of await sheetsOf(join(dir, file))) {
    const named = warnings.some((w) => w.file === file && (w.sheet === sheet.name || w.message.includes(`“${sheet.name}”`)));
    const passed = QUIET.has(sheet.name) ? 'instructions' : sheet.empty ? 'empty' : sheet.hidden ? 'hidden list' : 'DROPPED';
    out[sheet.name] = read.has(sheet.name) ? (named ? 'read, said' : 'read') : named ? 'named' : passed;
  }
  return out;
}

describe('no sheet dropped in silence', () => {
  it('the office’s workbook, and one with the sheets branches add: each sheet read or named', async () => {
    const dir = files({});
    await workbook(join(dir, 'office.xlsx'), OFFICE_SHEETS);
    await workbook(join(dir, 'odd.xlsx'), ODD);
    expect(await fate(dir, 'office.xlsx')).toEqual({
      填表说明: 'instructions',
      组织: 'read',
      党员: 'read',
      季度测评: 'read',
      党员积分: 'read',
      积分扣减: 'read',
      信息报送: 'read',
      下拉选项: 'hidden list',
    });
    const odd = await fate(dir, 'odd.xlsx');
    expect(Object.values(odd)).not.toContain('DROPPED');
    expect(odd).toMatchObject({ '信息报送（二季度）': 'read', Sheet1: 'read, said', 旧草稿: 'named', 备注: 'named', Sheet3: 'empty' });
  });

  it('the example branch workbook', async () => {
    const dir = files({ 'orgs.yaml': '' });
    const r = await cxzy(['import', join(EXAMPLES, 'orgs.yaml'), join(EXAMPLES, 'members.yaml'), '-q'], { cwd: dir });
    expect(r.code).toBe(0);
    const book = join(EXAMPLES, '2011Q2', 'D0202-2011Q2.xlsx');
    const out = await cxzy(['validate', book, '--format', 'json'], { cwd: dir });
    const warnings = JSON.parse(out.stdout).warnings as { sheet?: string; message: string }[];
    const expected = new Set(SHEET_LABELS);
    for (const { name, empty } of await sheetsOf(book)) {
      const ok = expected.has(name) || QUIET.has(name) || empty || warnings.some((w) => w.sheet === name || w.message.includes(`“${name}”`));
      expect(ok, name).toBe(true);
    }
  });
});
