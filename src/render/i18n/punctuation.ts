// The punctuation between the parts of a line, per language: Chinese lists
// names with 、 and clauses with ；, English with commas and semicolons.
import type { Lang } from './catalog.js';

const PUNCTUATION = {
  /** Between names or titles in a list. */
  list: { zh: '、', en: ', ' },
  /** Between the clauses of one line. */
  clause: { zh: '；', en: '; ' },
  /** Between the parts of a phrase. */
  comma: { zh: '，', en: ', ' },
  /** Before what a heading or a name introduces. */
  colon: { zh: '：', en: ': ' },
  /** Between the steps of a path in the org tree. */
  path: { zh: ' › ', en: ' > ' },
  /** Between sentences of one paragraph. */
  sentence: { zh: '', en: ' ' },
} as const;

export type Punctuation = keyof typeof PUNCTUATION;

export const punct = (lang: Lang, kind: Punctuation): string => PUNCTUATION[kind][lang];
