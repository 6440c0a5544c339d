// exceljs, loaded once, with its XML reader fixed for Chinese text and its
// formula cells keeping a result of 0.
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

type Copy = (model: Record<string, unknown>) => Record<string, unknown>;

/**
 * exceljs 4 copies a formula cell's model keeping only its truthy parts
 * (lib/doc/cell.js, FormulaValue._copyModel): a formula whose stored result
 * is 0, "" or FALSE — a total of nothing, as LibreOffice, Excel and Gnumeric
 * all store it — comes back with no result at all. The result is kept here
 * whenever the file holds one. The class is not exported: it is found
 * through a cell given a formula.
 */
function keepFalsyResults(Excel: typeof ExcelJS): typeof ExcelJS {
  const cell = new Excel.Workbook().addWorksheet('x').getCell('A1');
  cell.value = { formula: '0', result: 0 } as ExcelJS.CellFormulaValue;
  const proto = Object.getPrototypeOf((cell as unknown as { _value: object })._value) as { _copyModel: Copy };
  const copy = proto._copyModel;
  proto._copyModel = function (this: unknown, model) {
    const out = copy.call(this, model);
    if (model && !('result' in out) && model.result !== undefined && model.result !== null) out.result = model.result;
    return out;
  };
  return Excel;
}

export function loadExcel(): Promise<typeof ExcelJS> {
  loaded ??= (async () => {
    // The executable's bundle has the XML fix built in, in place of exceljs's own module (scripts/dist.mjs).
    if (host.bundled) return keepFalsyResults((await import('exceljs')).default);
    const require = createRequire(import.meta.url);
    const lib = join(dirname(require.resolve('exceljs')), 'lib');
    const saxPath = join(lib, 'utils', 'parse-sax.js');
    require(saxPath);
    const { SaxesParser } = require('saxes') as { SaxesParser: Parameters<typeof fixedSax>[0] };
    require.cache[saxPath]!.exports = fixedSax(SaxesParser);
    return keepFalsyResults(require('exceljs') as typeof ExcelJS);
  })();
  return loaded;
}
