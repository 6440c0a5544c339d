// The red 发文机关标志 at the head of a notice: larger than the title (二号,
// 22 pt), as offices set it, and kept to one line of the 156-mm type area by
// narrowing the characters (Word's character scale, CSS scaleX), as offices
// do with a long name, before making them smaller.
import { width } from './text.js';

/** The type area's width in points (156 mm), less a little for fonts wider than ours. */
const ROOM = 442 * 0.95;
/** 小初: the size a short name is set at. */
const FULL = 36;
/** Never as small as the title: 一号. */
const LEAST = 26;
/** Characters narrowed to no less than this before the size gives way. */
const NARROWEST = 0.55;

/** The issuer's size in points and its characters' width scale (1 = as drawn). */
export function issuerMark(issuer: string): { pt: number; scale: number } {
  // The size at which the name fills the line at full width (a CJK character is one em).
  const fits = ROOM / Math.max(1, width(issuer) / 2);
  const pt = Math.max(LEAST, Math.min(FULL, fits / NARROWEST));
  return { pt, scale: Math.min(1, fits / pt) };
}
