// exceljs, loaded once, with its XML reader fixed for Chinese text.
//
// exceljs 4 decodes each compressed chunk of a sheet (and of its shared
// strings) to text on its own, so a character whose three UTF-8 bytes fall
// across two chunks becomes "��" (exceljs issues #2063, #2084, PR #1665, open).
// A branch's sheet is mostly Chinese: every 16 KiB of it would risk a name.
// The fix decodes the chunks as one stream. It replaces the module in
// require's cache before exceljs's readers first load it, so every exceljs in
// this process — reading and writing alike — goes through here.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';

type Sax = (iterable: AsyncIterable<Buffer | string>) => AsyncGenerator<{ eventType: string; value: unknown }[]>;

let loaded: Promise<typeof ExcelJS> | undefined;

export function loadExcel(): Promise<typeof ExcelJS> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const lib = join(dirname(require.resolve('exceljs')), 'lib');
    const saxPath = join(lib, 'utils', 'parse-sax.js');
    require(saxPath);
    const { SaxesParser } = require('saxes') as { SaxesParser: new () => { on(e: string, f: (v: unknown) => void): void; write(s: string): void } };
    const fixed: Sax = async function* (input) {
      // As exceljs does: an old-style stream is read through a PassThrough.
      const old = input as unknown as { pipe?: (s: PassThrough) => PassThrough; [Symbol.asyncIterator]?: unknown };
      const iterable = old.pipe && !old[Symbol.asyncIterator] ? (old.pipe(new PassThrough()) as unknown as AsyncIterable<Buffer>) : input;
      const parser = new SaxesParser();
      const decoder = new TextDecoder('utf-8');
      let error: unknown;
      let events: { eventType: string; value: unknown }[] = [];
      parser.on('error', (e) => (error = e));
      parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
      parser.on('text', (value) => events.push({ eventType: 'text', value }));
      parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
      for await (const chunk of iterable) {
        parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
        if (error) throw error;
        yield events;
        events = [];
      }
    };
    require.cache[saxPath]!.exports = fixed;
    return require('exceljs') as typeof ExcelJS;
  })();
  return loaded;
}
