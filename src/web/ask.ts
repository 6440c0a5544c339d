// What a page's address asks for — a quarter, a month, a year — checked as
// the commands check --period, --month and --year, the latest with data when
// not given. A choice the data lacks is a mistake in the address (400), said
// as the command says it.
import { DataError, UsageError } from '../core/errors.js';
import { chooseMonth, choosePeriod, type DataKind } from '../analyses/period.js';

/** A parameter of the address, empty as absent. */
export const param = (params: URLSearchParams, name: string): string | undefined => params.get(name)?.trim() || undefined;

function asked<T>(choose: () => T): T {
  try {
    return choose();
  } catch (e) {
    throw e instanceof DataError ? new UsageError(e.msg) : e;
  }
}

/** ?period=, else the latest quarter in `have`. */
export const quarterAsked = (params: URLSearchParams, have: string[], what: DataKind): string => asked(() => choosePeriod(param(params, 'period'), have, what));

/** ?month=, else the latest month in `have`. */
export const monthAsked = (params: URLSearchParams, have: string[]): string => asked(() => chooseMonth(param(params, 'month'), have));

/** ?year=, else the latest year in `years`. */
export function yearAsked(params: URLSearchParams, years: string[]): string {
  const year = param(params, 'year') ?? years.at(-1);
  if (year === undefined || !years.includes(year)) throw new UsageError({ id: 'yr_no_year', params: { have: years.join(', ') } });
  return year;
}
