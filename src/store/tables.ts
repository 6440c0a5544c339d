// How each section's records map to rows and back. One definition drives the
// upserts, --replace and the reads, so the three cannot drift apart.
import type { Member, Org, Pledge, Points, Report, Review, Section, SectionRecords, Typical, Votes } from '../model.js';
import { monthOf } from '../load/dates.js';

type Row = Record<string, unknown>;

export interface Table<R> {
  name: string;
  /** Primary key columns. */
  key: string[];
  /** Data columns in a fixed order (the source columns come after them). */
  cols: string[];
  /** Column holding the quarter, for --replace; absent for sections never removed. */
  period?: string;
  toRow(r: R, ownerIsOrg: (code: string) => boolean): unknown[];
  fromRow(row: Row): R;
}

const b = (v: boolean) => (v ? 1 : 0);
const votesCols = (prefix: string) => [`${prefix}_satisfied`, `${prefix}_basic`, `${prefix}_unsatisfied`];
const votesRow = (v: Votes | null) => (v ? [v.satisfied, v.basic, v.unsatisfied] : [null, null, null]);
function votesOf(row: Row, prefix: string): Votes | null {
  if (row[`${prefix}_satisfied`] === null) return null;
  return { satisfied: row[`${prefix}_satisfied`] as number, basic: row[`${prefix}_basic`] as number, unsatisfied: row[`${prefix}_unsatisfied`] as number };
}
const src = (row: Row) => ({ file: row.src_file as string, line: row.src_line as number });

const orgs: Table<Org> = {
  name: 'orgs',
  key: ['code'],
  cols: ['code', 'name', 'type', 'parent', 'category', 'secretary', 'active'],
  toRow: (o) => [o.code, o.name, o.type, o.parent, o.category, o.secretary, b(o.active)],
  fromRow: (r) => ({
    code: r.code, name: r.name, type: r.type, parent: r.parent, category: r.category, secretary: r.secretary,
    active: r.active === 1, src: src(r),
  }) as Org,
};

const members: Table<Member> = {
  name: 'members',
  key: ['id'],
  cols: ['id', 'name', 'org', 'role', 'active'],
  toRow: (m) => [m.id, m.name, m.org, m.role, b(m.active)],
  fromRow: (r) => ({ id: r.id, name: r.name, org: r.org, role: r.role, active: r.active === 1, src: src(r) }) as Member,
};

const pledges: Table<Pledge> = {
  name: 'pledges',
  key: ['id'],
  cols: ['id', 'owner', 'owner_org', 'owner_member', 'kind', 'standard', 'content', 'made', 'due', 'status', 'fulfilled', ...votesCols('eval')],
  toRow: (p, ownerIsOrg) => {
    const isOrg = ownerIsOrg(p.owner);
    return [p.id, p.owner, isOrg ? p.owner : null, isOrg ? null : p.owner, p.kind, p.standard, p.content, p.made, p.due, p.status, p.fulfilled, ...votesRow(p.evaluation)];
  },
  fromRow: (r) => ({
    id: r.id, owner: r.owner, kind: r.kind, standard: r.standard, content: r.content, made: r.made, due: r.due,
    status: r.status, fulfilled: r.fulfilled, evaluation: votesOf(r, 'eval'), src: src(r),
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
  fromRow: (r) => ({
    org: r.org, period: r.period, self: r.self, masses: votesOf(r, 'masses')!, superior: r.superior, grade: r.grade, reason: r.reason,
    commentary: r.commentary_date === null ? null : { date: r.commentary_date, by: r.commentary_by, text: r.commentary_text },
    src: src(r),
  }) as Review,
};

const points: Table<Points> = {
  name: 'points',
  key: ['member', 'period'],
  period: 'period',
  cols: ['member', 'period', 'study', 'excel', 'service', 'discipline', 'integrity', 'deductions', ...votesCols('masses')],
  toRow: (p) => [p.member, p.period, p.study, p.excel, p.service, p.discipline, p.integrity, JSON.stringify(p.deductions), ...votesRow(p.masses)],
  fromRow: (r) => ({
    member: r.member, period: r.period, study: r.study, excel: r.excel, service: r.service, discipline: r.discipline,
    integrity: r.integrity, deductions: JSON.parse(r.deductions as string), masses: votesOf(r, 'masses'), src: src(r),
  }) as Points,
};

const reports: Table<Report> = {
  name: 'reports',
  key: ['key'],
  period: 'period',
  cols: ['key', 'id', 'org', 'date', 'month', 'period', 'title', 'adopted'],
  toRow: (x) => [x.key, x.id, x.org, x.date, monthOf(x.date), x.period, x.title, x.adopted],
  fromRow: (r) => ({ key: r.key, id: r.id, org: r.org, date: r.date, period: r.period, title: r.title, adopted: r.adopted, src: src(r) }) as Report,
};

const typicals: Table<Typical> = {
  name: 'typicals',
  key: ['key'],
  period: 'period',
  cols: ['key', 'id', 'org', 'date', 'period', 'title'],
  toRow: (x) => [x.key, x.id, x.org, x.date, x.period, x.title],
  fromRow: (r) => ({ key: r.key, id: r.id, org: r.org, date: r.date, period: r.period, title: r.title, src: src(r) }) as Typical,
};

export const TABLES: { [S in Section]: Table<SectionRecords[S][number]> } = {
  orgs, members, pledges, reviews, points, reports, typicals,
};
