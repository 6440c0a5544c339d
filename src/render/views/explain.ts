// Explanations (--explain, and why a branch was or was not named): each line
// a message with the record it rests on, so every figure traces to a file and line.
import { sourceText } from '../../core/model.js';
import type { Because } from '../../analyses/grade.js';
import { tm, type Lang } from '../i18n/index.js';
import type { Part } from '../doc.js';
import { punct } from '../i18n/punctuation.js';

export function explainParts(lines: Because[], lang: Lang): Part[] {
  return lines.map((b) => ({ kind: 'para', point: true, spans: [{ text: tm(lang, b) }], ...(b.src ? { source: b.src } : {}) }));
}

/** An explanation as one text: its lines, each with the file:line it rests on. */
export function explainText(lines: Because[], lang: Lang): string {
  return lines.map((b) => `${tm(lang, b)}${b.src ? ` (${sourceText(b.src)})` : ''}`).join(punct(lang, 'clause'));
}

export function explainJson(lines: Because[], lang: Lang) {
  return lines.map((b) => ({ message: tm(lang, b), file: b.src?.file ?? null, line: b.src?.line ?? null, ...(b.src?.sheet ? { sheet: b.src.sheet } : {}) }));
}
