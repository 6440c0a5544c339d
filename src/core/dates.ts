// Date and period helpers. Dates are ISO strings (YYYY-MM-DD) throughout, so
// they compare correctly as strings.

/** Guess the ISO form of a date written as 2011年3月5日, 2011/3/5, 2011.3.5 or 2011-3-5. */
export function suggestDate(value: string): string | null {
  const m = /^\s*(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*日?\s*$/.exec(value);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isValidDate(iso) ? iso : null;
}

export function isValidDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** 2011-03-05 → 2011Q1 */
export function periodOf(date: string): string {
  const month = +date.slice(5, 7);
  return `${date.slice(0, 4)}Q${Math.floor((month - 1) / 3) + 1}`;
}

/** 2011-03-05 → 2011-03 */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function normalizePeriod(p: string): string {
  return p.toUpperCase();
}

export function isPeriod(p: string): boolean {
  return /^\d{4}[Qq][1-4]$/.test(p);
}

export function isMonth(m: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(m);
}

/** A month as people type it, 2011-6 or 2011-06, written 2011-06; null when it is none. */
export function normalizeMonth(m: string): string | null {
  const x = /^(\d{4})-(\d{1,2})$/.exec(m.trim());
  const month = x ? `${x[1]}-${x[2].padStart(2, '0')}` : '';
  return isMonth(month) ? month : null;
}

/** First and last day of a quarter: 2011Q1 → [2011-01-01, 2011-03-31]. */
export function periodBounds(period: string): [string, string] {
  const y = +period.slice(0, 4);
  const q = +period.slice(5);
  const start = `${y}-${String(q * 3 - 2).padStart(2, '0')}-01`;
  return [start, lastDayOfMonth(`${y}-${String(q * 3).padStart(2, '0')}`)];
}

/** The four quarters of a year: 2011 → 2011Q1…2011Q4. */
export const yearQuarters = (year: string): string[] => [1, 2, 3, 4].map((n) => `${year}Q${n}`);

/** The three months of a quarter. */
export function periodMonths(period: string): string[] {
  const y = period.slice(0, 4);
  const q = +period.slice(5);
  return [0, 1, 2].map((i) => `${y}-${String(q * 3 - 2 + i).padStart(2, '0')}`);
}

export function previousPeriod(period: string): string {
  const y = +period.slice(0, 4);
  const q = +period.slice(5);
  return q === 1 ? `${y - 1}Q4` : `${y}Q${q - 1}`;
}

export function lastDayOfMonth(month: string): string {
  const y = +month.slice(0, 4);
  const m = +month.slice(5, 7);
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(d).padStart(2, '0')}`;
}

/** ISO date plus n days (n may be negative). */
export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Now, as local time with its offset. */
export function localTime(d = new Date()): string {
  const off = -d.getTimezoneOffset();
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const local = new Date(d.getTime() + off * 60_000).toISOString().slice(0, 19);
  return `${local}${off >= 0 ? '+' : '-'}${pad(off / 60)}:${pad(off % 60)}`;
}
