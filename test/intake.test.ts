// The quarter's loop in the browser, in process (src/web/intake.ts through
// the request handler): a year of drops — files with errors left out, a
// resubmission replaced, an import undone — each step's figures held equal to
// the command line's on the same files; and the guards: the token, the Origin,
// one import at a time, the budget, the names, serve --read-only.
import { beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import JSZip from 'jszip';
import { answer, type App, type Reply } from '../src/web/app.js';
import { hostsOf } from '../src/web/server.js';
import { Inbox } from '../src/web/archive.js';
import { MAX_DROP_BYTES, type Body } from '../src/web/upload.js';
import { defaultRules } from '../src/core/rules.js';
import { BASE, cxzy, files } from './helpers.js';
import { workbook } from './workbook-fixtures.js';

const HOST = '127.0.0.1:8017';
const ORIGIN = `http://${HOST}`;
const TOKEN = 'a'.repeat(48);

const review = (org: string, self: number) =>
  `period: 2011Q1\nreviews:\n  - org: ${org}\n    self: ${self}\n    masses: {satisfied: 40, basic: 5, unsatisfied: 1}\n    superior: 85\n`;

let dir: string;
let app: App;

/** A form with files, as a browser posts it. */
function multipart(fields: Record<string, string>, parts: { name: string; bytes: string | Buffer }[]) {
  const b = '----cxzytest';
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const p of parts)
    chunks.push(
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="files"; filename="${p.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      Buffer.from(p.bytes),
      Buffer.from('\r\n'),
    );
  chunks.push(Buffer.from(`--${b}--\r\n`));
  const body = Buffer.concat(chunks);
  return { type: `multipart/form-data; boundary=${b}`, length: body.length, stream: Readable.from([body]) };
}

const form = (fields: Record<string, string>) => {
  const body = Buffer.from(new URLSearchParams(fields).toString());
  return { type: 'application/x-www-form-urlencoded', length: body.length, stream: Readable.from([body]) };
};

/** A reply whole: a page sent as it is made (an import's) read to its end, as a browser shows it at last. */
async function whole(r: Reply): Promise<Reply> {
  if (typeof r.body === 'string' || Buffer.isBuffer(r.body)) return r;
  let text = '';
  for await (const part of r.body) text += part;
  return { ...r, body: text };
}

/** `origin` null: a request without one. */
const post = async (url: string, body: Body, origin: string | null = ORIGIN, a: App = app): Promise<Reply> =>
  whole(await answer(a, { method: 'POST', url, host: HOST, origin: origin ?? undefined, body }));
const get = (url: string, a: App = app) => answer(a, { method: 'GET', url, host: HOST });
const page = async (url: string) => {
  const r = await get(url);
  expect(r.status, String(r.body).slice(0, 2000)).toBe(200);
  return String(r.body);
};

/** Files dropped: the drop's id, from the address the page goes to. */
async function drop(parts: { name: string; bytes: string | Buffer }[]): Promise<string> {
  const r = await post('/intake', multipart({ token: TOKEN }, parts));
  expect(r.status, String(r.body).slice(0, 2000)).toBe(303);
  return /drop=([\d-]+)/.exec(r.headers.Location)![1];
}

const run = async (args: string[]) => {
  const r = await cxzy(args, { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};
/** A command's JSON without the times its imports ran (the two databases import a moment apart). */
const untimed = (text: string) => JSON.parse(text, (k, v) => (k === 'at' ? undefined : v));

/** The web view's figures and the command line's, each over its own database of the same files. */
async function sameFigures(): Promise<void> {
  for (const cmd of ['grade', 'status']) {
    const r = await get(`/${cmd}?format=json`);
    expect(r.status, String(r.body).split('<main>')[1]).toBe(200);
    expect(untimed(String(r.body)), cmd).toEqual(untimed(await run([cmd, '--db', 'cli.db', '--format', 'json'])));
  }
}

beforeEach(async () => {
  dir = files(BASE);
  for (const db of ['web.db', 'cli.db']) await run(['import', 'orgs.yaml', 'members.yaml', '--db', db, '-q']);
  app = {
    dbPath: join(dir, 'web.db'),
    dbName: 'web.db',
    lang: 'zh',
    rules: defaultRules,
    hosts: hostsOf('127.0.0.1', 8017),
    today: () => '2011-12-31',
    writer: { token: TOKEN, inbox: Inbox.of(join(dir, 'web.db')), busy: false },
  };
});

describe('the quarter in the browser', () => {
  it('takes a drop into the inbox, shows every error where it is, leaves out what is wrong, replaces a resubmission and undoes, as the command line does', async () => {
    const book = join(dir, 'book.xlsx');
    await workbook(book, [
      {
        name: '季度测评',
        rows: [
          ['季度', '组织编号', '自评', '满意', '基本满意', '不满意', '上级评定'],
          ['2011Q1', 'D02', '很好', 40, 5, 1, 85],
        ],
      },
    ]);
    const id = await drop([
      { name: 'q1/D01.yaml', bytes: review('D01', 90) },
      { name: 'D02.xlsx', bytes: readFileSync(book) },
      { name: 'notes.txt', bytes: 'not data' },
      { name: 'other/D01.yaml', bytes: review('D01', 90) },
    ]);
    // Kept as sent, in the quarter's folder, the second D01.yaml under a name of its own; the receipt says so.
    expect(readdirSync(join(dir, '收件箱', '2011Q1')).sort()).toEqual(['D01-2.yaml', 'D01.yaml', 'D02.xlsx']);
    expect(readFileSync(join(dir, '收件箱', '2011Q1', 'D01.yaml'), 'utf8')).toBe(review('D01', 90));
    const shown = await page(`/intake?drop=${id}`);
    expect(shown).toContain('notes.txt 不是 .xlsx 或 .yaml 文件，没有收下');
    expect(shown).toContain('已有同名文件：D01.yaml 另存为 收件箱/2011Q1/D01-2.yaml');
    // The workbook's error at its cell, as the terminal shows it; the two D01 files one error naming both.
    expect(shown).toMatch(/收件箱\/2011Q1\/D02\.xlsx:季度测评!C2 +错误/);
    expect(shown).toContain('D02.xlsx');
    expect(shown).toContain(`intake/copy?drop=${id}&amp;k=2`);
    expect(shown).toContain('name="skip"');

    // The file as it was sent, from the inbox.
    const kept = await get(`/intake/file?drop=${id}&k=0`);
    expect([kept.status, String(kept.body)]).toEqual([200, review('D01', 90)]);
    // The marked copy to send back: the branch's workbook with its error at the cell.
    const copy = await get(`/intake/copy?drop=${id}&k=2`);
    expect(copy.status).toBe(200);
    expect(copy.headers['Content-Disposition']).toContain("filename*=UTF-8''D02.xlsx");
    const z = await JSZip.loadAsync(copy.body as Buffer);
    const parts = await Promise.all(Object.values(z.files).map((f) => f.async('string')));
    expect(parts.join('\n')).toContain('很好');

    // Nothing written by a dry run; the import leaves out the files with errors, as import --skip-invalid.
    const dry = await post('/import', form({ token: TOKEN, drop: id, skip: '1', dry: '1' }));
    expect(String(dry.body)).toContain('预演：导入将做的改动（尚未写入）');
    expect(JSON.parse(await run(['log', '--db', 'web.db', '--format', 'json'])).imports).toHaveLength(1);
    const done = String((await post('/import', form({ token: TOKEN, drop: id, skip: '1', dry: '0' }))).body);
    expect(done).toContain('跳过 收件箱/2011Q1/D02.xlsx（1 个错误）');
    // Each file's reading said as it happened, before what the import did.
    expect(done.indexOf('已读 3/3 个文件')).toBeGreaterThan(0);
    expect(done.indexOf('已读 3/3 个文件')).toBeLessThan(done.indexOf('跳过 收件箱'));
    // The same files in the same order (the drop's), by the command.
    const sent = ['D01.yaml', 'D01-2.yaml', 'D02.xlsx'].map((f) => `收件箱/2011Q1/${f}`);
    expect((await cxzy(['import', ...sent, '--skip-invalid', '--db', 'cli.db', '-q'], { cwd: dir })).code).toBe(4);
    await sameFigures();

    // The branch corrects its workbook and D01 resends its review: a resubmission, replaced as the clerk chooses.
    await workbook(book, [
      {
        name: '季度测评',
        rows: [
          ['季度', '组织编号', '自评', '满意', '基本满意', '不满意', '上级评定'],
          ['2011Q1', 'D02', 88, 40, 5, 1, 85],
        ],
      },
    ]);
    const again = await drop([
      { name: 'D02.xlsx', bytes: readFileSync(book) },
      { name: 'D01.yaml', bytes: review('D01', 70) },
    ]);
    const second = await page(`/intake?drop=${again}`);
    expect(second).toContain('收件箱/2011Q1/D02-2.xlsx');
    // Listed and imported in the order of their names, as import takes a folder.
    expect(second.indexOf('D01-3.yaml')).toBeLessThan(second.indexOf('D02-2.xlsx'));
    expect(second).toContain('name="mode" value="replace"');
    const preview = String((await post('/import', form({ token: TOKEN, drop: again, mode: 'replace', dry: '1' }))).body);
    expect(preview).toMatch(/D01[^\n]*\n[^\n]*测评：更新 1/);
    const replaced = String((await post('/import', form({ token: TOKEN, drop: again, mode: 'replace', dry: '0' }))).body);
    expect(replaced).toContain('已导入 2 个文件，导入编号 3');
    await cxzy(['import', '收件箱/2011Q1/D01-3.yaml', '收件箱/2011Q1/D02-2.xlsx', '--replace', '--db', 'cli.db', '-q'], { cwd: dir });
    await sameFigures();

    // Undone from the log, after a confirmation that says what it reverts.
    expect(await page('/log')).toContain('href="undo"');
    const ask = await page('/undo');
    expect(ask).toContain('将撤销第 3 次导入');
    const undone = String((await post('/undo', form({ token: TOKEN, n: '3' }))).body);
    expect(undone).toContain('已撤销第 3 次导入');
    await run(['undo', '--yes', '--db', 'cli.db', '-q']);
    await sameFigures();
    // The page asked about import 3, which is gone: a second confirmation does nothing.
    expect((await post('/undo', form({ token: TOKEN, n: '3' }))).status).toBe(404);
  });
});

describe('resubmissions chosen branch by branch', () => {
  const reports = (org: string, titles: string[]) =>
    `period: 2011Q1\nreports:\n${titles.map((x, i) => `  - org: ${org}\n    date: "2011-01-0${i + 1}"\n    title: ${x}\n`).join('')}`;

  it('replaces one branch’s quarter and adds to another’s in one import, as --replace and --add would, and logs each choice', async () => {
    const first = await drop([
      { name: 'D01.yaml', bytes: reports('D01', ['甲', '乙', '丙']) },
      { name: 'D02.yaml', bytes: reports('D02', ['丁', '戊', '己']) },
    ]);
    expect(String((await post('/import', form({ token: TOKEN, drop: first, dry: '0' }))).body)).toContain('已导入 2 个文件');
    await run(['import', '收件箱/2011Q1/D01.yaml', '收件箱/2011Q1/D02.yaml', '--db', 'cli.db', '-q']);
    // Each branch sends its month again with one report fewer.
    const again = await drop([
      { name: 'D01.yaml', bytes: reports('D01', ['甲', '乙']) },
      { name: 'D02.yaml', bytes: reports('D02', ['丁', '戊']) },
    ]);
    const shown = await page(`/intake?drop=${again}`);
    expect(shown).toContain('name="org:D01" value="replace"');
    expect(shown).toContain('name="org:D02" value="add"');
    const done = String((await post('/import', form({ token: TOKEN, drop: again, 'org:D01': 'replace', 'org:D02': 'add', dry: '0' }))).body);
    expect(done).toContain('已导入 2 个文件');
    await run(['import', '收件箱/2011Q1/D01-2.yaml', '--replace', '--db', 'cli.db', '-q']);
    await run(['import', '收件箱/2011Q1/D02-2.yaml', '--add', '--db', 'cli.db', '-q']);
    const titles = async (db: string) => (JSON.parse(await run(['show', 'D01', '--db', db, '--format', 'json'])).records?.reports ?? []).length;
    expect(await titles('web.db')).toBe(await titles('cli.db'));
    const quota = async (db: string) => untimed(await run(['quota', '--month', '2011-01', '--db', db, '--format', 'json']));
    expect(await quota('web.db')).toEqual(await quota('cli.db'));
    const q = (await quota('web.db')) as { orgs: { org: string; count?: number; items?: number }[] };
    expect(JSON.stringify(q)).toContain('D01');
    const imports = JSON.parse(await run(['log', '--db', 'web.db', '--format', 'json'])).imports as { number: number; options: { each?: unknown } }[];
    const log = imports.reduce((a, b) => (b.number > a.number ? b : a));
    expect(log.options.each).toEqual({ D01: 'replace', D02: 'add' });
    // The undo's confirmation says the choices as the options that would make them.
    expect(await page('/undo')).toContain('--replace D01 --add D02');
  });
});

describe('a drop with many errors', () => {
  it('shows each file’s first hundred errors, as the terminal does, and says how many more', async () => {
    const bad = Array.from(
      { length: 150 },
      (_, i) => `  - org: D0${i}\n    self: 190\n    masses: {satisfied: 1, basic: 0, unsatisfied: 0}\n    superior: 85\n`,
    );
    const id = await drop([{ name: 'bad.yaml', bytes: `period: 2011Q1\nreviews:\n${bad.join('')}` }]);
    const shown = await page(`/intake?drop=${id}`);
    expect(shown.match(/bad\.yaml:\d+:\d+ +错误/g)).toHaveLength(100);
    expect(shown.match(/另有 50 个错误未列出/g)).toHaveLength(1);
    expect(shown).toContain('150 个错误，0 个提示');
  });
});

describe('what may write', () => {
  const receipts = () => (existsSync(join(dir, '收件箱', '收件记录')) ? readdirSync(join(dir, '收件箱', '收件记录')) : []);

  it('refuses a request without this page’s token or from another origin, keeping nothing', async () => {
    const files1 = [{ name: 'D01.yaml', bytes: review('D01', 90) }];
    expect((await post('/intake', multipart({ token: 'b'.repeat(48) }, files1))).status).toBe(403);
    expect((await post('/intake', multipart({}, files1))).status).toBe(403);
    expect(receipts()).toEqual([]);
    expect((await post('/intake', multipart({ token: TOKEN }, files1), null)).status).toBe(403);
    const evil = await post('/intake', multipart({ token: TOKEN }, files1), 'http://evil.example');
    expect(evil.status).toBe(403);
    expect(String(evil.body)).toContain('拒绝：请求来自 http://evil.example');
    expect(receipts()).toEqual([]);
    const id = await drop(files1);
    expect((await post('/import', form({ drop: id, dry: '0' }))).status).toBe(403);
    expect((await post('/undo', form({ token: TOKEN, n: '1' }), 'null')).status).toBe(403);
    expect((await answer(app, { method: 'PUT', url: '/import', host: HOST, origin: ORIGIN, body: form({ token: TOKEN }) })).status).toBe(405);
    expect(JSON.parse(await run(['log', '--db', 'web.db', '--format', 'json'])).imports).toHaveLength(1);
  });

  it('runs one import at a time, and none at all under --read-only', async () => {
    const id = await drop([{ name: 'D01.yaml', bytes: review('D01', 90) }]);
    // Two tabs importing at once: one imports, the other is told to wait for it.
    const both = await Promise.all([1, 2].map(() => post('/import', form({ token: TOKEN, drop: id, dry: '0' }))));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(String(both.find((r) => r.status === 409)!.body)).toContain('另一个导入或撤销正在进行');
    expect(JSON.parse(await run(['log', '--db', 'web.db', '--format', 'json'])).imports).toHaveLength(2);
    const view = { ...app, writer: undefined };
    expect((await post('/import', form({ token: TOKEN, drop: id, dry: '0' }), ORIGIN, view)).status).toBe(405);
    expect((await get('/intake', view)).status).toBe(403);
    expect(String((await get('/', view)).body)).not.toContain('href="./intake"');
    expect(JSON.parse(await run(['log', '--db', 'web.db', '--format', 'json'])).imports).toHaveLength(2);
  });

  it('keeps every name inside the inbox, safe on Windows, and refuses a drop past its budget', async () => {
    const id = await drop([
      { name: '../../escape.yaml', bytes: review('D01', 90) },
      { name: 'CON.yaml', bytes: review('D02', 80) },
      { name: '第一支部 <1>.yaml', bytes: 'period: 2011Q2\nreports: []\n' },
    ]);
    const kept = Inbox.of(app.dbPath)
      .receipt(id)!
      .files.map((k) => k.path);
    expect(kept).toEqual(['收件箱/2011Q1/_CON.yaml', '收件箱/2011Q1/escape.yaml', '收件箱/2011Q2/第一支部 _1_.yaml']);
    // Names that hide what they are, or are longer than a file system takes, kept by a name that says what it is.
    const odd = await drop([
      { name: 'D01\u202Exslx.yaml', bytes: review('D01', 90) },
      { name: `${'很长的名字'.repeat(40)}.yaml`, bytes: review('D02', 80) },
    ]);
    const oddKept = Inbox.of(app.dbPath)
      .receipt(odd)!
      .files.map((k) => k.path.split('/').pop()!);
    expect(oddKept[0]).toBe('D01_xslx.yaml');
    expect(Buffer.byteLength(oddKept[1])).toBeLessThanOrEqual(185);
    expect(oddKept[1]).toMatch(/^(很长的名字)+[很长的名字]*\.yaml$/);
    // A drop that names no quarter (a roster) is kept apart.
    const roster = await drop([{ name: 'members.yaml', bytes: 'members:\n  - {id: M9, name: 赵六, org: D02, role: member}\n' }]);
    expect(
      Inbox.of(app.dbPath)
        .receipt(roster)!
        .files.map((k) => k.path),
    ).toEqual(['收件箱/未定/members.yaml']);
    expect(existsSync(join(dir, 'escape.yaml'))).toBe(false);
    // A drop id is digits: no address names a file.
    expect((await get('/intake?drop=../../web.db')).status).toBe(404);
    expect((await get(`/intake/copy?drop=${id}&k=../web.db`)).status).toBe(400);
    // A drop cut short (the browser closed mid-upload): refused, nothing kept, the server still answering.
    const whole = multipart({ token: TOKEN }, [{ name: 'D01.yaml', bytes: review('D01', 90).repeat(50) }]);
    const cut = (await whole.stream.toArray())[0].subarray(0, 300);
    const before = readdirSync(join(dir, '收件箱', '收件记录')).length;
    const broken = await post('/intake', { ...whole, length: null, stream: Readable.from([cut]) });
    expect(broken.status).toBe(400);
    expect(readdirSync(join(dir, '收件箱', '收件记录'))).toHaveLength(before);
    expect((await get('/intake')).status).toBe(200);
    const big = { ...multipart({ token: TOKEN }, []), length: MAX_DROP_BYTES + 1 };
    const refused = await post('/intake', big);
    expect(refused.status).toBe(400);
    expect(String(refused.body)).toContain('一次上传的文件合计超过 1024 MB');
    // A file moved out of the inbox since: its drop's page says so, the list of drops still shows.
    rmSync(join(dir, '收件箱', '2011Q1', 'escape.yaml'));
    const gone = await get(`/intake?drop=${id}`);
    expect([gone.status, String(gone.body).includes('收件箱中找不到 收件箱/2011Q1/escape.yaml')]).toEqual([404, true]);
    expect((await get('/intake')).status).toBe(200);
  });
});
