import type { Because } from '../grade/grade.js';
import { t, type Lang } from './i18n.js';

/** Explanation lines as text, each with the file:line it rests on. */
export function explainLines(lines: Because[], lang: Lang, indent = '    '): string[] {
  return lines.map((b) => `${indent}· ${t(lang, b.id, b.params)}${b.src ? `  (${b.src.file}:${b.src.line})` : ''}`);
}

export function explainJson(lines: Because[], lang: Lang) {
  return lines.map((b) => ({ message: t(lang, b.id, b.params), file: b.src?.file ?? null, line: b.src?.line ?? null }));
}
