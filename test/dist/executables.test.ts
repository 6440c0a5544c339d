// The single executables of `npm run dist`, run as an office would run them:
// demo, import, grade, a Word notice, the ledger, the year, the list of who
// has sent what, undo — each compared with what bin/cxzy prints or writes.
// The Windows one, as shipped (Node 24), runs under Wine 10 in a Debian trixie
// root (wine-root.ts), with Chinese folder and file names.
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import unzipper from 'unzipper';
import { BIN, EXAMPLES, ROOT } from '../helpers.js';
import { inRoot, intoRoot, spawnInRoot, WINE64, WINE_ROOT, wineRoot } from './wine-root.js';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}
type Runner = (args: string[], cwd: string, env?: Record<string, string>) => Run;

/** A program run in `cwd` with output through files (as under Wine, where a pipe cannot be stdout). */
function runner(launcher: string[], cache: (cwd: string) => string | null): Runner {
  return (args, cwd, env = {}) => {
    const io = mkdtempSync(join(process.env.CXZY_TEST_TMP ?? tmpdir(), 'cxzy-io-'));
    const out = openSync(join(io, 'out'), 'w');
    const err = openSync(join(io, 'err'), 'w');
    const all: NodeJS.ProcessEnv = { ...process.env, ...env };
    const c = cache(cwd);
    if (c === null) delete all.CXZY_CACHE;
    else all.CXZY_CACHE ??= c;
    const r = spawnSync(launcher[0], [...launcher.slice(1), ...args], { cwd, stdio: ['ignore', out, err], env: all, timeout: 300_000 });
    closeSync(out);
    closeSync(err);
    const read = (f: string) => readFileSync(join(io, f), 'utf8');
    const run = { code: r.status, stdout: read('out'), stderr: r.error ? String(r.error) : read('err') };
    rmSync(io, { recursive: true });
    return run;
  };
}

/** Paths in JSON as Windows prints them (ex\\\\a.yaml), as they are printed here. */
const slashes = (s: string) => s.replaceAll('\\\\', '/');
/** When each database was written: the two runs' own clocks. */
const unstamped = (s: string) => slashes(s).replace(/"(at|undone)": "[^"]*"/g, '"$1": ""');

const node = runner([process.execPath, BIN], () => null);

async function documentText(docx: string): Promise<string> {
  const zip = await unzipper.Open.file(docx);
  const entry = zip.files.find((f) => f.path === 'word/document.xml');
  return (await entry!.buffer()).toString('utf8');
}

interface Target {
  /** A new folder of its own for one suite, where the executable can reach it. */
  folder(): string;
  run: Runner;
  /** The CXZY_CACHE that no one can make (a folder under a file), as the executable would be given it. */
  blocked(dir: string): string;
  nodeMajor: number;
}

/** The same quarter through the executable and through bin/cxzy, in a folder of its own whose name is Chinese. */
function suite(name: string, target: () => Target) {
  describe(name, () => {
    let dir: string;
    let run: Runner;
    let t: Target;
    beforeAll(() => {
      t = target();
      dir = join(t.folder(), '县委组织部');
      mkdirSync(join(dir, '收件箱'), { recursive: true });
      cpSync(EXAMPLES, join(dir, 'examples'), { recursive: true });
      run = t.run;
    });

    it('says its version, and runs the demo from the files it carries', () => {
      const v = run(['--version'], dir);
      expect(v.stderr).toBe('');
      expect(v.stdout.trim()).toBe(VERSION);
      const demo = run(['demo'], dir);
      expect(demo.code, demo.stderr).toBe(0);
      const [runtime, ...rest] = demo.stdout.split('\n');
      expect(runtime).toMatch(new RegExp(`^cxzy ${VERSION}，运行于 Node\\.js v${t.nodeMajor}\\.`));
      // Its paths as Windows prints them (examples\\a.yaml), as they are printed here.
      expect(rest.join('\n').replaceAll('\\', '/')).toBe(node(['demo'], dir).stdout.split('\n').slice(1).join('\n'));
    });

    it('imports the examples, with worker threads and without, and grades them as bin/cxzy does', () => {
      const threads = run(['import', 'examples', '--db', 'w.db', '--format', 'json'], dir, { CXZY_WORKERS: '2' });
      expect(threads.code, threads.stderr).toBe(0);
      const inline = run(['import', 'examples', '--db', 'i.db', '--format', 'json'], dir, { CXZY_WORKERS: '0' });
      expect(inline.code, inline.stderr).toBe(0);
      const ours = node(['import', 'examples', '--db', 'n.db', '--format', 'json'], dir);
      expect(JSON.parse(slashes(threads.stdout))).toEqual(JSON.parse(ours.stdout));
      expect(JSON.parse(slashes(inline.stdout))).toEqual(JSON.parse(ours.stdout));
      const grade = run(['grade', '--db', 'w.db', '--format', 'json'], dir);
      expect(grade.code, grade.stderr).toBe(0);
      expect(slashes(grade.stdout)).toBe(node(['grade', '--db', 'n.db', '--format', 'json'], dir).stdout);
    });

    it('init into a folder with a Chinese name, and a workbook with a Chinese name imported from a Chinese folder', () => {
      const init = run(['init', '测试甲'], dir);
      expect(init.code, init.stderr).toBe(0);
      expect(init.stdout + init.stderr).toContain('测试甲');
      expect(node(['init', '测试乙'], dir).code).toBe(0);
      const tree = (d: string) => (readdirSync(join(dir, d), { recursive: true }) as string[]).map((f) => f.replaceAll('\\', '/')).sort();
      expect(tree('测试甲')).toEqual(tree('测试乙'));
      expect(readFileSync(join(dir, '测试甲', 'cxzy.rules.yaml'), 'utf8')).toBe(readFileSync(join(dir, '测试乙', 'cxzy.rules.yaml'), 'utf8'));
      cpSync(join(EXAMPLES, '2011Q2', 'D0202-2011Q2.xlsx'), join(dir, '收件箱', '柳林村党支部二季度.xlsx'));
      for (const [who, r] of [
        ['exe', run],
        ['node', node],
      ] as const) {
        cpSync(join(dir, 'i.db'), join(dir, `${who}-wb.db`));
        const imported = r(['import', join('收件箱', '柳林村党支部二季度.xlsx'), '--db', `${who}-wb.db`, '--format', 'json'], dir);
        expect(imported.code, `${who}: ${imported.stderr}`).toBe(0);
      }
      const a = run(['grade', '--db', 'exe-wb.db', '--format', 'json'], dir);
      expect(slashes(a.stdout)).toBe(node(['grade', '--db', 'node-wb.db', '--format', 'json'], dir).stdout);
    });

    it('the ledger, the year, the list of who has sent what, and the months’ quota as bin/cxzy gives them', () => {
      for (const args of [
        ['ledger', '--date', '2011-06-30'],
        ['annual', '--year', '2011'],
        ['status', '--period', '2011Q2'],
        ['quota', '--month', '2011-06'],
      ]) {
        const exe = run([...args, '--db', 'i.db', '--format', 'json'], dir);
        expect(exe.code, `${args[0]}: ${exe.stderr}`).toBe(0);
        expect(unstamped(exe.stdout), args[0]).toBe(unstamped(node([...args, '--db', 'n.db', '--format', 'json'], dir).stdout));
      }
    });

    it('says where it cannot unpack its files, and exits 3', () => {
      const r = run(['--version'], dir, { CXZY_CACHE: t.blocked(dir) });
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/^cxzy：无法把程序文件解到 .*请用环境变量 CXZY_CACHE 指定一个可以写入的文件夹。\n$/s);
    });

    it('writes the Word notice bin/cxzy writes, to a Chinese file name', async () => {
      const args = ['report', '--db', 'i.db', '--date', '2011-07-05', '--number', '6'];
      const r = run([...args, '--out', '通报.docx'], dir);
      expect(r.code, r.stderr).toBe(0);
      expect(node([...args, '--db', 'n.db', '--out', 'node.docx'], dir).code).toBe(0);
      expect(await documentText(join(dir, '通报.docx'))).toBe(await documentText(join(dir, 'node.docx')));
    });

    it('undo --yes takes the last import back as bin/cxzy does', () => {
      const exe = run(['undo', '--yes', '--db', 'exe-wb.db', '--format', 'json'], dir);
      expect(exe.code, exe.stderr).toBe(0);
      const ours = node(['undo', '--yes', '--db', 'node-wb.db', '--format', 'json'], dir);
      const strip = (s: string) => JSON.parse(unstamped(s).replace(/(exe|node)-wb\.db/g, ''));
      expect(strip(exe.stdout)).toEqual(strip(ours.stdout));
      expect(run(['grade', '--db', 'exe-wb.db', '--format', 'json'], dir).stdout).toBe(run(['grade', '--db', 'i.db', '--format', 'json'], dir).stdout);
    });
  });
}

const LINUX = join(ROOT, 'dist', 'cxzy-linux-x64');
suite('dist/cxzy-linux-x64', () => {
  expect(existsSync(LINUX), `${LINUX} is missing: run npm run dist first`).toBe(true);
  return {
    folder: () => mkdtempSync(join(process.env.CXZY_TEST_TMP ?? tmpdir(), 'cxzy-dist-')),
    run: runner([LINUX], (cwd) => join(cwd, '..', 'cache')),
    blocked: (dir) => join(dir, 'examples', 'pledges.yaml', 'cache'),
    nodeMajor: 24,
  };
});

describe('dist/cxzy-linux-x64 serve', () => {
  it('serves the database in the browser until Ctrl-C, then says so in one line and exits 0', async () => {
    const dir = mkdtempSync(join(process.env.CXZY_TEST_TMP ?? tmpdir(), 'cxzy-serve-'));
    expect(spawnSync(process.execPath, [BIN, 'import', EXAMPLES, '--db', join(dir, 'cxzy.db'), '-q']).status).toBe(0);
    const child = spawn(LINUX, ['serve', '--port', '0'], { cwd: dir, env: { ...process.env, CXZY_CACHE: join(dir, 'cache') }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const url = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
      createInterface({ input: child.stdout! }).on('line', (l) => {
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(l);
        if (m) resolve(m[0]);
      });
    });
    const page = await fetch(`${url}grade`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('分类定级');
    // A branch's workbook dropped on the intake page, as the browser posts it: kept in the inbox, and checked.
    const token = /name="token" value="([0-9a-f]+)"/.exec(await (await fetch(`${url}intake`)).text())![1];
    const form = new FormData();
    form.append('token', token);
    form.append('files', new Blob([readFileSync(join(EXAMPLES, '2011Q2', 'D0202-2011Q2.xlsx'))]), 'D0202-2011Q2.xlsx');
    const dropped = await fetch(`${url}intake`, { method: 'POST', body: form, headers: { Origin: url.slice(0, -1) }, redirect: 'manual' });
    expect(dropped.status).toBe(303);
    expect(readdirSync(join(dir, '收件箱', '2011Q2'))).toEqual(['D0202-2011Q2.xlsx']);
    expect(await (await fetch(new URL(dropped.headers.get('location')!, url))).text()).toContain('检查通过');
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toContain('网页已关闭');
  });
});

// The Windows executable as shipped, under Wine 10 in the trixie root: made here once per machine.
const WIN = join(ROOT, 'dist', 'cxzy-win-x64.exe');
const WINE_WHY = process.platform === 'linux' ? wineRoot() : 'not Linux';
if (WINE_WHY && !process.env.CXZY_REQUIRE_WINE) console.warn(`skipping the Windows executable under Wine: ${WINE_WHY}`);
/** Where the executable lies inside the root, and its own folder of work there. */
const EXE_IN_ROOT = '/opt/cxzy/cxzy.exe';
const WORK = join(WINE_ROOT, 'work');
/** A path outside the root → the same path as the root sees it. */
const inside = (path: string) => `/${relative(WINE_ROOT, path)}`;
/** %LOCALAPPDATA%\cxzy in the root's Wine prefix. */
const LOCAL_CXZY = join(WINE_ROOT, 'root', '.wine', 'drive_c', 'users', 'root', 'AppData', 'Local', 'cxzy');

describe.runIf(WINE_WHY === null || process.env.CXZY_REQUIRE_WINE)('under Wine 10, in a Debian trixie root', () => {
  it('the root with Wine 10 is ready', () => {
    expect(WINE_WHY).toBeNull();
    const v = inRoot([WINE64, '--version']);
    expect(v.stdout).toMatch(/^wine-10\./);
  });

  const wine: Runner = (args, cwd, env = {}) => inRoot([WINE64, EXE_IN_ROOT, ...args], inside(cwd), env);

  it('starts: the first start unpacks its files into %LOCALAPPDATA%\\cxzy, the second finds them (both timed)', () => {
    expect(existsSync(WIN), `${WIN} is missing: run npm run dist first`).toBe(true);
    intoRoot(WIN, EXE_IN_ROOT.slice(1));
    rmSync(LOCAL_CXZY, { recursive: true, force: true });
    const timed = () => {
      const t0 = performance.now();
      const r = inRoot([WINE64, EXE_IN_ROOT, '--version']);
      return { r, s: (performance.now() - t0) / 1000 };
    };
    const first = timed();
    const second = timed();
    console.log(`cxzy.exe --version under Wine 10: first start ${first.s.toFixed(1)} s (unpacking), second ${second.s.toFixed(1)} s`);
    for (const { r } of [first, second]) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.trim()).toBe(VERSION);
    }
    const names = readdirSync(LOCAL_CXZY);
    expect(names.some((f) => /^files-[0-9a-f]{16}$/.test(f))).toBe(true);
    expect(names.some((f) => /^better_sqlite3-[0-9a-f]{16}\.node$/.test(f))).toBe(true);
  });

  it('started by a double click (no arguments), serves the cxzy.db beside it to the browser, the intake offered', async () => {
    intoRoot(WIN, EXE_IN_ROOT.slice(1));
    const db = join(WINE_ROOT, EXE_IN_ROOT.slice(1), '..', 'cxzy.db');
    rmSync(db, { force: true });
    expect(spawnSync(process.execPath, [BIN, 'import', EXAMPLES, '--db', db, '-q']).status).toBe(0);
    const server = spawnInRoot([WINE64, EXE_IN_ROOT], '/opt/cxzy');
    try {
      // It says where it listens (and asks the system to open the browser there, which under Wine may do nothing).
      const url = await server.line(/http:\/\/127\.0\.0\.1:\d+\//);
      const page = await fetch(`${url}grade`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('D0101');
      // Its folder's database, writable: the intake page offers the drop.
      expect(await (await fetch(`${url}intake`)).text()).toContain('name="token"');
    } finally {
      server.done();
      rmSync(db, { force: true });
    }
  }, 120_000);

  suite('dist/cxzy-win-x64.exe (Node 24)', () => {
    mkdirSync(WORK, { recursive: true });
    return {
      folder: () => mkdtempSync(join(WORK, 'cxzy-dist-')),
      run: wine,
      // Z: is the root's /: a folder under a file, as Windows names it.
      blocked: (dir) => `Z:${inside(join(dir, 'examples', 'pledges.yaml', 'cache')).replaceAll('/', '\\')}`,
      nodeMajor: 24,
    };
  });
});
