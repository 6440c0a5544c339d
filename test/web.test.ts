// cxzy serve, in process: every page and download answered by the request
// handler (src/web/app.ts) over a database of the examples, each page's
// figures held equal to its command's JSON, and the refusals.
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import unzipper from 'unzipper';
import { answer, type App, type Reply } from '../src/web/app.js';
import { hostsOf, serve } from '../src/web/server.js';
import { request } from 'node:http';
import { PAGES } from '../src/web/pages.js';
import { tableHtml, PAGE_ROWS } from '../src/web/table.js';
import { defaultRules } from '../src/core/rules.js';
import { num, text } from '../src/render/doc.js';
import { EXAMPLES, cxzy, files } from './helpers.js';

const TODAY = '2011-12-31';
let dir: string;
let app: App;
const get = (url: string, host = 'localhost:8017', method = 'GET'): Promise<Reply> => answer(app, { method, url, host });
const html = async (url: string) => {
  const r = await get(url);
  expect(r.status, `${url}: ${String(r.body).slice(0, 400)}`).toBe(200);
  return String(r.body);
};
const json = async (url: string) => JSON.parse(String((await get(url)).body));
const command = async (args: string[]) => {
  const r = await cxzy([...args, '--db', 'c.db', '--format', 'json'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

beforeAll(async () => {
  dir = files({});
  expect((await cxzy(['import', EXAMPLES, '--db', 'c.db', '-q'], { cwd: dir })).code).toBe(0);
  app = { dbPath: join(dir, 'c.db'), dbName: 'c.db', lang: 'zh', rules: defaultRules, hosts: hostsOf('127.0.0.1', 8017), today: () => TODAY };
});

describe('cxzy serve: the pages', () => {
  it('answers every page in the navigation, in Chinese, under a strict CSP, each linking to the others', async () => {
    for (const p of PAGES.filter((x) => x.nav !== null)) {
      const r = await get(`/${p.path}`);
      expect(r.status, p.path).toBe(200);
      expect(r.headers['Content-Security-Policy']).toMatch(/^default-src 'none'; style-src 'sha256-/);
      const body = String(r.body);
      expect(body).toContain('<html lang="zh-CN">');
      for (const label of ['概览', '组织', '分类定级', '积分评星', '信息报送', '问题台账', '年度评议', '报送情况', '导入记录'])
        expect(body).toContain(`>${label}</a>`);
      expect(body).not.toMatch(/<script/);
    }
  });

  it('shows what the commands print: each page as JSON is the command’s JSON', async () => {
    expect(await json('/grade?format=json')).toEqual(await command(['grade']));
    expect(await json('/grade?period=2011Q1&org=W01&format=json')).toEqual(await command(['grade', '--period', '2011Q1', '--org', 'W01']));
    expect(await json('/grade?explain=1&format=json')).toEqual(await command(['grade', '--explain']));
    expect(await json('/annual?explain=1&format=json')).toEqual(await command(['annual', '--explain']));
    expect(await json('/stars?format=json')).toEqual(await command(['stars']));
    expect(await json('/quota?month=2011-05&format=json')).toEqual(await command(['quota', '--month', '2011-05']));
    expect(await json(`/ledger?date=${TODAY}&format=json`)).toEqual(await command(['ledger', '--date', TODAY]));
    expect(await json('/log?format=json')).toEqual(await command(['log']));
    const org = await json('/orgs?code=D0101&format=json');
    const shown = await command(['show', 'D0101']);
    // The ledger's date of an org's page without a quarter is today's: the page's today is fixed here.
    expect({ ...org, ledger_date: null, problems: null }).toEqual({ ...shown, ledger_date: null, problems: null });
    expect(await json('/member?id=M000001&format=json')).toEqual(await command(['show', 'M000001']));
    // The overview's figures are the commands' figures.
    const ov = await json('/?format=json');
    const grade = await command(['grade']);
    expect(ov.grades.summary).toEqual(grade.summary);
    const stars = await command(['stars']);
    expect(ov.red_stars.map((m: { id: string }) => m.id)).toEqual(
      stars.members.filter((m: { red_star: boolean }) => m.red_star).map((m: { member: string }) => m.member),
    );
  });

  it('sorts by any column, filters by a column’s values and keeps every choice in the address', async () => {
    const codes = (body: string) => [...body.matchAll(/<tr><td><a href="orgs\?code=([^"]+)">/g)].map((m) => m[1]);
    const asc = codes(await html('/grade?t=0&sort=0&dir=asc'));
    const desc = codes(await html('/grade?t=0&sort=0&dir=desc'));
    expect(asc.length).toBeGreaterThan(5);
    expect(desc).toEqual([...asc].reverse());
    // The header links keep the quarter asked.
    expect(await html('/grade?period=2011Q1')).toContain('href="?period=2011Q1&amp;t=0&amp;sort=1&amp;dir=asc"');
    // A filter on the stars' red-star column: only red stars.
    const stars = await html('/stars');
    const col = [...stars.matchAll(/<th>.*?<\/th>/g)].findIndex((m) => m[0].includes('红星'));
    expect(col).toBeGreaterThan(0);
    const red = await html(`/stars?t=0&f${col}=${encodeURIComponent('是')}`);
    const rows = [...red.matchAll(/<tr>(.*?)<\/tr>/g)].slice(1);
    expect(rows.length).toBe((await command(['stars'])).members.filter((m: { red_star: boolean }) => m.red_star).length);
    for (const r of rows) expect(r[1]).toMatch(/<td>是<\/td><\/tr>|<td>是<\/td>$/);
  });

  it('pages a long table on the server, with links that keep the choices', () => {
    const rows = Array.from({ length: PAGE_ROWS * 2 + 50 }, (_, i) => [text(`X${i}`), num(i)]);
    const tb = { headers: ['代码', '数'], rows };
    const page3 = tableHtml(tb, 0, new URLSearchParams('period=2011Q2&t=0&page=3&sort=1&dir=desc'), 'zh', () => new Map());
    expect(page3).toContain(`第 3/3 页（第 ${PAGE_ROWS * 2 + 1}–${PAGE_ROWS * 2 + 50} 行，共 ${PAGE_ROWS * 2 + 50} 行）`);
    expect(page3).toContain('<td>X49</td>');
    expect(page3).not.toContain('<td>X50</td>');
    expect(page3).toContain('href="?period=2011Q2&amp;t=0&amp;page=2&amp;sort=1&amp;dir=desc"');
  });

  it('summarises a rating past 2,000 members per committee, as the terminal does, and lists every one, paged, when asked', async () => {
    const n = 2100;
    const members = Array.from({ length: n }, (_, i) => `  - {id: M${i}, name: 党员${i}, org: D01, role: member}`).join('\n');
    const points = Array.from(
      { length: n },
      (_, i) => `  - {member: M${i}, study: 20, excel: 20, service: 20, discipline: 20, integrity: ${i % 2 ? 20 : 10}}`,
    ).join('\n');
    const d = files({
      'o.yaml': `orgs:\n  - {code: W01, name: 城关镇党委, type: committee, category: agency}\n  - {code: D01, name: 红湾社区党支部, type: branch, parent: W01, category: community}\nmembers:\n${members}\n`,
      'p.yaml': `period: 2011Q1\npoints:\n${points}\n`,
    });
    expect((await cxzy(['import', 'o.yaml', 'p.yaml', '--db', 'big.db', '-q'], { cwd: d })).code).toBe(0);
    const big: App = { ...app, dbPath: join(d, 'big.db') };
    const ask = async (url: string) => String((await answer(big, { method: 'GET', url, host: 'localhost:8017' })).body);
    const summary = await ask('/stars');
    expect(summary).toContain('共评星 2100 名党员，这里按党委汇总');
    expect(summary).toContain('<td class="n">2100</td>');
    const every = await ask('/stars?all=1&t=0&page=11');
    expect(every).toContain(`第 11/11 页（第 2001–2100 行，共 2100 行）`);
  });

  it('links an org to its page, and the page to its members and its quarters', async () => {
    const tree = await html('/orgs');
    expect(tree).toContain('<a href="orgs?code=D0101">D0101</a>');
    const org = await html('/orgs?code=D0101');
    expect(org).toContain('D0101 红湾社区党支部');
    expect(org).toContain('2011Q2');
    const search = await get(`/search?q=${encodeURIComponent('红湾社区党支部')}`);
    expect([search.status, search.headers.Location]).toEqual([303, 'orgs?code=D0101']);
    const many = await html(`/search?q=${encodeURIComponent('党支部')}`);
    expect(many).toMatch(/D0101/);
    expect(many).toMatch(/D0102/);
  });
});

describe('cxzy serve: downloads', () => {
  it('every table as CSV with a BOM and as a workbook, the page as JSON, the notices as the commands write them', async () => {
    const csv = await get('/grade?t=0&format=csv');
    expect(csv.headers['Content-Type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['Content-Disposition']).toMatch(/^attachment; filename="cxzy\.csv"; filename\*=UTF-8''/);
    const lines = String(csv.body).split('\n');
    expect(lines[0].startsWith('\ufeff')).toBe(true);
    expect(lines.length - 2).toBe((await command(['grade'])).orgs.length);
    const xlsx = await get('/stars?format=xlsx');
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    const docx = await get('/report.docx?month=2011-06');
    expect(docx.status).toBe(200);
    writeFileSync(join(dir, 'web.docx'), docx.body as Buffer);
    expect(
      (await cxzy(['report', '--month', '2011-06', '--db', 'c.db', '--out', 'cli.docx', '--date', new Date().toISOString().slice(0, 10)], { cwd: dir })).code,
    ).toBe(0);
    const body = async (f: string) => (await (await unzipper.Open.file(join(dir, f))).files.find((x) => x.path === 'word/document.xml')!.buffer()).toString();
    // Dated today in both: the web view's today is the page's (fixed here), so compare everything but the date lines.
    const undated = (s: string) => s.replace(/\d{4}年\d{1,2}月\d{1,2}日/g, '');
    expect(undated(await body('web.docx'))).toBe(undated(await body('cli.docx')));
    for (const n of ['/status.docx', '/annual.docx']) expect((await get(n)).status, n).toBe(200);
  });
});

describe('cxzy serve: refusals', () => {
  it('refuses another Host, a write, an unknown page and a bad choice, each with a page that says why and no stack', async () => {
    const evil = await get('/', 'evil.example:8017');
    expect(evil.status).toBe(421);
    expect(String(evil.body)).toContain('拒绝访问');
    expect((await get('/', '127.0.0.1:8017')).status).toBe(200);
    expect((await get('/', 'localhost:9999')).status).toBe(421);
    const post = await get('/', 'localhost:8017', 'POST');
    expect([post.status, post.headers.Allow]).toEqual([405, 'GET, HEAD']);
    for (const [url, status, words] of [
      ['/../../etc/passwd', 404, '没有这个页面'],
      ['/grade?period=2099Q1', 400, '2099Q1'],
      ['/orgs?code=NOPE', 400, '没有编号为“NOPE”的组织或党员'],
      ['/grade?format=exe', 400, '参数 format 的值“exe”不对'],
      ['/grade?org=W99', 404, 'W99'],
    ] as const) {
      const r = await get(url);
      expect(r.status, url).toBe(status);
      expect(String(r.body), url).toContain(words);
      expect(String(r.body)).not.toMatch(/at [\w.]+ \(|node:internal/);
    }
  });

  it('escapes what the data says: a hostile name shows as text', async () => {
    const d = files({
      'o.yaml': `orgs:\n  - {code: W01, name: "<img src=x onerror=alert(1)>", type: committee, category: agency}\n  - {code: D01, name: "</td><script>alert(2)</script>", type: branch, parent: W01, category: community}\n`,
    });
    expect((await cxzy(['import', 'o.yaml', '--db', 'h.db', '-q'], { cwd: d })).code).toBe(0);
    const hostile: App = { ...app, dbPath: join(d, 'h.db') };
    for (const url of ['/orgs', '/orgs?code=D01', '/orgs?code=W01', `/search?q=${encodeURIComponent('<img')}`]) {
      const body = String((await answer(hostile, { method: 'GET', url, host: 'localhost:8017' })).body);
      expect(body, url).not.toContain('<img src=x');
      expect(body, url).not.toContain('<script>');
    }
    expect(String((await answer(hostile, { method: 'GET', url: '/orgs', host: 'localhost:8017' })).body)).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('answers a page again from the server’s cache until the database or the rules change', async () => {
    const cached: App = { ...app, cache: new Map() };
    const first = await answer(cached, { method: 'GET', url: '/log', host: 'localhost:8017' });
    expect(await answer(cached, { method: 'GET', url: '/log', host: 'localhost:8017' })).toBe(first);
    writeFileSync(join(dir, 'later.yaml'), 'period: 2011Q2\ntypicals:\n  - {org: D0102, date: "2011-06-21", title: 又一个典型}\n');
    expect((await cxzy(['import', 'later.yaml', '--db', 'c.db', '-q'], { cwd: dir })).code).toBe(0);
    const after = await answer(cached, { method: 'GET', url: '/log', host: 'localhost:8017' });
    expect(after).not.toBe(first);
    expect(String(after.body)).toContain('later.yaml');
    // Other rules: the page made again under them.
    const other: App = { ...cached, rules: () => ({ ...defaultRules(), quota: { ...defaultRules().quota, reports_per_month: 9 } }) };
    expect(await answer(other, { method: 'GET', url: '/log', host: 'localhost:8017' })).not.toBe(after);
  });

  it('reads the database afresh for each page: an import in another window shows on the next load', async () => {
    const before = await json('/log?format=json');
    writeFileSync(join(dir, 'late.yaml'), 'period: 2011Q2\ntypicals:\n  - {org: D0101, date: "2011-06-20", title: 红湾社区新典型}\n');
    expect((await cxzy(['import', 'late.yaml', '--db', 'c.db', '-q'], { cwd: dir })).code).toBe(0);
    const after = await json('/log?format=json');
    expect(after.imports.length).toBe(before.imports.length + 1);
    expect(await html('/orgs?code=D0101')).toContain('红湾社区新典型');
  });

  it('listens on the next free port when the one asked is taken, and answers only its own Host there', async () => {
    const a = await serve(app, '127.0.0.1', 0, () => {});
    const b = await serve(app, '127.0.0.1', a!.port, () => {});
    try {
      expect(b!.port).toBeGreaterThan(a!.port);
      expect(b!.url).toBe(`http://127.0.0.1:${b!.port}/`);
      const status = (host: string) =>
        new Promise<number>((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port: b!.port, path: '/log', headers: { host } }, (res) => {
            res.resume();
            resolve(res.statusCode!);
          });
          req.on('error', reject);
          req.end();
        });
      expect(await status(`127.0.0.1:${b!.port}`)).toBe(200);
      expect(await status(`localhost:${b!.port}`)).toBe(200);
      expect(await status(`127.0.0.1:${a!.port}`)).toBe(421);
      expect(await status('attacker.example')).toBe(421);
    } finally {
      await a!.close();
      await b!.close();
    }
  });
});
