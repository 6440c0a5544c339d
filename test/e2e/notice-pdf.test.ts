// The Word notice through a client nobody here wrote: LibreOffice converts it
// to PDF, whose text says what the notice says, and the first page is left as
// a PNG in test-output/notice/ for a person to look at.
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { EXAMPLES, ROOT, cxzy, tmp } from '../helpers.js';

const SOFFICE = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
if (!SOFFICE && process.env.CXZY_REQUIRE_OFFICE) throw new Error('soffice is missing; install it with: apt-get install libreoffice-writer-nogui');
const OUT = join(ROOT, 'test-output', 'notice');
const OFFICE = 'office:\n  name: 中共示范县委创先争优活动领导小组办公室\n  area: 示范县\n  number_prefix: 县创争办\n';
const SECTIONS = ['一、总体情况', '二、信息报送', '三、公开承诺', '四、分类定级', '五、积分评星', '六、工作要求'];
const ATTACHMENTS = ['信息报送完成情况', '公开承诺情况', '分类定级情况', '积分评星情况'];

it.skipIf(!SOFFICE)('the Word notice opens in LibreOffice, whose PDF says the same, and leaves its first page as a PNG', { timeout: 180_000 }, async () => {
  const dir = tmp();
  const run = (args: string[]) => cxzy([...args, '--db', join(dir, 'cxzy.db')], { cwd: dir });
  expect((await run(['import', EXAMPLES, '-q'])).code).toBe(0);
  writeFileSync(join(dir, 'cxzy.rules.yaml'), OFFICE);
  const file = join(dir, '六月通报.docx');
  expect((await run(['report', '--number', '6', '--date', '2011-07-05', '--out', file])).code).toBe(0);
  mkdirSync(OUT, { recursive: true });
  const profile = tmp();
  const r = spawnSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', OUT, file], {
    encoding: 'utf8',
    timeout: 150_000,
  });
  expect(r.status, r.stderr).toBe(0);
  const pdf = join(OUT, '六月通报.pdf');
  const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
  const said = [
    '中共示范县委创先争优活动领导小组办公室',
    '县创争办〔2011〕6号',
    '关于2011年6月创先争优活动开展情况的通报',
    ...SECTIONS,
    ...ATTACHMENTS,
    '2011年7月5日',
  ];
  for (const s of said) expect(text).toContain(s);
  expect(text).not.toMatch(/\.yaml/);
  const png = join(OUT, 'notice-page1');
  expect(spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, png]).status).toBe(0);
  expect(statSync(`${png}.png`).size).toBeGreaterThan(5_000);
});
