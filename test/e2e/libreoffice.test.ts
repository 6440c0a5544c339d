// Workbooks through a client nobody here wrote: LibreOffice Calc, headless,
// opens the template (filled in) and an export, saves them again as .xlsx,
// and the re-saved files import to the same rows.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cxzy, dump, files, tmp } from '../helpers.js';
import { OFFICE_YAML } from '../workbook-fixtures.js';
import { loadExcel } from '../../src/read/workbook/excel.js';

const SOFFICE = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
const available = SOFFICE !== '';
if (!available && process.env.CXZY_REQUIRE_OFFICE) throw new Error('soffice is missing; install it with: apt-get install libreoffice-calc-nogui');
if (!available) console.warn('skipping the LibreOffice round trips: soffice is missing (apt-get install libreoffice-calc-nogui)');

/** `files` opened and saved again as .xlsx by LibreOffice Calc; the re-saved copies' paths. */
function resave(paths: string[]): string[] {
  const out = tmp();
  const profile = tmp();
  const r = spawnSync(
    SOFFICE,
    [`-env:UserInstallation=file://${profile}`, '--headless', '--calc', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, ...paths],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(r.status, r.stderr).toBe(0);
  const saved = paths.map((p) => join(out, p.split('/').pop()!));
  for (const s of saved) expect(existsSync(s), `${s}: ${r.stdout}${r.stderr}`).toBe(true);
  return saved;
}

const RECORDS = ['orgs', 'members', 'pledges', 'reviews', 'points', 'reports', 'typicals'];
function rows(db: string) {
  const d = dump(db);
  return Object.fromEntries(RECORDS.map((t) => [t, (d[t] as Record<string, unknown>[]).map(({ src_file, src_line, src_sheet, gen, ...rest }) => rest)]));
}

describe.skipIf(!available)('workbooks re-saved by LibreOffice', () => {
  it('an export and a filled-in template, re-saved, import to the same rows as before', { timeout: 180_000 }, async () => {
    const dir = files(OFFICE_YAML);
    await cxzy(['import', 'orgs.yaml', '-q'], { cwd: dir });
    // A template pre-filled and filled in, as a branch would.
    expect((await cxzy(['template', '--out', 'W01.xlsx', '--org', 'W01', '--period', '2011Q2'], { cwd: dir })).code).toBe(0);
    const Excel = await loadExcel();
    const wb = new Excel.Workbook();
    await wb.xlsx.readFile(join(dir, 'W01.xlsx'));
    const reviews = wb.getWorksheet('季度测评')!;
    for (const r of [2, 3])
      for (const [c, v] of [
        [3, 90],
        [4, 40],
        [5, 2],
        [6, 1],
        [7, 87.5],
        [10, new Date('2011-06-20T00:00:00Z')],
        [11, '许长青'],
        [12, '工作扎实'],
      ] as const)
        reviews.getCell(r, c).value = v;
    const points = wb.getWorksheet('党员积分')!;
    for (const r of [2, 3, 4]) for (const c of [3, 4, 5, 6, 7]) points.getCell(r, c).value = 16 + r;
    await wb.xlsx.writeFile(join(dir, 'filled.xlsx'));
    const first = await cxzy(['import', 'filled.xlsx'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    expect((await cxzy(['export', '--out', 'all.xlsx'], { cwd: dir })).code).toBe(0);

    const out = join(dir, 'lo');
    mkdirSync(out);
    for (const f of ['filled.xlsx', 'all.xlsx']) copyFileSync(join(dir, f), join(out, f));
    const [filled, all] = resave([join(out, 'filled.xlsx'), join(out, 'all.xlsx')]);
    // The re-saved template imports to the same rows as the one exceljs wrote.
    expect((await cxzy(['import', 'orgs.yaml', '--db', 'a.db', '-q'], { cwd: dir })).code).toBe(0);
    expect((await cxzy(['import', filled, '--db', 'a.db', '-q'], { cwd: dir })).code).toBe(0);
    expect(rows(join(dir, 'a.db'))).toEqual(rows(join(dir, 'cxzy.db')));
    // So does the re-saved export, into an empty database.
    const r = await cxzy(['import', all, '--db', 'b.db', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).warnings).toEqual([]);
    expect(rows(join(dir, 'b.db'))).toEqual(rows(join(dir, 'cxzy.db')));
    // The template's checks survive the round trip: a dropdown and a range check.
    const back = new Excel.Workbook();
    await back.xlsx.readFile(filled);
    expect(back.getWorksheet('组织')!.getCell('C5').dataValidation).toMatchObject({ type: 'list' });
    expect(back.getWorksheet('党员积分')!.getCell('C9').dataValidation).toMatchObject({ type: 'decimal' });
  });
});
