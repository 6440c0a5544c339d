// Merged ranges of a sheet. Offices merge a column's cells (one 季度 or
// 组织编号 for many rows): each merged cell then holds the value of the
// range's first. The sheet lists them after its rows (sheet-xml.ts).

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
