// Merged ranges of a sheet. exceljs's streaming reader passes over them, and
// offices merge a column's cells (one 季度 or 组织编号 for many rows): each
// merged cell then holds the value of the range's first. They are listed after
// the rows, so the sheet's XML is watched as it streams past and what follows
// the rows is searched once it has gone by.

const END_OF_ROWS = Buffer.from('</sheetData>');

/** `source` passed through unchanged; `out` gets each merged range's reference (A2:A9) once the sheet is read. */
export async function* scanMerges(source: AsyncIterable<Buffer | string>, out: string[]): AsyncGenerator<Buffer | string> {
  let tail: Buffer = Buffer.alloc(0);
  let after: Buffer[] | null = null;
  for await (const chunk of source) {
    yield chunk;
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (after) {
      after.push(buf);
      continue;
    }
    // The end of the rows may straddle two chunks: look across the seam too.
    const seam = Buffer.concat([tail, buf.subarray(0, END_OF_ROWS.length)]);
    const inSeam = seam.indexOf(END_OF_ROWS);
    const inBuf = buf.indexOf(END_OF_ROWS);
    if (inSeam >= 0) after = [seam.subarray(inSeam), buf.subarray(END_OF_ROWS.length)];
    else if (inBuf >= 0) after = [buf.subarray(inBuf)];
    else tail = Buffer.from(buf.subarray(Math.max(0, buf.length - END_OF_ROWS.length)));
  }
  if (after)
    for (const m of Buffer.concat(after)
      .toString('utf8')
      .matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+\d+:[A-Z]+\d+)"/g))
      out.push(m[1]);
}

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

export function mergedRanges(refs: string[]): Range[] {
  return refs.map((ref) => {
    const [, c1, r1, c2, r2] = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref)!;
    return { top: Number(r1), left: colNumber(c1), bottom: Number(r2), right: colNumber(c2) };
  });
}
