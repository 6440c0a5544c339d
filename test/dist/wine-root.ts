// Wine 10 for the Windows executable as shipped (Node 24): Debian 12's Wine 8
// cannot start Node 24, Debian 13's Wine 10 can. A Debian trixie root with
// wine64 is made once per machine (debootstrap from Debian's packages, about a
// minute), in a fixed place outside any checkout, reused by later runs and made
// again when missing or broken. Each run enters it with chroot, in a mount
// namespace of its own (unshare) that holds the root's /proc and /dev only for
// that run. All of it takes root: where this is not root, the suite says so.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, watch, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the root is kept: CXZY_WINE_ROOT, else a folder of the machine's cache. */
export const WINE_ROOT = process.env.CXZY_WINE_ROOT ?? '/var/cache/cxzy/wine-trixie';
const READY = join(WINE_ROOT, '.cxzy-ready');
const MIRROR = process.env.CXZY_DEBIAN_MIRROR ?? 'http://deb.debian.org/debian';
const WINE64 = '/usr/lib/wine/wine64';

/** What enters the root for one command: its /proc and /dev, then chroot into a clean environment with Wine's settings. */
const ENTER = `R="$1"; D="$2"; shift 2
mount -t proc proc "$R/proc" && mount --rbind /dev "$R/dev" || exit 125
exec chroot "$R" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/root LANG=C.UTF-8 XDG_RUNTIME_DIR=/tmp/xdg WINEDEBUG=-all WINEPREFIX=/root/.wine "$@"`;

export interface RootRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `argv` run inside the root in folder `dir` (a path inside it), with `env`
 * added. Output goes to files: a Windows program under Wine cannot take a pipe
 * as its stdout or stderr (Node fails with EBADF).
 */
export function inRoot(argv: string[], dir = '/', env: Record<string, string> = {}, timeout = 300_000): RootRun {
  const io = join(WINE_ROOT, 'tmp', `io-${process.pid}-${Date.now()}`);
  mkdirSync(io, { recursive: true });
  const out = openSync(join(io, 'out'), 'w');
  const err = openSync(join(io, 'err'), 'w');
  const vars = Object.entries(env).map(([k, v]) => `${k}=${v}`);
  const inner = ['/bin/sh', '-c', 'mkdir -p -m 700 /tmp/xdg; cd "$0" && exec "$@"', dir, ...argv];
  const r = spawnSync('unshare', ['-m', 'sh', '-c', ENTER, 'enter', WINE_ROOT, dir, ...vars, ...inner], { stdio: ['ignore', out, err], timeout });
  closeSync(out);
  closeSync(err);
  const run = { code: r.status, stdout: readFileSync(join(io, 'out'), 'utf8'), stderr: r.error ? String(r.error) : readFileSync(join(io, 'err'), 'utf8') };
  rmSync(io, { recursive: true, force: true });
  return run;
}

/** Wine in the root starts, and its prefix says Windows 10 (Node refuses older Windows). */
function works(): boolean {
  if (!existsSync(READY) || !existsSync(join(WINE_ROOT, WINE64.slice(1)))) return false;
  return inRoot([WINE64, '--version']).code === 0;
}

/** Runs `cmd` (outside the root), throwing with its output if it fails. */
function must(cmd: string, args: string[], what: string): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 900_000 });
  if (r.status !== 0) throw new Error(`${what} failed (${r.status ?? r.error}): ${(r.stderr || r.stdout || '').slice(-2000)}`);
}

/**
 * The root, made if missing or broken. Returns null when it is ready, else
 * why it cannot be here (not root; no debootstrap and no way to install it;
 * Debian's packages out of reach).
 */
export function wineRoot(): string | null {
  if (process.platform !== 'linux') return 'the Wine root is a Debian root for Linux';
  if (process.getuid?.() !== 0) return 'making and entering the Wine root takes root (debootstrap, unshare, chroot)';
  if (works()) return null;
  try {
    if (spawnSync('sh', ['-c', 'command -v debootstrap']).status !== 0)
      must('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap'], 'installing debootstrap');
    const tmp = `${WINE_ROOT}.new`;
    rmSync(tmp, { recursive: true, force: true });
    rmSync(WINE_ROOT, { recursive: true, force: true });
    mkdirSync(join(WINE_ROOT, '..'), { recursive: true });
    must('debootstrap', ['--variant=minbase', 'trixie', tmp, MIRROR], 'debootstrap of Debian trixie');
    renameSync(tmp, WINE_ROOT);
    const apt = inRoot(['/bin/sh', '-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wine64'], '/', {}, 900_000);
    if (apt.code !== 0) throw new Error(`installing wine64 in the root failed: ${apt.stderr.slice(-2000)}`);
    // The prefix made once, saying Windows 10.
    const reg = inRoot([WINE64, 'reg', 'add', 'HKCU\\Software\\Wine', '/v', 'Version', '/d', 'win10', '/f'], '/', {}, 300_000);
    if (reg.code !== 0) throw new Error(`making Wine's prefix failed: ${reg.stderr.slice(-2000)}`);
    writeFileSync(READY, `${new Date().toISOString()}\n`);
  } catch (e) {
    return (e as Error).message;
  }
  return works() ? null : 'Wine in the root made here does not start';
}

/** `file` copied into the root at `at` (a path inside it) unless the copy there is the same size and no older. */
/**
 * `argv` started in the root (as inRoot runs it) and left running (a server):
 * its output goes to a file, as under inRoot (Node under Wine cannot write to a
 * pipe from outside the root), and `line` waits for the first line `re` matches.
 */
export function spawnInRoot(argv: string[], dir = '/'): { child: ChildProcess; line: (re: RegExp) => Promise<string>; done: () => void } {
  const io = join(WINE_ROOT, 'tmp', `io-${process.pid}-${Date.now()}`);
  mkdirSync(io, { recursive: true });
  const file = join(io, 'out');
  const out = openSync(file, 'w');
  const inner = ['/bin/sh', '-c', 'mkdir -p -m 700 /tmp/xdg; cd "$0" && exec "$@"', dir, ...argv];
  const child = spawn('unshare', ['-m', 'sh', '-c', ENTER, 'enter', WINE_ROOT, dir, ...inner], { stdio: ['ignore', out, out], detached: true });
  closeSync(out);
  const line = (re: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const look = () => {
        if (!existsSync(file)) return true;
        const m = re.exec(readFileSync(file, 'utf8'));
        if (!m) return false;
        watcher.close();
        resolve(m[0]);
        return true;
      };
      const watcher = watch(io, () => look());
      child.once('exit', (code) => {
        if (!look()) {
          watcher.close();
          reject(new Error(`exited ${code}: ${readFileSync(file, 'utf8')}`));
        }
      });
      look();
    });
  const done = () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
    rmSync(io, { recursive: true, force: true });
  };
  return { child, line, done };
}

export function intoRoot(file: string, at: string): void {
  const target = join(WINE_ROOT, at);
  const src = statSync(file);
  const dst = existsSync(target) ? statSync(target) : null;
  if (dst && dst.size === src.size && dst.mtimeMs >= src.mtimeMs) return;
  mkdirSync(join(target, '..'), { recursive: true });
  copyFileSync(file, target);
}

export { WINE64 };
