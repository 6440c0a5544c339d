// Which quarter or month an analysis is of: the one asked for (checked), else
// the latest with data.
import { DataError, UsageError } from '../core/errors.js';
import type { Query } from '../store/query.js';
import { isPeriod, isValidDate, lastDayOfMonth, normalizeMonth, normalizePeriod, periodBounds } from '../core/dates.js';

/** What kind of data a quarter lacks, as a word of the messages (`period_data`: any the branches send). */
export type DataKind = 'reviews_data' | 'points_data' | 'reports_data' | 'period_data';

/** The quarters with anything the branches send in them (reviews, points or reports), in order: what status is of. */
export function dataPeriods(q: Query): string[] {
  return [...new Set([...q.reviewPeriods(), ...q.pointsPeriods(), ...q.reportPeriods()])].sort();
}

/** The years with reviews, in order: what the annual review is of. */
export function reviewYears(q: Query): string[] {
  return [...new Set(q.reviewPeriods().map((p) => p.slice(0, 4)))];
}

/** --period as given (checked), else the latest quarter in `have`. */
export function choosePeriod(asked: string | undefined, have: string[], what: DataKind): string {
  if (asked !== undefined) {
    if (!isPeriod(asked)) throw new UsageError({ id: 'bad_period', params: { value: asked } });
    const p = normalizePeriod(asked);
    if (!have.includes(p)) throw new DataError({ id: 'no_data_period', params: { period: p, what, have: have.join(', ') } });
    return p;
  }
  if (have.length === 0) throw new DataError({ id: 'no_data_period', params: { period: '', what, have: '' } });
  return have[have.length - 1];
}

/** --month as given (checked), else the latest month in `have`. */
export function chooseMonth(asked: string | undefined, have: string[]): string {
  if (asked !== undefined) {
    const month = normalizeMonth(asked);
    if (month === null) throw new UsageError({ id: 'bad_month', params: { value: asked } });
    if (!have.includes(month)) throw new DataError({ id: 'no_data_month', params: { month, have: have.join(', ') } });
    return month;
  }
  if (have.length === 0) throw new DataError({ id: 'no_data_month', params: { month: '', have: '' } });
  return have[have.length - 1];
}

/** --period as a filter: checked and normalised, or null when not given. */
export function periodFilter(asked: string | undefined): string | null {
  if (asked === undefined) return null;
  if (!isPeriod(asked)) throw new UsageError({ id: 'bad_period', params: { value: asked } });
  return normalizePeriod(asked);
}

/** The ledger's date E: the end of --period or --month, else --date, else `today`; one of them at most. */
export function ledgerDate(o: { period?: string; month?: string; date?: string }, today: string): string {
  if ([o.period, o.month, o.date].filter((x) => x !== undefined).length > 1) throw new UsageError({ id: 'one_date_only' });
  if (o.period !== undefined) return periodBounds(periodFilter(o.period)!)[1];
  if (o.month !== undefined) {
    const month = normalizeMonth(o.month);
    if (month === null) throw new UsageError({ id: 'bad_month', params: { value: o.month } });
    return lastDayOfMonth(month);
  }
  if (o.date !== undefined) {
    if (!isValidDate(o.date)) throw new UsageError({ id: 'bad_date', params: { value: o.date } });
    return o.date;
  }
  return today;
}
