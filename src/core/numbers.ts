// How numbers are shown wherever they appear: in tables, messages and explanations.

/** A share: 0.975 → 97.5% */
export const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;

/** A figure in an explanation, without trailing zeros: 96.5 at 2 decimals → "96.5". */
export const fix = (x: number, d: number) => String(Number(x.toFixed(d)));
