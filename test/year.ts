// A county's year of branch files, as branches hand them in: two towns of ten
// branches each, ten members a branch, four quarters. Each branch's quarter
// is one file (its roster, its review, its members' points, its reports of
// the quarter's three months); a few members move branch in some quarters.
// Deterministic: the same year every run.
import { periodMonths } from '../src/core/dates.js';

export const QUARTERS = ['2011Q1', '2011Q2', '2011Q3', '2011Q4'];
export const BRANCHES = [
  ...Array.from({ length: 10 }, (_, i) => `D01${String(i + 1).padStart(2, '0')}`),
  ...Array.from({ length: 10 }, (_, i) => `D02${String(i + 1).padStart(2, '0')}`),
];
export const MEMBERS = Array.from({ length: 200 }, (_, i) => `M${String(i + 1).padStart(6, '0')}`);

/** Who moves where from which quarter: M000016 from D0102 to D0101 in Q3, and two more. */
export const MOVES: [member: string, to: string, from: string][] = [
  ['M000016', 'D0101', '2011Q3'],
  ['M000055', 'D0203', '2011Q2'],
  ['M000123', 'D0104', '2011Q4'],
];

const NAMES = '王李张刘陈杨赵黄周吴';
const name = (i: number) => `${NAMES[i % 10]}${NAMES[Math.floor(i / 10) % 10]}${'明华军芳丽强敏静'[i % 8]}`;

/** A member's branch in quarter `q`: its first one (ten a branch), or where it moved to. */
export function branchOf(member: string, q: string): string {
  const moved = MOVES.filter(([m, , from]) => m === member && from <= q).at(-1);
  if (moved) return moved[1];
  return BRANCHES[Math.floor((Number(member.slice(1)) - 1) / 10)];
}

export function orgsYaml(): string {
  const town = (code: string, n: string) => `  - {code: ${code}, name: ${n}, type: committee, parent: W00, category: agency}\n`;
  const branch = (code: string, i: number) =>
    `  - {code: ${code}, name: 第${i + 1}党支部${code.slice(1, 3) === '01' ? '（城关）' : '（河口）'}, type: branch, parent: W${code.slice(1, 3)}, category: community}\n`;
  return `orgs:\n  - {code: W00, name: 示范县委, type: committee, category: agency}\n${town('W01', '城关镇党委')}${town('W02', '河口乡党委')}${BRANCHES.map(branch).join('')}`;
}

/** A member's points in quarter `q`: the same each run, a red star now and then. */
function points(member: string, q: string): string {
  const n = Number(member.slice(1)) + QUARTERS.indexOf(q) * 7;
  const s = (k: number) => 16 + ((n * (k + 3)) % 5);
  return `  - {member: ${member}, study: ${s(1)}, excel: ${s(2)}, service: ${s(3)}, discipline: ${s(4)}, integrity: ${s(5)}}\n`;
}

/** Branch `b`'s reports of one month: three to four, by its number. */
export function reports(b: string, month: string, prefix = ''): string {
  const n = 3 + ((Number(b.slice(3)) + Number(month.slice(5))) % 2);
  return Array.from({ length: n }, (_, i) => `  - {org: ${b}, date: "${month}-1${i}", title: ${prefix}${b}${month}第${i + 1}条}\n`).join('');
}

/** One branch's file for quarter `q`, its roster as it is then; `parts` leaves out what is not asked. */
export function branchFile(b: string, q: string, parts: { roster?: boolean; reports?: string[] } = {}): string {
  const members = MEMBERS.filter((m) => branchOf(m, q) === b);
  const roster =
    parts.roster === false ? '' : `members:\n${members.map((m) => `  - {id: ${m}, name: ${name(Number(m.slice(1)))}, org: ${b}, role: member}\n`).join('')}`;
  const n = Number(b.slice(3)) + QUARTERS.indexOf(q);
  const review = `reviews:\n  - {org: ${b}, self: ${85 + (n % 10)}, masses: {satisfied: ${40 + (n % 7)}, basic: 3, unsatisfied: ${n % 3}}, superior: ${82 + ((n * 3) % 14)}}\n`;
  const months = parts.reports ?? periodMonths(q);
  const items = months.length ? `reports:\n${months.map((m) => reports(b, m)).join('')}` : '';
  return `period: ${q}\n${roster}${review}points:\n${members.map((m) => points(m, q)).join('')}${items}`;
}
