// Workbooks written part by part, as other programs (or an attacker) write
// them: any XML, an entry named twice, a CRC that does not match its data.
import { crc32, deflateRawSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

export interface Part {
  name: string;
  data: string | Buffer;
  /** The CRC the directory claims, when it is to lie. */
  crc?: number;
  /** The size inflated the directory claims, when it is to lie (a zip bomb's). */
  size?: number;
}

/** A zip of `parts`, deflated, in order. */
export function zip(path: string, parts: Part[]): void {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const data = Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, 'utf8');
    const packed = deflateRawSync(data);
    const name = Buffer.from(p.name, 'utf8');
    const crc = p.crc ?? crc32(data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x800, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc >>> 0, 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(p.size ?? data.length, 22);
    head.writeUInt16LE(name.length, 26);
    locals.push(head, name, packed);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc >>> 0, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(p.size ?? data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += head.length + name.length + packed.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(path, Buffer.concat([...locals, ...central, end]));
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export interface SheetPart {
  name: string;
  /** The <sheetData> rows' XML. */
  xml: string;
  /** What follows the rows (merged ranges). */
  after?: string;
  state?: 'hidden' | 'veryHidden';
  /** The relation's target, as workbook.xml.rels writes it. */
  target?: string;
}

/** The parts of a workbook: its sheets, shared strings and cell formats (numFmtId per style index). */
export function workbookParts(sheets: SheetPart[], strings: string[] = [], formats: number[] = [0]): Part[] {
  const rels = sheets.map(
    (s, i) =>
      `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${s.target ?? `worksheets/sheet${i + 1}.xml`}"/>`,
  );
  const book = sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`);
  return [
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    },
    { name: 'xl/workbook.xml', data: `<?xml version="1.0"?><workbook ${NS}><sheets>${book.join('')}</sheets></workbook>` },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    },
    { name: 'xl/sharedStrings.xml', data: `<?xml version="1.0"?><sst ${NS}>${strings.join('')}</sst>` },
    {
      name: 'xl/styles.xml',
      data: `<?xml version="1.0"?><styleSheet ${NS}><cellXfs>${formats.map((f) => `<xf numFmtId="${f}"/>`).join('')}</cellXfs></styleSheet>`,
    },
    ...sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: `<?xml version="1.0"?><worksheet ${NS}><sheetData>${s.xml}</sheetData>${s.after ?? ''}</worksheet>`,
    })),
  ];
}

/** An inline-string cell. */
export const str = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
