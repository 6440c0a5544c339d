// Pledge quality (承诺空乏), SPEC §2: a pledge is vague when it is short, has
// no number or date, or is more than half stock phrases.
import type { VagueReason } from './messages/diagnostics.js';
import type { Rules } from './rules.js';

// A Chinese numeral counts as a number only in a run (二十, 三百) or before a
// measure word (一次, 三户): a lone 一 also occurs in 统一, 一流 and 进一步.
const CN = '[零〇一二两三四五六七八九十百千万亿]';
const NUMBER = new RegExp(`[0-9０-９]|${CN}{2,}|${CN}[个次户人名项件场期批家所条天月年季周元亩里米处座栋套台位篇份]`);
const DATE = /\d{4}[-/.年]|\d{1,2}月|\d{1,2}日/;

export function vagueReasons(content: string, rules: Rules['pledges']): VagueReason[] {
  const text = content.replace(/\s+/g, '');
  const chars = [...text].length;
  const reasons: VagueReason[] = [];
  if (chars < rules.min_length) reasons.push({ id: 'vague_short', params: { min: rules.min_length } });
  const bare = rules.stock_phrases.reduce((acc, p) => (acc.includes(p) ? acc.split(p).join('，') : acc), text);
  if (!NUMBER.test(bare) && !DATE.test(bare)) reasons.push({ id: 'vague_no_number' });
  const { share, found } = stockShare(text, rules.stock_phrases);
  if (share > rules.stock_share) reasons.push({ id: 'vague_stock', params: { phrases: found.join('、') } });
  return reasons;
}

/** Share of the characters covered by stock phrases (each character counted once). */
export function stockShare(text: string, phrases: string[]): { share: number; found: string[] } {
  const chars = [...text];
  if (chars.length === 0) return { share: 0, found: [] };
  const covered = new Array<boolean>(chars.length).fill(false);
  const found = new Set<string>();
  for (const phrase of phrases) {
    if (!text.includes(phrase)) continue; // most texts have none: skip the character walk
    const p = [...phrase];
    for (let i = 0; i + p.length <= chars.length; i++) {
      if (p.every((c, j) => chars[i + j] === c)) {
        found.add(phrase);
        for (let j = 0; j < p.length; j++) covered[i + j] = true;
      }
    }
  }
  return { share: covered.filter(Boolean).length / chars.length, found: [...found] };
}
