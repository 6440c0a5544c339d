// The supervision notices (督办通知单) through a client nobody here wrote:
// LibreOffice prints them one supervised problem a page, each with its
// office number, problem and receipt slip.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { EXAMPLES, ROOT, cxzy, tmp } from '../helpers.js';

const SOFFICE = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
if (!SOFFICE && process.env.CXZY_REQUIRE_OFFICE) throw new Error('soffice is missing; install it with: apt-get install libreoffice-writer-nogui');
const OUT = join(ROOT, 'test-output', 'ledger');

const problem = (id: string, org: string, due: string, content: string) =>
  `  - {id: ${id}, org: ${org}, found: "2011-04-01", source: inspection, content: ${content}, measures: 制定整改方案，逐项落实, owner: 支部书记, due: "${due}", status: open}\n`;

it.skipIf(!SOFFICE)('the notices print one supervised problem a page, each numbered, with its receipt', { timeout: 180_000 }, async () => {
  const dir = tmp();
  writeFileSync(
    join(dir, 'ledger.yaml'),
    `problems:\n${problem('ZG-1', 'D0101', '2011-05-10', '三会一课记录不全')}${problem('ZG-2', 'D0102', '2011-05-20', '党员活动室长期闭锁')}${problem('ZG-3', 'D0201', '2011-06-20', '公开栏未更新')}${problem('ZG-4', 'D0301', '2011-04-30', '民主评议未开展')}`,
  );
  writeFileSync(join(dir, 'cxzy.rules.yaml'), 'office:\n  name: 中共示范县委创先争优活动领导小组办公室\n  number_prefix: 县创争办\n');
  const run = (args: string[]) => cxzy([...args, '--db', join(dir, 'cxzy.db')], { cwd: dir });
  expect((await run(['import', EXAMPLES, 'ledger.yaml', '-q'])).code).toBe(0);
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, '督办通知单.docx');
  const r = await run(['ledger', '--period', '2011Q2', '--out', file]);
  expect(r.code, r.stderr).toBe(0);
  // ZG-3 is 10 days overdue at the quarter's end: not supervised.
  expect(r.stderr).toContain('已把 3 份督办通知单写入');
  const profile = tmp();
  const c = spawnSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', OUT, file], {
    encoding: 'utf8',
    timeout: 150_000,
  });
  expect(c.status, c.stderr).toBe(0);
  const pdf = join(OUT, '督办通知单.pdf');
  const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]);
  expect(pages).toBe(3);
  const expected = [
    ['ZG-1', '红湾社区党支部', '县创争办督〔2011〕1号'],
    ['ZG-2', '东关社区党支部', '县创争办督〔2011〕2号'],
    ['ZG-4', '河口村党支部', '县创争办督〔2011〕3号'],
  ];
  expected.forEach(([id, org, number], i) => {
    const page = spawnSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    for (const s of ['督办通知单', number, `${org}：`, `台账编号${id}`, '截至2011年6月30日', '回执', '中共示范县委创先争优活动领导小组办公室'])
      expect(page, `page ${i + 1}`).toContain(s);
  });
});
