// The section registry: one descriptor per section of SPEC §1 — its record
// schema, its identity, its table and how a record maps to a row and back,
// and its spreadsheet sheet. Import, checks, reads and workbooks all work from
// these, so they cannot drift apart.
import type { Member, Org, Pledge, Points, Report, Review, Section, SectionRecords, Typical, Votes } from './model.js';
import { SECTIONS } from './model.js';
import { monthOf } from './dates.js';

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

export interface SectionDef<R> extends Readable<R> {
  section: Section;
  /** The record's JSON Schema: schemas/<schema>.schema.json. */
  schema: string;
  /** What one record is called in messages (a word of render/i18n/words.ts). */
  what: string;
  /** The field a duplicate identity is reported at. */
  keyField: string;
  /** Primary key columns: the identity. */
  key: string[];
  /** Data columns in a fixed order (the source columns come after them). */
  cols: string[];
  /** Column holding the quarter, for the period-scoped sections. */
  period?: string;
  /** Column naming the org a record belongs to (for a member's points, the member). */
  owner: string;
  toRow(r: R): unknown[];
}

const b = (v: boolean) => (v ? 1 : 0);
const votesCols = (prefix: string) => [`${prefix}_satisfied`, `${prefix}_basic`, `${prefix}_unsatisfied`];
const votesRow = (v: Votes | null) => (v ? [v.satisfied, v.basic, v.unsatisfied] : [null, null, null]);
/** The votes in three columns from `at`. */
function votesOf(row: Row, at: number): Votes | null {
  if (row[at] === null) return null;
  return { satisfied: row[at] as number, basic: row[at + 1] as number, unsatisfied: row[at + 2] as number };
}
export const SRC_COLS = ['src_file', 'src_line'];
/** The source from the last two columns. */
const src = (row: Row) => ({ file: row[row.length - 2] as string, line: row[row.length - 1] as number });
/** Most points records have no deduction: skip the parse for those. */
const deductionsOf = (text: string) => (text === '[]' ? [] : JSON.parse(text));

const orgs: SectionDef<Org> = {
  section: 'orgs',
  schema: 'org',
  what: 'org',
  keyField: 'code',
  name: 'orgs',
  key: ['code'],
  owner: 'code',
  cols: ['code', 'name', 'type', 'parent', 'category', 'secretary', 'active'],
  toRow: (o) => [o.code, o.name, o.type, o.parent, o.category, o.secretary, b(o.active)],
  read: ['code', 'name', 'type', 'parent', 'category', 'secretary', 'active', ...SRC_COLS],
  fromRow: (r) => ({ code: r[0], name: r[1], type: r[2], parent: r[3], category: r[4], secretary: r[5], active: r[6] === 1, src: src(r) }) as Org,
};

const members: SectionDef<Member> = {
  section: 'members',
  schema: 'member',
  what: 'member',
  keyField: 'id',
  name: 'members',
  key: ['id'],
  owner: 'org',
  cols: ['id', 'name', 'org', 'role', 'active'],
  toRow: (m) => [m.id, m.name, m.org, m.role, b(m.active)],
  read: ['id', 'name', 'org', 'role', 'active', ...SRC_COLS],
  fromRow: (r) => ({ id: r[0], name: r[1], org: r[2], role: r[3], active: r[4] === 1, src: src(r) }) as Member,
};

/** A pledge row names its owner as a member's (owner_member) until the store knows the owner is an org. */
const pledges: SectionDef<Pledge> = {
  section: 'pledges',
  schema: 'pledge',
  what: 'pledge',
  keyField: 'id',
  name: 'pledges',
  key: ['id'],
  owner: 'owner',
  cols: ['id', 'owner', 'owner_org', 'owner_member', 'kind', 'standard', 'content', 'made', 'due', 'status', 'fulfilled', ...votesCols('eval')],
  toRow: (p) => [p.id, p.owner, null, p.owner, p.kind, p.standard, p.content, p.made, p.due, p.status, p.fulfilled, ...votesRow(p.evaluation)],
  read: ['id', 'owner', 'kind', 'standard', 'content', 'made', 'due', 'status', 'fulfilled', ...votesCols('eval'), ...SRC_COLS],
  fromRow: (r) => ({
    id: r[0], owner: r[1], kind: r[2], standard: r[3], content: r[4], made: r[5], due: r[6], status: r[7], fulfilled: r[8],
    evaluation: votesOf(r, 9), src: src(r),
  }) as Pledge,
};

const reviews: SectionDef<Review> = {
  section: 'reviews',
  schema: 'review',
  what: 'review',
  keyField: 'org',
  name: 'reviews',
  key: ['org', 'period'],
  period: 'period',
  owner: 'org',
  cols: ['org', 'period', 'self', ...votesCols('masses'), 'superior', 'grade', 'reason', 'commentary_date', 'commentary_by', 'commentary_text'],
  toRow: (v) => [
    v.org, v.period, v.self, ...votesRow(v.masses), v.superior, v.grade, v.reason,
    v.commentary?.date ?? null, v.commentary?.by ?? null, v.commentary?.text ?? null,
  ],
  read: ['org', 'period', 'self', ...votesCols('masses'), 'superior', 'grade', 'reason', 'commentary_date', 'commentary_by', 'commentary_text', ...SRC_COLS],
  fromRow: (r) => ({
    org: r[0], period: r[1], self: r[2], masses: votesOf(r, 3)!, superior: r[6], grade: r[7], reason: r[8],
    commentary: r[9] === null ? null : { date: r[9], by: r[10], text: r[11] },
    src: src(r),
  }) as Review,
};

const points: SectionDef<Points> = {
  section: 'points',
  schema: 'points',
  what: 'points_record',
  keyField: 'member',
  name: 'points',
  key: ['member', 'period'],
  period: 'period',
  owner: 'member',
  cols: ['member', 'period', 'study', 'excel', 'service', 'discipline', 'integrity', 'deductions', ...votesCols('masses')],
  toRow: (p) => [p.member, p.period, p.study, p.excel, p.service, p.discipline, p.integrity, JSON.stringify(p.deductions), ...votesRow(p.masses)],
  read: ['member', 'period', 'study', 'excel', 'service', 'discipline', 'integrity', 'deductions', ...votesCols('masses'), ...SRC_COLS],
  fromRow: (r) => ({
    member: r[0], period: r[1], study: r[2], excel: r[3], service: r[4], discipline: r[5], integrity: r[6],
    deductions: deductionsOf(r[7] as string), masses: votesOf(r, 8), src: src(r),
  }) as Points,
};

const reports: SectionDef<Report> = {
  section: 'reports',
  schema: 'report',
  what: 'report',
  keyField: 'title',
  name: 'reports',
  key: ['key'],
  period: 'period',
  owner: 'org',
  cols: ['key', 'id', 'org', 'date', 'month', 'period', 'title', 'adopted'],
  toRow: (x) => [x.key, x.id, x.org, x.date, monthOf(x.date), x.period, x.title, x.adopted],
  read: ['key', 'id', 'org', 'date', 'period', 'title', 'adopted', ...SRC_COLS],
  fromRow: (r) => ({ key: r[0], id: r[1], org: r[2], date: r[3], period: r[4], title: r[5], adopted: r[6], src: src(r) }) as Report,
};

const typicals: SectionDef<Typical> = {
  section: 'typicals',
  schema: 'typical',
  what: 'typical',
  keyField: 'title',
  name: 'typicals',
  key: ['key'],
  period: 'period',
  owner: 'org',
  cols: ['key', 'id', 'org', 'date', 'period', 'title'],
  toRow: (x) => [x.key, x.id, x.org, x.date, x.period, x.title],
  read: ['key', 'id', 'org', 'date', 'period', 'title', ...SRC_COLS],
  fromRow: (r) => ({ key: r[0], id: r[1], org: r[2], date: r[3], period: r[4], title: r[5], src: src(r) }) as Typical,
};

export const SECTION_DEFS: { [S in Section]: SectionDef<SectionRecords[S][number]> } = {
  orgs, members, pledges, reviews, points, reports, typicals,
};

/** The descriptors in SPEC order. */
export const SECTION_LIST: SectionDef<unknown>[] = SECTIONS.map((s) => SECTION_DEFS[s] as SectionDef<unknown>);

/** How a duplicate identity is shown: a report or typical's own id, else its org|date|title. */
export const shownKey = (key: string) => key.replace(/^id:/, '');

/** Columns a record's fields are derived into, never written in a file: no field of their own. */
const DERIVED = new Set(['key', 'month', 'owner_org', 'owner_member']);
const GROUPS: Record<string, string> = { masses: 'masses', eval: 'evaluation', commentary: 'commentary' };

/** The field a column holds, as a file writes it (`masses_basic` → `masses.basic`); null for a derived column. */
export function fieldOfColumn(col: string): string | null {
  if (DERIVED.has(col)) return null;
  const m = /^(masses|eval|commentary)_(.+)$/.exec(col);
  return m ? `${GROUPS[m[1]]}.${m[2]}` : col;
}

/** A column's value as a record holds it: `active` a boolean, `deductions` a list. */
export function valueOfColumn(col: string, v: unknown): unknown {
  if (col === 'active') return v === 1;
  if (col === 'deductions' && typeof v === 'string') return JSON.parse(v);
  return v;
}
