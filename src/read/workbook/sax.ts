// The XML event reader of cxzy's workbook reader (open.ts), and in place of
// exceljs's own (excel.ts): exceljs's with one change, the chunks of a part
// decoded to text as one stream, so a Chinese character split across two
// chunks stays whole. Given saxes's SaxesParser.
import { PassThrough } from 'node:stream';

export type Sax = (iterable: AsyncIterable<Buffer | string>) => AsyncGenerator<{ eventType: string; value: unknown }[]>;

type Parser = new () => { on(e: string, f: (v: unknown) => void): void; write(s: string): void };

export function fixedSax(SaxesParser: Parser): Sax {
  return async function* (input) {
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
}
