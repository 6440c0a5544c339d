// Small helpers over lists.

/** The items of `list` by `key`, each group in the list's order. */
export function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of list) {
    const k = key(x);
    const g = m.get(k);
    if (g) g.push(x);
    else m.set(k, [x]);
  }
  return m;
}

export const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Ascending by code point, as SQLite's BINARY collation orders text. */
export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Competition ranks (1, 2, 2, 4) of a list already sorted: a row shares the
 * rank of the one before it when `tied` says they are equal.
 */
export function ranks<T>(sorted: readonly T[], tied: (a: T, b: T) => boolean): number[] {
  const out: number[] = [];
  sorted.forEach((x, i) => out.push(i > 0 && tied(sorted[i - 1], x) ? out[i - 1] : i + 1));
  return out;
}
