// exceljs, loaded once, with its XML reader fixed for Chinese text.
//
// exceljs 4 decodes each compressed chunk of a sheet (and of its shared
// strings) to text on its own, so a character whose three UTF-8 bytes fall
// across two chunks becomes "��" (exceljs issues #2063, #2084, PR #1665, open).
// A branch's sheet is mostly Chinese: every 16 KiB of it would risk a name.
// The fix (sax.ts) decodes the chunks as one stream. It replaces the module in
// require's cache before exceljs's readers first load it, so every exceljs in
// this process — reading and writing alike — goes through here.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type ExcelJS from 'exceljs';
import { host } from '../../core/host.js';
import { fixedSax } from './sax.js';

let loaded: Promise<typeof ExcelJS> | undefined;

export function loadExcel(): Promise<typeof ExcelJS> {
  loaded ??= (async () => {
    // The executable's bundle has this fix built in, in place of exceljs's own module (scripts/dist.mjs).
    if (host.bundled) return (await import('exceljs')).default;
    const require = createRequire(import.meta.url);
    const lib = join(dirname(require.resolve('exceljs')), 'lib');
    const saxPath = join(lib, 'utils', 'parse-sax.js');
    require(saxPath);
    const { SaxesParser } = require('saxes') as { SaxesParser: Parameters<typeof fixedSax>[0] };
    require.cache[saxPath]!.exports = fixedSax(SaxesParser);
    return require('exceljs') as typeof ExcelJS;
  })();
  return loaded;
}
