// The single executables of `npm run dist`, run as an office would run them:
// demo, import, grade and a Word notice from the examples, each compared with
// what bin/cxzy prints or writes. The Windows one runs under Wine.
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import unzipper from 'unzipper';
import { BIN, EXAMPLES, ROOT } from '../helpers.js';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
/** Debian's wine64 package leaves its loader out of PATH. */
const WINE = spawnSync('sh', ['-c', 'command -v wine || command -v wine64 || ls /usr/lib/wine/wine64'], { encoding: 'utf8' }).stdout.trim().split('\n')[0];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A command line of `exe` (after its launcher, if any) in `cwd`, with its own
 * cache folder (none: the platform's). Output goes through files: Node under
 * Wine cannot open an inherited pipe as stdout or stderr (EBADF).
 */
function runner(launcher: string[], cache: string | null) {
  return (args: string[], cwd: string, env: Record<string, string> = {}): Run => {
    const io = mkdtempSync(join(tmpdir(), 'cxzy-io-'));
    const out = openSync(join(io, 'out'), 'w');
    const err = openSync(join(io, 'err'), 'w');
    const all: NodeJS.ProcessEnv = { ...process.env, WINEDEBUG: '-all', ...env };
    if (cache === null) delete all.CXZY_CACHE;
    else all.CXZY_CACHE = cache;
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

const node = runner([process.execPath, BIN], null);

async function documentXml(docx: string): Promise<string> {
  const zip = await unzipper.Open.file(docx);
  const entry = zip.files.find((f) => f.path === 'word/document.xml');
  return (await entry!.buffer()).toString('utf8');
}

/** The same quarter through the executable and through bin/cxzy, in a folder of its own. */
function suite(name: string, exe: string, launcher: string[], toCache: (dir: string) => string | null, nodeMajor: number) {
  describe(name, () => {
    let dir: string;
    let run: ReturnType<typeof runner>;
    beforeAll(() => {
      expect(existsSync(exe), `${exe} is missing: run npm run dist first`).toBe(true);
      dir = mkdtempSync(join(tmpdir(), 'cxzy-dist-'));
      cpSync(EXAMPLES, join(dir, 'examples'), { recursive: true });
      run = runner(launcher, toCache(dir));
    });

    it('says its version, and runs the demo from the files it carries', () => {
      const v = run(['--version'], dir);
      expect(v.stderr).toBe('');
      expect(v.stdout.trim()).toBe(VERSION);
      const demo = run(['demo'], dir);
      expect(demo.code, demo.stderr).toBe(0);
      const [runtime, ...rest] = demo.stdout.split('\n');
      expect(runtime).toMatch(new RegExp(`^cxzy ${VERSION}，运行于 Node\\.js v${nodeMajor}\\.`));
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

    it('says where it cannot unpack its files, and exits 3', () => {
      // A folder under a file: no one can make it.
      const under = join(dir, 'examples', 'pledges.yaml', 'cache');
      const blocked = runner(launcher, toCache(dir) === null ? `Z:${under.replaceAll('/', '\\')}` : under);
      const r = blocked(['--version'], dir);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/^cxzy：无法把程序文件解到 .*请用环境变量 CXZY_CACHE 指定一个可以写入的文件夹。\n$/s);
    });

    it('writes the Word notice bin/cxzy writes', async () => {
      const args = ['report', '--db', 'i.db', '--date', '2011-07-05', '--number', '6'];
      const r = run([...args, '--out', 'exe.docx'], dir);
      expect(r.code, r.stderr).toBe(0);
      expect(node([...args, '--db', 'n.db', '--out', 'node.docx'], dir).code).toBe(0);
      expect(await documentXml(join(dir, 'exe.docx'))).toBe(await documentXml(join(dir, 'node.docx')));
    });
  });
}

suite('dist/cxzy-linux-x64', join(ROOT, 'dist', 'cxzy-linux-x64'), [join(ROOT, 'dist', 'cxzy-linux-x64')], (dir) => join(dir, 'cache'), 24);

// Wine's prefix is made once (its first start takes a while) and kept beside
// the executables, saying Windows 10: Node refuses older Windows.
const WIN = join(ROOT, 'dist', 'cxzy-win-x64.exe');
const WIN22 = join(ROOT, 'dist', 'test', 'cxzy-win-x64-node22.exe');
process.env.WINEPREFIX ??= join(ROOT, 'dist', '.wine');
const PREFIX = process.env.WINEPREFIX;
const wine = (args: string[]) => runner([WINE], null)(args, tmpdir());
const setUp = WINE ? wine(['reg', 'add', 'HKCU\\Software\\Wine', '/v', 'Version', '/d', 'win10', '/f']) : null;
/** Debian's Wine 8.0 cannot start Node 24: V8 fails to reserve its code pointer table. */
const started = WINE ? wine([WIN, '--version']) : null;
const WINE8 = /SegmentedTable::InitializeTable/;

describe.runIf(WINE || process.env.CXZY_REQUIRE_WINE)('under Wine', () => {
  it('Wine is installed and says Windows 10', () => {
    expect(WINE, 'apt-get install wine64').not.toBe('');
    expect(setUp!.code, setUp!.stderr).toBe(0);
  });

  it('dist/cxzy-win-x64.exe starts (Node 24), or fails only as every Node 24 does under Wine 8', (ctx) => {
    if (started!.code !== 0 && WINE8.test(started!.stderr))
      ctx.skip(`Wine cannot start Node 24 here: ${started!.stderr.match(/Fatal process out of memory: .*/)?.[0]}`);
    expect(started!.code, started!.stderr).toBe(0);
    expect(started!.stdout.trim()).toBe(VERSION);
  });

  // Where Node 24 starts, all of it; where it cannot, the same bundle and assets on Node 22 (npm run dist -- --wine-check).
  const node24 = started?.code === 0;
  suite(
    node24 ? 'dist/cxzy-win-x64.exe' : 'the same bundle in Node 22 (dist/test/cxzy-win-x64-node22.exe)',
    node24 ? WIN : WIN22,
    [WINE, node24 ? WIN : WIN22],
    () => null,
    node24 ? 24 : 22,
  );

  it('unpacked its files and the SQLite addon to %LOCALAPPDATA%\\cxzy', () => {
    const users = join(PREFIX, 'drive_c', 'users');
    const cache = readdirSync(users)
      .map((u) => join(users, u, 'AppData', 'Local', 'cxzy'))
      .find(existsSync);
    expect(cache, `no cxzy folder under ${users}`).toBeDefined();
    const names = readdirSync(cache!);
    expect(names.some((f) => /^files-[0-9a-f]{16}$/.test(f))).toBe(true);
    expect(names.some((f) => /^better_sqlite3-[0-9a-f]{16}\.node$/.test(f))).toBe(true);
  });
});
