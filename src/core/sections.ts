// The section registry: one descriptor per section of SPEC §1 — its record
// schema, its identity, its table and how a record maps to a row and back,
// and its spreadsheet sheet. Import, checks, reads and workbooks all work from
// these, so they cannot drift apart.
import type { Member, Org, Pledge, Points, Report, Review, Section, SectionRecords, Source, Typical, Votes } from './model.js';
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
  /** Its sheet in a workbook (SPEC §1 "Spreadsheets"). */
  sheet: SheetDef;
}

/** A sheet of the fill-in workbook: its name and its columns, each a field's Chinese label and path. */
export interface SheetDef {
  /** The sheet's Chinese name; its slug (the section's name) is accepted too. */
  label: string;
  slug: string;
  columns: { label: string; field: string }[];
  /** The column people read a referenced org's or member's name in: not stored, checked against the record. */
  names?: { label: string; ref: string; kind: 'org' | 'member' }[];
}

const col = (label: string, field: string) => ({ label, field });
const votesSheet = (prefix: string) => [col('满意', `${prefix}.satisfied`), col('基本满意', `${prefix}.basic`), col('不满意', `${prefix}.unsatisfied`)];
const orgName = { label: '组织名称', ref: 'org', kind: 'org' as const };
const memberName = { label: '姓名', ref: 'member', kind: 'member' as const };
/** The five leads' points: the Chinese names of the leads. */
const LEAD_LABELS: [string, string][] = [
  ['带头学习提高', 'study'],
  ['带头争创佳绩', 'excel'],
  ['带头服务群众', 'service'],
  ['带头遵纪守法', 'discipline'],
  ['带头弘扬正气', 'integrity'],
];

/** Deductions from points, one per row, added to the member's points of that quarter in the same workbook. */
export const DEDUCTIONS_SHEET: SheetDef = {
  label: '积分扣减',
  slug: 'deductions',
  columns: [col('季度', 'period'), col('党员编号', 'member'), col('扣分项', 'dimension'), col('扣分', 'points'), col('原因', 'reason')],
  names: [memberName],
};

const b = (v: boolean) => (v ? 1 : 0);
const votesCols = (prefix: string) => [`${prefix}_satisfied`, `${prefix}_basic`, `${prefix}_unsatisfied`];
const votesRow = (v: Votes | null) => (v ? [v.satisfied, v.basic, v.unsatisfied] : [null, null, null]);
/** The votes in three columns from `at`. */
function votesOf(row: Row, at: number): Votes | null {
  if (row[at] === null) return null;
  return { satisfied: row[at] as number, basic: row[at + 1] as number, unsatisfied: row[at + 2] as number };
}
export const SRC_COLS = ['src_file', 'src_line', 'src_sheet'];
/** The source from the last two columns. */
/** The source from the last three columns: a workbook's record has its sheet. */
function src(row: Row): Source {
  const n = row.length;
  const s: Source = { file: row[n - 3] as string, line: row[n - 2] as number };
  if (row[n - 1] !== null) s.sheet = row[n - 1] as string;
  return s;
}
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
  sheet: {
    label: '组织',
    slug: 'orgs',
    columns: [
      col('编号', 'code'),
      col('名称', 'name'),
      col('类型', 'type'),
      col('上级编号', 'parent'),
      col('类别', 'category'),
      col('书记', 'secretary'),
      col('在册', 'active'),
    ],
  },
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
  sheet: {
    label: '党员',
    slug: 'members',
    columns: [col('编号', 'id'), col('姓名', 'name'), col('所在支部', 'org'), col('身份', 'role'), col('在册', 'active')],
  },
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
  sheet: {
    label: '公开承诺',
    slug: 'pledges',
    columns: [
      col('编号', 'id'),
      col('承诺主体', 'owner'),
      col('承诺类型', 'kind'),
      col('对照标准', 'standard'),
      col('承诺内容', 'content'),
      col('承诺日期', 'made'),
      col('完成时限', 'due'),
      col('状态', 'status'),
      col('兑现日期', 'fulfilled'),
      ...votesSheet('evaluation'),
    ],
    names: [
      { ...orgName, ref: 'owner' },
      { ...memberName, ref: 'owner' },
    ],
  },
  read: ['id', 'owner', 'kind', 'standard', 'content', 'made', 'due', 'status', 'fulfilled', ...votesCols('eval'), ...SRC_COLS],
  fromRow: (r) =>
    ({
      id: r[0],
      owner: r[1],
      kind: r[2],
      standard: r[3],
      content: r[4],
      made: r[5],
      due: r[6],
      status: r[7],
      fulfilled: r[8],
      evaluation: votesOf(r, 9),
      src: src(r),
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
    v.org,
    v.period,
    v.self,
    ...votesRow(v.masses),
    v.superior,
    v.grade,
    v.reason,
    v.commentary?.date ?? null,
    v.commentary?.by ?? null,
    v.commentary?.text ?? null,
  ],
  sheet: {
    label: '季度测评',
    slug: 'reviews',
    columns: [
      col('季度', 'period'),
      col('组织编号', 'org'),
      col('自评', 'self'),
      ...votesSheet('masses'),
      col('上级评定', 'superior'),
      col('评定等次', 'grade'),
      col('评定理由', 'reason'),
      col('点评日期', 'commentary.date'),
      col('点评人', 'commentary.by'),
      col('点评内容', 'commentary.text'),
    ],
    names: [orgName],
  },
  read: ['org', 'period', 'self', ...votesCols('masses'), 'superior', 'grade', 'reason', 'commentary_date', 'commentary_by', 'commentary_text', ...SRC_COLS],
  fromRow: (r) =>
    ({
      org: r[0],
      period: r[1],
      self: r[2],
      masses: votesOf(r, 3)!,
      superior: r[6],
      grade: r[7],
      reason: r[8],
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
  sheet: {
    label: '党员积分',
    slug: 'points',
    columns: [col('季度', 'period'), col('党员编号', 'member'), ...LEAD_LABELS.map(([l, f]) => col(l, f)), ...votesSheet('masses')],
    names: [memberName],
  },
  read: ['member', 'period', 'study', 'excel', 'service', 'discipline', 'integrity', 'deductions', ...votesCols('masses'), ...SRC_COLS],
  fromRow: (r) =>
    ({
      member: r[0],
      period: r[1],
      study: r[2],
      excel: r[3],
      service: r[4],
      discipline: r[5],
      integrity: r[6],
      deductions: deductionsOf(r[7] as string),
      masses: votesOf(r, 8),
      src: src(r),
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
  sheet: {
    label: '信息报送',
    slug: 'reports',
    columns: [col('编号', 'id'), col('组织编号', 'org'), col('日期', 'date'), col('标题', 'title'), col('采用级别', 'adopted')],
    names: [orgName],
  },
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
  sheet: {
    label: '培树典型',
    slug: 'typicals',
    columns: [col('编号', 'id'), col('组织编号', 'org'), col('日期', 'date'), col('标题', 'title')],
    names: [orgName],
  },
  read: ['key', 'id', 'org', 'date', 'period', 'title', ...SRC_COLS],
  fromRow: (r) => ({ key: r[0], id: r[1], org: r[2], date: r[3], period: r[4], title: r[5], src: src(r) }) as Typical,
};

export const SECTION_DEFS: { [S in Section]: SectionDef<SectionRecords[S][number]> } = {
  orgs,
  members,
  pledges,
  reviews,
  points,
  reports,
  typicals,
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
