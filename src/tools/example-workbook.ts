// node dist/tools/example-workbook.js — makes examples/2011Q2/D0202-2011Q2.xlsx,
// one branch's quarter as it comes back from the template: the template
// pre-filled for D0202 and 2011Q2, filled in with D0202's 2011Q2 records from
// the YAML examples, which then make way for it (each of their lines becomes
// a comment, so every other record keeps its line). Run once; the workbook is
// committed.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { main } from '../cli/main.js';
import { exportRecords } from '../store/export.js';
import { templateXlsx } from '../render/views/template.js';
import { labelOf } from '../render/formats/workbook.js';
import { loadExcel } from '../read/workbook/excel.js';
import { SECTION_DEFS, SECTION_LIST } from '../core/sections.js';
import { DEDUCTIONS_SHEET } from '../core/attached-sheets.js';
import { LEADS } from '../core/model.js';
import { defaultRules } from '../core/rules.js';

const ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));
const EXAMPLES = join(ROOT, 'examples');
const BRANCH = 'D0202';
const PERIOD = '2011Q2';
const OUT = join(EXAMPLES, PERIOD, `${BRANCH}-${PERIOD}.xlsx`);

const db = join(ROOT, 'test-output', 'example-workbook.db');
if (existsSync(OUT)) throw new Error(`${OUT} is already made: its records are no longer in the YAML`);
rmSync(db, { force: true });
const quiet = { write: () => undefined, isTTY: false };
if ((await main(['import', EXAMPLES, '--db', db, '-q'], { stdout: quiet, stderr: quiet, env: {}, cwd: ROOT })) !== 0)
  throw new Error('the examples do not import');
const conn = new Database(db, { readonly: true });
const r = exportRecords(conn, { org: BRANCH, period: PERIOD, ancestors: false });
// The sections a quarter's document holds records of, by their quarter column (members' is their statement's `since`).
const quarterly = SECTION_LIST.filter((t) => t.document === 'quarter' && t.period === 'period').map((t) => t.section);
const sources = quarterly.flatMap(
  (s) =>
    conn
      .prepare(
        `SELECT src_file, src_line FROM ${s} WHERE src_file LIKE '%.yaml' AND ${s === 'points' ? `member IN (SELECT id FROM members WHERE org = ?)` : 'org = ?'} AND period = ?`,
      )
      .raw()
      .all(BRANCH, PERIOD) as [string, number][],
);
conn.close();

// The template as the office sends it, filled in as the branch would.
const Excel = await loadExcel();
const wb = new Excel.Workbook();
const branch = r.orgs.find((o) => o.code === BRANCH)!;
const members = r.members.filter((m) => m.org === BRANCH && m.active);
await wb.xlsx.load(
  (await templateXlsx({
    maxPoints: defaultRules().stars.max_points,
    period: PERIOD,
    orgs: [],
    members: [],
    reviewOrgs: [branch],
    pointsMembers: members,
    problems: [],
  })) as never,
);
const column = (sheet: string, field: string) => SECTION_DEFS[sheet as 'reviews'].sheet.columns.findIndex((c) => c.field === field) + 1;
const reviews = wb.getWorksheet(SECTION_DEFS.reviews.sheet.label)!;
for (const v of r.reviews) {
  const put = (field: string, value: unknown) => (reviews.getCell(2, column('reviews', field)).value = value as never);
  put('self', v.self);
  put('masses.satisfied', v.masses.satisfied);
  put('masses.basic', v.masses.basic);
  put('masses.unsatisfied', v.masses.unsatisfied);
  put('superior', v.superior);
  if (v.commentary) {
    put('commentary.date', new Date(`${v.commentary.date}T00:00:00Z`));
    put('commentary.by', v.commentary.by);
    put('commentary.text', v.commentary.text);
  }
}
const points = wb.getWorksheet(SECTION_DEFS.points.sheet.label)!;
const deductions = wb.getWorksheet(DEDUCTIONS_SHEET.label)!;
let d = 2;
for (const p of r.points) {
  const row = members.findIndex((m) => m.id === p.member) + 2;
  for (const lead of LEADS) points.getCell(row, column('points', lead)).value = p[lead];
  if (p.masses) for (const k of ['satisfied', 'basic', 'unsatisfied'] as const) points.getCell(row, column('points', `masses.${k}`)).value = p.masses[k];
  for (const x of p.deductions)
    deductions.getRow(d++).values = [PERIOD, p.member, labelOf(DEDUCTIONS_SHEET, 'dimension', x.dimension), x.points, x.reason] as never;
}
const reports = wb.getWorksheet(SECTION_DEFS.reports.sheet.label)!;
r.reports.forEach(
  (x, i) =>
    (reports.getRow(i + 2).values = [
      x.id ?? undefined,
      x.org,
      new Date(`${x.date}T00:00:00Z`),
      x.title,
      labelOf(SECTION_DEFS.reports.sheet, 'adopted', x.adopted),
      branch.name,
    ] as never),
);
const typicals = wb.getWorksheet(SECTION_DEFS.typicals.sheet.label)!;
r.typicals.forEach((x, i) => (typicals.getRow(i + 2).values = [x.id ?? undefined, x.org, new Date(`${x.date}T00:00:00Z`), x.title, branch.name] as never));
for (const ws of [reports, typicals]) ws.getColumn(3).numFmt = 'yyyy-mm-dd';
await wb.xlsx.writeFile(OUT);

// The YAML makes way: each of the branch's records becomes comment lines, the rest keep their lines.
const byFile = new Map<string, number[]>();
for (const [file, line] of sources) byFile.set(file, [...(byFile.get(file) ?? []), line]);
for (const [file, lines] of byFile) {
  const path = resolve(ROOT, file);
  const text = readFileSync(path, 'utf8').split('\n');
  for (const start of lines) {
    let end = start;
    while (end < text.length && !/^ {2}- /.test(text[end]) && /^ {4}|^\s*$/.test(text[end])) end++;
    for (let i = start - 1; i < end; i++) text[i] = i === start - 1 ? `  # ${BRANCH} 的这条记录改由工作簿 ${BRANCH}-${PERIOD}.xlsx 报送` : '  #';
  }
  writeFileSync(path, text.join('\n'));
}
process.stdout.write(`wrote ${OUT}; ${sources.length} records made way in ${byFile.size} YAML files\n`);
