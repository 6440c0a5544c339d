import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { stringify } from 'csv-stringify/sync';
import { Chalk } from 'chalk';
import { tableLines, width } from '../src/render/formats/text.js';
import { csvPieces } from '../src/render/formats/csv.js';
import { text, type Align, type CellValue, type Doc } from '../src/render/doc.js';

const plain = new Chalk({ level: 0 });
const cells = (rows: string[][]): CellValue[][] => rows.map((r) => r.map((s) => text(s)));
const renderTable = (headers: string[], rows: Iterable<CellValue[]>, align?: Align[]) => [...tableLines({ headers, rows, align }, plain)].join('\n');
const tableDoc = (headers: string[], rows: Iterable<CellValue[]>): Doc => ({
  lang: 'zh',
  sections: [{ id: 't', title: '', parts: [{ kind: 'table', table: { headers, rows } }] }],
});

describe('plain-text tables', () => {
  it('aligns by display width: a Chinese character takes two columns', () => {
    const out = renderTable(
      ['党员', 'name', 'n'],
      [
        ...cells([
          ['M1', '张三', '5'],
          ['M22', 'Li', '12'],
        ]),
        [text('M3'), { t: 'stars', v: 3 }, text('0')],
      ],
      ['left', 'left', 'right'],
    );
    expect(out.split('\n')).toEqual(['党员  name   n', '────  ────  ──', 'M1    张三   5', 'M22   Li    12', 'M3    ★★★    0']);
  });

  it('counts ASCII and common CJK directly, exactly as string-width does', () => {
    const ranges: [number, number][] = [
      [0x20, 0x7e],
      [0x3000, 0x3029],
      [0x302e, 0x303e],
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
      [0xff01, 0xff60],
      [0xffe0, 0xffe6],
    ];
    for (const [lo, hi] of ranges) for (let c = lo; c <= hi; c++) expect(width(`a${String.fromCharCode(c)}`)).toBe(stringWidth(`a${String.fromCharCode(c)}`));
    for (const s of ['红湾社区党支部', 'D0101 城关镇（机关）党支部：好', '★★★', '①', 'é', '👍', '\u303f', 'Ａ１', '〪']) expect(width(s)).toBe(stringWidth(s));
  });

  it('takes a city of members (hundreds of thousands of rows) without overflowing the stack', () => {
    const rows = cells(Array.from({ length: 300_000 }, (_, i) => [`M${i}`, i % 2 ? '张三' : 'Li']));
    const lines = renderTable(['党员', '姓名'], rows).split('\n');
    expect(lines).toHaveLength(300_002);
    expect(lines.at(-1)).toBe('M299999  张三');
  });

  it('builds rows on demand: a view walked once for widths and once for text gives the same table as the rows held', () => {
    const rows = cells(Array.from({ length: 2500 }, (_, i) => [`M${i}`, i % 3 ? '张三' : 'Li, "Jr"', String(i % 17)]));
    let built = 0;
    const view = {
      *[Symbol.iterator]() {
        for (const r of rows) {
          built++;
          yield r;
        }
      },
    };
    const headers = ['党员', '姓名', '分'];
    expect(renderTable(headers, view, ['left', 'left', 'right'])).toBe(renderTable(headers, rows, ['left', 'left', 'right']));
    expect(built).toBe(5000);
  });

  it('writes CSV a thousand records at a time after a BOM, the same text as one stringify', () => {
    const rows = Array.from({ length: 2500 }, (_, i) => [`M${i}`, i % 3 ? '张三' : 'Li, "Jr"\nSr', String(i)]);
    const whole = stringify([['党员', '姓名', '分'], ...rows]);
    const pieces = [...csvPieces(tableDoc(['党员', '姓名', '分'], cells(rows)))];
    expect(pieces.length).toBe(4);
    expect(pieces.join('')).toBe(`\ufeff${whole}`);
  });
});
