// How each section's records map to rows and back. One definition drives the
// upserts, --replace and the reads, so the three cannot drift apart.
import type { Member, MemberPoints, Org, OwnedPledge, Pledge, Points, Report, Review, Section, SectionRecords, Typical, Votes } from '../model.js';
import { monthOf } from '../load/dates.js';

/** A row as read: the `read` columns' values in that order. */
export type Row = unknown[];

/** What a read needs: the FROM clause, the columns and how a row becomes a record. */
export interface Readable<R> {
  name: string;
  /** The columns a record is read back from: only what it needs, the source last. */
  read: string[];
  fromRow(row: Row): R;
}

/** The SELECT that reads `t`'s records, `rest` being its WHERE and ORDER BY. */
export const selectOf = (t: Readable<unknown>, rest: string) => `SELECT ${t.read.join(', ')} FROM ${t.name} ${rest}`;

/** A section's table: `name` is the table itself. */
export interface Table<R> extends Readable<R> {
  /** Primary key columns. */
  key: string[];
  /** Data columns in a fixed order (the source columns come after them). */
  cols: string[];
  /** Column holding the quarter, for --replace; absent for sections never removed. */
  period?: string;
  toRow(r: R, ownerIsOrg: (code: string) => boolean): unknown[];
}

const b = (v: boolean) => (v ? 1 : 0);
const votesCols = (prefix: string) => [`${prefix}_satisfied`, `${prefix}_basic`, `${prefix}_unsatisfied`];
const votesRow = (v: Votes | null) => (v ? [v.satisfied, v.basic, v.unsatisfied] : [null, null, null]);
/** The votes in three columns from `at`. */
function votesOf(row: Row, at: number): Votes | null {
  if (row[at] === null) return null;
  return { satisfied: row[at] as number, basic: row[at + 1] as number, unsatisfied: row[at + 2] as number };
}
const SRC = ['src_file', 'src_line'];
/** The source from the last two columns. */
const src = (row: Row) => ({ file: row[row.length - 2] as string, line: row[row.length - 1] as number });
/** Most points records have no deduction: skip the parse for those. */
const deductionsOf = (text: string) => (text === '[]' ? [] : JSON.parse(text));

const orgs: Table<Org> = {
  name: 'orgs',
  key: ['code'],
  cols: ['code', 'name', 'type', 'parent', 'category', 'secretary', 'active'],
  toRow: (o) => [o.code, o.name, o.type, o.parent, o.category, o.secretary, b(o.active)],
  read: ['code', 'name', 'type', 'parent', 'category', 'secretary', 'active', ...SRC],
  fromRow: (r) => ({ code: r[0], name: r[1], type: r[2], parent: r[3], category: r[4], secretary: r[5], active: r[6] === 1, src: src(r) }) as Org,
};

const members: Table<Member> = {
  name: 'members',
  key: ['id'],
  cols: ['id', 'name', 'org', 'role', 'active'],
  toRow: (m) => [m.id, m.name, m.org, m.role, b(m.active)],
  read: ['id', 'name', 'org', 'role', 'active', ...SRC],
  fromRow: (r) => ({ id: r[0], name: r[1], org: r[2], role: r[3], active: r[4] === 1, src: src(r) }) as Member,
};

const pledges: Table<Pledge> = {
  name: 'pledges',
  key: ['id'],
  cols: ['id', 'owner', 'owner_org', 'owner_member', 'kind', 'standard', 'content', 'made', 'due', 'status', 'fulfilled', ...votesCols('eval')],
  toRow: (p, ownerIsOrg) => {
    const isOrg = ownerIsOrg(p.owner);
    return [p.id, p.owner, isOrg ? p.owner : null, isOrg ? null : p.owner, p.kind, p.standard, p.content, p.made, p.due, p.status, p.fulfilled, ...votesRow(p.evaluation)];
  },
  read: ['id', 'owner', 'kind', 'standard', 'content', 'made', 'due', 'status', 'fulfilled', ...votesCols('eval'), ...SRC],
  fromRow: (r) => ({
    id: r[0], owner: r[1], kind: r[2], standard: r[3], content: r[4], made: r[5], due: r[6], status: r[7], fulfilled: r[8],
    evaluation: votesOf(r, 9), src: src(r),
  }) as Pledge,
};

const reviews: Table<Review> = {
  name: 'reviews',
  key: ['org', 'period'],
  period: 'period',
  cols: ['org', 'period', 'self', ...votesCols('masses'), 'superior', 'grade', 'reason', 'commentary_date', 'commentary_by', 'commentary_text'],
  toRow: (v) => [
    v.org, v.period, v.self, ...votesRow(v.masses), v.superior, v.grade, v.reason,
    v.commentary?.date ?? null, v.commentary?.by ?? null, v.commentary?.text ?? null,
  ],
  read: ['org', 'period', 'self', ...votesCols('masses'), 'superior', 'grade', 'reason', 'commentary_date', 'commentary_by', 'commentary_text', ...SRC],
  fromRow: (r) => ({
    org: r[0], period: r[1], self: r[2], masses: votesOf(r, 3)!, superior: r[6], grade: r[7], reason: r[8],
    commentary: r[9] === null ? null : { date: r[9], by: r[10], text: r[11] },
    src: src(r),
  }) as Review,
};

const points: Table<Points> = {
  name: 'points',
  key: ['member', 'period'],
  period: 'period',
  cols: ['member', 'period', 'study', 'excel', 'service', 'discipline', 'integrity', 'deductions', ...votesCols('masses')],
  toRow: (p) => [p.member, p.period, p.study, p.excel, p.service, p.discipline, p.integrity, JSON.stringify(p.deductions), ...votesRow(p.masses)],
  read: ['member', 'period', 'study', 'excel', 'service', 'discipline', 'integrity', 'deductions', ...votesCols('masses'), ...SRC],
  fromRow: (r) => ({
    member: r[0], period: r[1], study: r[2], excel: r[3], service: r[4], discipline: r[5], integrity: r[6],
    deductions: deductionsOf(r[7] as string), masses: votesOf(r, 8), src: src(r),
  }) as Points,
};

/**
 * `t`'s columns (as `p`) with a member's name, org and status (as `m`) before
 * the source: `t.fromRow` reads a joined row as its own, and the member's
 * three columns sit at `at`.
 */
function withMember(t: Table<unknown>): { read: string[]; at: number } {
  const own = t.read.slice(0, -2).map((c) => `p.${c}`);
  return { read: [...own, 'm.name', 'm.org', 'm.active', ...SRC.map((c) => `p.${c}`)], at: own.length };
}

const pointsJoin = withMember(points);
/** Points joined with their member: the star rating needs both, and one read of the pair costs half of two. */
export const memberPoints: Readable<MemberPoints> = {
  name: 'points p JOIN members m ON m.id = p.member',
  read: pointsJoin.read,
  fromRow: (r) => {
    const p = points.fromRow(r) as MemberPoints;
    const at = pointsJoin.at;
    p.name = r[at] as string;
    p.org = r[at + 1] as string;
    p.active = r[at + 2] === 1;
    return p;
  },
};

const pledgesJoin = withMember(pledges);
/** Pledges with their owning member: the bulletin names owners and counts members' coverage without reading every member. */
export const ownedPledges: Readable<OwnedPledge> = {
  name: 'pledges p LEFT JOIN members m ON m.id = p.owner_member',
  read: pledgesJoin.read,
  fromRow: (r) => {
    const p = pledges.fromRow(r) as OwnedPledge;
    const at = pledgesJoin.at;
    p.member = r[at] === null ? null : { name: r[at] as string, org: r[at + 1] as string, active: r[at + 2] === 1 };
    return p;
  },
};

const reports: Table<Report> = {
  name: 'reports',
  key: ['key'],
  period: 'period',
  cols: ['key', 'id', 'org', 'date', 'month', 'period', 'title', 'adopted'],
  toRow: (x) => [x.key, x.id, x.org, x.date, monthOf(x.date), x.period, x.title, x.adopted],
  read: ['key', 'id', 'org', 'date', 'period', 'title', 'adopted', ...SRC],
  fromRow: (r) => ({ key: r[0], id: r[1], org: r[2], date: r[3], period: r[4], title: r[5], adopted: r[6], src: src(r) }) as Report,
};

const typicals: Table<Typical> = {
  name: 'typicals',
  key: ['key'],
  period: 'period',
  cols: ['key', 'id', 'org', 'date', 'period', 'title'],
  toRow: (x) => [x.key, x.id, x.org, x.date, x.period, x.title],
  read: ['key', 'id', 'org', 'date', 'period', 'title', ...SRC],
  fromRow: (r) => ({ key: r[0], id: r[1], org: r[2], date: r[3], period: r[4], title: r[5], src: src(r) }) as Typical,
};

export const TABLES: { [S in Section]: Table<SectionRecords[S][number]> } = {
  orgs, members, pledges, reviews, points, reports, typicals,
};
