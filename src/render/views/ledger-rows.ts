// A committee's rectification figures as a table row: the ledger's own view
// lists its code, the notice's attachment its name alone; the whole area's
// row is its total, not a rank.
import type { CommitteeLedger } from '../../analyses/ledger.js';
import { type CellValue, num, share, text } from '../doc.js';
import { t, type Lang } from '../i18n/index.js';

export function committeeRow(c: CommitteeLedger, withCode: boolean, lang: Lang): CellValue[] {
  return [
    c.rank === null ? text(t(lang, 'lg_total')) : num(c.rank),
    ...(withCode ? [text(c.org)] : []),
    text(c.name),
    num(c.found),
    num(c.closed),
    share(c.rate),
    num(c.overdue),
    num(c.supervised),
  ];
}
