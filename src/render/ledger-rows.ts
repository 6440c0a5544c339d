// A committee's rectification figures as a table row: the ledger's own view
// lists its code, the notice's attachment its name alone.
import type { CommitteeLedger } from '../analyses/ledger.js';
import { type CellValue, num, share, text } from './doc.js';

export function committeeRow(c: CommitteeLedger, withCode: boolean): CellValue[] {
  return [num(c.rank), ...(withCode ? [text(c.org)] : []), text(c.name), num(c.found), num(c.closed), share(c.rate), num(c.overdue), num(c.supervised)];
}
