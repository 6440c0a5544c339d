// A workbook's sheets, streamed one at a time, in the workbook's own order.
//
// The zip is opened by its central directory (unzipper), and every part is
// checked as it inflates: its CRC against the directory's, its size against
// the workbook's budget; a part named twice, or a sheet whose part is missing,
// is a damaged workbook. The workbook's sheet list, its relations, its styles
// (which cells are dates) and its shared strings are read first, then each
// sheet's cells (sheet-xml.ts), all by one XML event reader.
import { crc32 } from 'node:zlib';
import { posix } from 'node:path';
import { SaxesParser } from 'saxes';
import { fixedSax } from './sax.js';
import { Budget, LimitError } from './budget.js';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { local, sharedStrings, sheetRows, type SaxEvent, type SheetContext, type XmlRow } from './sheet-xml.js';
import { isDateFormat, readStyles } from './styles.js';
import { EXPORT_MARK } from '../../core/text.js';

/** One sheet: its name, whether hidden, its rows, and its merged ranges once the rows are read. */
export interface OpenSheet {
  name: string;
  state: string;
  rows(): AsyncIterable<XmlRow>;
  merges: string[];
  /** The workbook is one cxzy exported (EXPORT_MARK): read as written, nothing assumed. */
  exported: boolean;
  /** Its days count from 1904 (workbookPr date1904). */
  date1904: boolean;
}

interface Entry {
  path: string;
  crc32: number;
  /** Its size inflated, as the zip's directory says. */
  uncompressedSize: number;
  stream(): NodeJS.ReadableStream;
}

type Tag = { name: string; attributes: Record<string, string> };

const sax = fixedSax(SaxesParser as never);

/** `e`'s bytes as they inflate, each counted, never more than its directory entry says; its CRC checked at its end. */
async function* checked(e: Entry, budget: Budget): AsyncGenerator<Buffer> {
  budget.declare(e.uncompressedSize);
  let crc = 0;
  let size = 0;
  for await (const chunk of e.stream() as AsyncIterable<Buffer>) {
    budget.inflated(chunk.length);
    size += chunk.length;
    // A part larger than the directory says is a lie (a bomb hiding its size), or damage: either way, not read on.
    if (size > e.uncompressedSize) throw new Error(`${e.path}: larger than the zip's directory says`);
    crc = crc32(chunk, crc);
    yield chunk;
  }
  if (crc >>> 0 !== e.crc32 >>> 0) throw new Error(`${e.path}: CRC mismatch (the file was altered or damaged)`);
}

/** Each start tag of a part, by local name. */
async function tags(events: AsyncIterable<SaxEvent[]>, each: (name: string, attributes: Record<string, string>) => void): Promise<void> {
  for await (const batch of events)
    for (const { eventType, value } of batch) if (eventType === 'opentag') each(local((value as Tag).name), (value as Tag).attributes);
}

/** A relation's id attribute, whatever its prefix (r:id). */
const relId = (attributes: Record<string, string>) => Object.entries(attributes).find(([k]) => k === 'id' || k.endsWith(':id'))?.[1];

type Part = (path: string) => Entry | undefined;
type Read = (e: Entry) => AsyncIterable<SaxEvent[]>;

/** A part's relations: each id's target, resolved against the part's folder, and its type's last word (worksheet, styles). */
async function relations(part: Part, read: Read, of: string): Promise<Map<string, { at: string; type: string }>> {
  const dir = posix.dirname(of);
  const rels = part(posix.join(dir, '_rels', `${posix.basename(of)}.rels`));
  const out = new Map<string, { at: string; type: string }>();
  if (!rels) return out;
  await tags(read(rels), (name, a) => {
    if (name !== 'Relationship' || !a.Id || !a.Target) return;
    // A target is relative to the part's folder (worksheets/sheet1.xml, ./worksheets/…), or absolute from the zip's root.
    const at = a.Target.startsWith('/') ? a.Target.slice(1) : posix.normalize(posix.join(dir, a.Target));
    out.set(a.Id, { at, type: (a.Type ?? '').split('/').at(-1) ?? '' });
  });
  return out;
}

/** The workbook's own part: where the package's relations say (officeDocument), else xl/workbook.xml. */
async function workbookPart(part: Part, read: Read): Promise<string> {
  for (const r of (await relations(part, read, '')).values()) if (r.type === 'officeDocument') return r.at;
  return 'xl/workbook.xml';
}

/** An OLE compound file's first bytes: what Excel writes an encrypted workbook (or an old .xls) as, in place of a zip. */
const OLE = Buffer.from('d0cf11e0a1b11ae1', 'hex');

/**
 * A workbook that is no zip but an OLE compound file: one with an open
 * password (its EncryptedPackage stream), else a workbook of the old format
 * under a new name. Either is refused with what to do.
 */
function notZip(from: string | Buffer): void {
  const head = Buffer.alloc(8);
  if (typeof from === 'string') {
    const fd = openSync(from, 'r');
    try {
      readSync(fd, head, 0, 8, 0);
    } finally {
      closeSync(fd);
    }
  } else from.copy(head, 0, 0, 8);
  if (!head.equals(OLE)) return;
  if ((typeof from === 'string' ? readFileSync(from) : from).includes(Buffer.from('EncryptedPackage', 'utf16le')))
    throw new LimitError({ id: 'xlsx_password' });
  throw new LimitError({ id: 'xlsx_old_format', params: { ext: '.xls' } });
}

/** A workbook opened: its sheets by the workbook's list, in order, each read when asked for. */
export interface Book {
  sheets: { name: string; state: string /** Its part's size inflated, as the zip's directory says (0: no part). */; bytes: number }[];
  /** The workbook is one cxzy exported (EXPORT_MARK). */
  exported: boolean;
  date1904: boolean;
  budget: Budget;
  /** Reads the styles and the shared strings, once: before the first sheet's rows. */
  prepare(): Promise<void>;
  /** The `i`th sheet; throws when its part is missing. */
  sheet(i: number): OpenSheet;
}

/** The workbook at `from` (its path, or its bytes), its sheet list read; throws on a file that is not a workbook or is damaged. */
export async function openBook(from: string | Buffer): Promise<Book> {
  notZip(from);
  // Loaded when a workbook is opened: unzipper and its dependencies are a sixth of cxzy's start.
  const { default: unzipper } = await import('unzipper');
  const zip = (await (typeof from === 'string' ? unzipper.Open.file(from) : unzipper.Open.buffer(from))) as unknown as { files: Entry[] };
  const budget = new Budget();
  const entries = new Map<string, Entry>();
  for (const f of zip.files) {
    const key = f.path.replace(/^\//, '').toLowerCase();
    if (entries.has(key)) throw new Error(`two parts named ${f.path}`);
    entries.set(key, f);
  }
  const part: Part = (p) => entries.get(p.toLowerCase());
  const read: Read = (e) => sax(checked(e, budget));
  const main = await workbookPart(part, read);
  const book = part(main);
  if (!book) throw new Error(`no ${main}: not an Excel workbook`);
  const rels = await relations(part, read, main);
  const byType = (type: string, usual: string) => part([...rels.values()].find((r) => r.type === type)?.at ?? posix.join(posix.dirname(main), usual));
  const listed: { name: string; state: string; rel: string | undefined }[] = [];
  let date1904 = false;
  let verbatim = false;
  await tags(read(book), (name, a) => {
    if (name === 'sheet') listed.push({ name: a.name ?? '', state: a.state ?? 'visible', rel: relId(a) });
    // Excel's own extension (x15:workbookPr) comes later without the attribute: only the one that says decides.
    else if (name === 'workbookPr' && a.date1904 !== undefined) date1904 = a.date1904 === '1' || a.date1904 === 'true';
    // Excel's names are case-insensitive.
    else if (name === 'definedName' && a.name?.toUpperCase() === EXPORT_MARK) verbatim = true;
  });
  const partOf = (s: (typeof listed)[number]) => {
    const at = s.rel === undefined ? undefined : rels.get(s.rel)?.at;
    return { at, entry: at === undefined ? undefined : part(at) };
  };
  let ctx: SheetContext | null = null;
  const prepare = async () => {
    if (ctx) return;
    const strings = byType('sharedStrings', 'sharedStrings.xml');
    const styles = byType('styles', 'styles.xml');
    const { formats, struck } = styles ? await readStyles(read(styles)) : { formats: [], struck: [] };
    const shared = strings ? await sharedStrings(read(strings), budget, verbatim) : { strings: [], struck: [] };
    ctx = {
      strings: shared.strings,
      stringStruck: shared.struck,
      isDate: (s) => isDateFormat(formats[s]),
      isStruck: (s) => struck[s] === true,
      date1904,
      verbatim,
      budget,
    };
  };
  return {
    sheets: listed.map((s) => ({ name: s.name, state: s.state, bytes: partOf(s).entry?.uncompressedSize ?? 0 })),
    exported: verbatim,
    date1904,
    budget,
    prepare,
    sheet(i) {
      const s = listed[i];
      const { at, entry } = partOf(s);
      if (!entry) throw new Error(`sheet ${s.name}: its part ${at ?? s.rel ?? '?'} is missing`);
      if (!ctx) throw new Error('the workbook is not prepared');
      const merges: string[] = [];
      const c = ctx;
      return { name: s.name, state: s.state, merges, exported: verbatim, date1904, rows: () => sheetRows(read(entry), c, merges) };
    },
  };
}

/** The sheets of the workbook at `path`, in order: its styles and shared strings read before the first. */
export async function* openWorkbook(path: string): AsyncGenerator<OpenSheet> {
  const book = await openBook(path);
  await book.prepare();
  for (let i = 0; i < book.sheets.length; i++) yield book.sheet(i);
}
