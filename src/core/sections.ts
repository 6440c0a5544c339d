// The section registry: one declaration per section of SPEC §1 — its record
// schema, its identity, its table, where export writes it, and one list of
// its columns, from which the row a record is written as, the columns it is
// read back from, the record made of a row and its sheet's headers are all
// derived. The list of sections, their names and the shape of a batch of
// records (SECTIONS, Section, SectionRecords) are derived from these
// declarations too: a section is added here, and nowhere else names them all.
import type { Deduction, Lead, Member, Org, Pledge, Points, Problem, Recheck, RecheckResult, Report, Review, Typical } from './records.js';
import { monthOf, normalizePeriod, periodOf } from './dates.js';
import { compile, type ColumnDef, type FileContext, type FileRecord, type Readable, type RowCodec } from './section-rows.js';

export { selectOf, SRC_COLS, type ColumnDef, type FileContext, type FileRecord, type Readable, type Row } from './section-rows.js';

export interface SectionDef<R, S extends string = Section> extends Readable<R>, RowCodec<R> {
  section: S;
  /** The record's JSON Schema: schemas/<schema>.schema.json. */
  schema: string;
  /** What one record is called in messages: the key of its word (render/i18n/words.ts). */
  what: string;
  /** The section's name and one record's, in Chinese and English (what render/i18n/words.ts gives for `section` and `what`). */
  words: { section: Words; record: Words };
  /** The field a duplicate identity is reported at. */
  keyField: string;
  /** Primary key columns: the identity. */
  key: string[];
  /** Its columns, once: everything below that speaks of columns is derived from them. */
  columns: ColumnDef<R>[];
  /** Column holding the quarter, for the period-scoped sections. */
  period?: string;
  /** Where `export` writes its records as YAML: in the first document, or in their quarter's (a record of none: the first). */
  document: 'first' | 'quarter';
  /** The order `export` writes its records in (SQL: its columns). */
  exportOrder: string;
  /** Submitted per month of its `date` (SPEC §3 Submissions), not per quarter. */
  monthly?: true;
  /** Column naming the org a record belongs to (for a member's points, the member). */
  owner: string;
  /**
   * How `show` presents an org's or member's records of it: in a view of its
   * own (analyses/profile.ts, render/views/show.ts), or as a table of its
   * sheet's columns, each record with its source, ordered as export orders them.
   */
  show: 'own' | 'table';
  /** Its sheet in a workbook (SPEC §1 "Spreadsheets"). */
  sheet: SheetDef;
}

export interface Words {
  zh: string;
  en: string;
}

/** A sheet of the fill-in workbook: its name and its columns, each a field's Chinese label and path. */
export interface SheetDef {
  /** The sheet's Chinese name; its slug (the section's name) is accepted too. */
  label: string;
  slug: string;
  /** Other names offices give the sheet (积分扣分 for 积分扣减). */
  aliases?: string[];
  columns: { label: string; field: string; aliases?: string[] }[];
  /** The column people read a referenced org's or member's name in: not stored, checked against the record. */
  names?: { label: string; ref: string; kind: 'org' | 'member' }[];
}

const orgName = { label: '组织名称', ref: 'org', kind: 'org' as const };
const memberName = { label: '姓名', ref: 'member', kind: 'member' as const };

/**
 * A member's statement that names no quarter: staged as from the start, which
 * it is for a member not stored yet; the store settles the others (store/batch/since.ts).
 */
export const UNDATED = '';

const c = <R>(column: string, field: string, label?: string, more: Partial<ColumnDef<R>> = {}): ColumnDef<R> => ({ column, field, label, ...more });
/** A group of votes in three columns: `<prefix>_satisfied`… holding `<field>.satisfied`…. */
const votes = <R>(prefix: string, field: string): ColumnDef<R>[] => [
  c(`${prefix}_satisfied`, `${field}.satisfied`, '满意', { absent: 0 }),
  c(`${prefix}_basic`, `${field}.basic`, '基本满意', { absent: 0 }),
  c(`${prefix}_unsatisfied`, `${field}.unsatisfied`, '不满意', { absent: 0 }),
];
/** An optional text field: null when a file leaves it out. */
const opt = <R>(column: string, label?: string): ColumnDef<R> => c(column, column, label, { absent: null });
const enm = <R>(column: string, label: string, domain: string, absent?: null | string): ColumnDef<R> =>
  c(column, column, label, { enum: domain, ...(absent === undefined ? {} : { absent }) });
const active = <R>(): ColumnDef<R> => c('active', 'active', '在册', { kind: 'bool' });

/** A record's quarter as it names it (a row's 季度), else its document's; with none, `none`. */
const ownQuarter =
  (none: string | null) =>
  (r: FileRecord, { period }: FileContext) =>
    typeof r.period === 'string' ? normalizePeriod(r.period) : (period ?? none);
/** A record's quarter from its date `field` (a report's date, a problem's found). */
const quarterOf = (field: string) => (r: FileRecord) => periodOf(r[field] as string);
/** A list of a record's items, each as `item` makes it. */
const itemsOf =
  <T>(field: string, item: (x: FileRecord, ctx: FileContext) => T) =>
  (r: FileRecord, ctx: FileContext): T[] =>
    ((r[field] as FileRecord[] | undefined) ?? []).map((x) => item(x, ctx));

/** The sheet's columns: those with a header, the quarter first where every row needs one, else last (a member's, optional). */
function sheetColumns(columns: ColumnDef<never>[], scoped: boolean): SheetDef['columns'] {
  const shown = columns.filter((x) => x.label !== undefined).map((x) => ({ label: x.label!, field: x.field!, ...(x.aliases ? { aliases: x.aliases } : {}) }));
  const [quarter, rest] = [shown.filter((x) => x.field === 'period'), shown.filter((x) => x.field !== 'period')];
  return scoped ? [...quarter, ...rest] : [...rest, ...quarter];
}

type Base<R, S extends string> = Omit<SectionDef<R, S>, 'cols' | 'read' | 'pushRow' | 'fromRow' | 'sheet'> & { sheet: Omit<SheetDef, 'columns' | 'slug'> };

/** A section of records `R`, named by its declaration's `section`. */
const section =
  <R>() =>
  <S extends string>(def: Base<R, S>): SectionDef<R, S> => ({
    ...def,
    ...compile(def.columns),
    sheet: { ...def.sheet, slug: def.section, columns: sheetColumns(def.columns as ColumnDef<never>[], def.period !== undefined) },
  });

const orgs = section<Org>()({
  section: 'orgs',
  words: { section: { zh: '组织', en: 'orgs' }, record: { zh: '组织', en: 'org' } },
  exportOrder: 'code',
  document: 'first',
  schema: 'org',
  what: 'org',
  keyField: 'code',
  name: 'orgs',
  key: ['code'],
  owner: 'code',
  show: 'own',
  columns: [
    c('code', 'code', '编号', { code: true }),
    c('name', 'name', '名称', { caption: true }),
    enm('type', '类型', 'orgType'),
    // Checked by the tree's rules (store/rules/errors.ts).
    c('parent', 'parent', '上级编号', { absent: null, ref: 'orgs', ownRule: true }),
    enm('category', '类别', 'category'),
    opt('secretary', '书记'),
    active(),
  ],
  sheet: { label: '组织' },
});

/**
 * A member as a file states it, from a quarter on (SPEC §1 members): its
 * record's `period` is its document's or workbook's quarter, or its row's
 * 季度; a record with none is staged as UNDATED (from the start) until the
 * store settles it (store/batch/since.ts). The analyses read the runs made of these
 * statements (store/member-runs.ts), never this table.
 */
const members = section<Member>()({
  section: 'members',
  words: { section: { zh: '党员', en: 'members' }, record: { zh: '党员', en: 'member' } },
  exportOrder: 'id, since',
  document: 'quarter',
  schema: 'member',
  what: 'member',
  keyField: 'id',
  name: 'member_statements',
  key: ['id', 'since'],
  owner: 'org',
  show: 'own',
  columns: [
    c('id', 'id', '编号', { code: true }),
    // A statement that names no quarter is UNDATED until the store settles it.
    c('since', 'period', '季度', { computed: true, fromFile: ownQuarter(UNDATED) }),
    c('name', 'name', '姓名', { caption: true }),
    // Checked by the rule of a member's branch (store/rules/errors.ts).
    c('org', 'org', '所在支部', { ref: 'orgs', ownRule: true }),
    enm('role', '身份', 'role'),
    active(),
  ],
  sheet: { label: '党员' },
});

/** A pledge row names its owner as a member's (owner_member) until the store knows the owner is an org. */
const pledges = section<Pledge>()({
  section: 'pledges',
  words: { section: { zh: '承诺', en: 'pledges' }, record: { zh: '承诺', en: 'pledge' } },
  exportOrder: 'id',
  document: 'first',
  schema: 'pledge',
  what: 'pledge',
  keyField: 'id',
  name: 'pledges',
  key: ['id'],
  owner: 'owner',
  show: 'own',
  columns: [
    c('id', 'id', '编号', { code: true }),
    c('owner', 'owner', '承诺主体', { ref: 'owner' }),
    { column: 'owner_org', derive: () => null, code: true },
    { column: 'owner_member', derive: (p) => p.owner, code: true },
    enm('kind', '承诺类型', 'pledgeKind'),
    enm('standard', '对照标准', 'standard'),
    c('content', 'content', '承诺内容', { caption: true }),
    c('made', 'made', '承诺日期'),
    c('due', 'due', '完成时限'),
    enm('status', '状态', 'pledgeStatus'),
    opt('fulfilled', '兑现日期'),
    ...votes<Pledge>('eval', 'evaluation'),
  ],
  sheet: {
    label: '公开承诺',
    names: [
      { ...orgName, ref: 'owner' },
      { ...memberName, ref: 'owner' },
    ],
  },
});

const reviews = section<Review>()({
  section: 'reviews',
  words: { section: { zh: '测评', en: 'reviews' }, record: { zh: '测评记录', en: 'review' } },
  exportOrder: 'period, org',
  document: 'quarter',
  schema: 'review',
  what: 'review',
  keyField: 'org',
  name: 'reviews',
  key: ['org', 'period'],
  period: 'period',
  owner: 'org',
  show: 'own',
  columns: [
    c('org', 'org', '组织编号', { ref: 'orgs' }),
    c('period', 'period', '季度', { fromFile: ownQuarter(null) }),
    c('self', 'self', '自评'),
    ...votes<Review>('masses', 'masses'),
    c('superior', 'superior', '上级评定'),
    enm('grade', '评定等次', 'grade', null),
    opt('reason', '评定理由'),
    c('commentary_date', 'commentary.date', '点评日期'),
    c('commentary_by', 'commentary.by', '点评人'),
    c('commentary_text', 'commentary.text', '点评内容'),
  ],
  sheet: { label: '季度测评', names: [orgName] },
});

const points = section<Points>()({
  section: 'points',
  words: { section: { zh: '积分', en: 'points' }, record: { zh: '积分记录', en: 'points record' } },
  exportOrder: 'period, member',
  document: 'quarter',
  schema: 'points',
  what: 'points_record',
  keyField: 'member',
  name: 'points',
  key: ['member', 'period'],
  period: 'period',
  owner: 'member',
  show: 'own',
  columns: [
    c('member', 'member', '党员编号', { ref: 'members' }),
    c('period', 'period', '季度', { fromFile: ownQuarter(null) }),
    // A lead's short name is its header too (SPEC §1 "Header aliases").
    c('study', 'study', '带头学习提高', { aliases: ['学习提高'] }),
    c('excel', 'excel', '带头争创佳绩', { aliases: ['争创佳绩'] }),
    c('service', 'service', '带头服务群众', { aliases: ['服务群众'] }),
    c('discipline', 'discipline', '带头遵纪守法', { aliases: ['遵纪守法'] }),
    c('integrity', 'integrity', '带头弘扬正气', { aliases: ['弘扬正气'] }),
    // On a sheet of their own (DEDUCTIONS_SHEET), one per row.
    c('deductions', 'deductions', undefined, {
      kind: 'json',
      fromFile: itemsOf(
        'deductions',
        (d, { slug }): Deduction => ({ dimension: slug('lead', d.dimension as string) as Lead, points: d.points as number, reason: d.reason as string }),
      ),
    }),
    ...votes<Points>('masses', 'masses'),
  ],
  sheet: { label: '党员积分', names: [memberName] },
});

/** A report's or typical's identity: its id, else its org, date and title. */
const itemKey = <R>() =>
  c<R>('key', 'key', undefined, { computed: true, fromFile: (r) => (typeof r.id === 'string' ? `id:${r.id}` : `${r.org}|${r.date}|${r.title}`) });

const reports = section<Report>()({
  section: 'reports',
  words: { section: { zh: '信息报送', en: 'reports' }, record: { zh: '信息', en: 'report' } },
  monthly: true,
  exportOrder: 'period, org, date, key',
  document: 'quarter',
  schema: 'report',
  what: 'report',
  keyField: 'title',
  name: 'reports',
  key: ['key'],
  period: 'period',
  owner: 'org',
  show: 'own',
  columns: [
    itemKey(),
    c('id', 'id', '编号', { absent: null, code: true }),
    c('org', 'org', '组织编号', { ref: 'orgs' }),
    c('date', 'date', '日期'),
    { column: 'month', derive: (x) => monthOf(x.date) },
    // The quarter of its date: not on the sheet.
    c('period', 'period', undefined, { fromFile: quarterOf('date') }),
    c('title', 'title', '标题', { caption: true }),
    enm('adopted', '采用级别', 'adoption', 'none'),
  ],
  sheet: { label: '信息报送', names: [orgName] },
});

const typicals = section<Typical>()({
  section: 'typicals',
  words: { section: { zh: '培树典型', en: 'typicals' }, record: { zh: '典型', en: 'typical' } },
  monthly: true,
  exportOrder: 'period, org, date, key',
  document: 'quarter',
  schema: 'typical',
  what: 'typical',
  keyField: 'title',
  name: 'typicals',
  key: ['key'],
  period: 'period',
  owner: 'org',
  show: 'own',
  columns: [
    itemKey(),
    c('id', 'id', '编号', { absent: null, code: true }),
    c('org', 'org', '组织编号', { ref: 'orgs' }),
    c('date', 'date', '日期'),
    c('period', 'period', undefined, { fromFile: quarterOf('date') }),
    c('title', 'title', '标题', { caption: true }),
  ],
  sheet: { label: '培树典型', names: [orgName] },
});

const problems = section<Problem>()({
  section: 'problems',
  words: { section: { zh: '问题台账', en: 'problems' }, record: { zh: '问题', en: 'problem' } },
  exportOrder: 'id',
  document: 'first',
  schema: 'problem',
  what: 'problem',
  keyField: 'id',
  name: 'problems',
  key: ['id'],
  // The quarter it was found in: --replace works per org and found quarter.
  period: 'period',
  owner: 'org',
  show: 'own',
  columns: [
    c('id', 'id', '编号', { code: true }),
    c('org', 'org', '组织编号', { ref: 'orgs' }),
    c('found', 'found', '发现日期'),
    // The quarter it was found in.
    c('period', 'period', undefined, { computed: true, fromFile: quarterOf('found') }),
    enm('source', '问题来源', 'problemSource'),
    c('pledge', 'pledge', '关联承诺', { absent: null, ref: 'pledges' }),
    c('content', 'content', '问题描述', { caption: true }),
    c('measures', 'measures', '整改措施'),
    c('owner', 'owner', '责任人'),
    c('due', 'due', '整改时限'),
    enm('status', '整改状态', 'problemStatus'),
    opt('resolved', '整改完成日期'),
    opt('closed', '销号日期'),
    ...votes<Problem>('eval', 'evaluation'),
    opt('published', '公示日期'),
    // On a sheet of their own (RECHECKS_SHEET), one per row.
    c('rechecks', 'rechecks', undefined, {
      kind: 'json',
      fromFile: itemsOf(
        'rechecks',
        (x, { slug }): Recheck => ({
          date: x.date as string,
          result: slug('recheckResult', x.result as string) as RecheckResult,
          note: (x.note as string | undefined) ?? null,
        }),
      ),
    }),
  ],
  sheet: { label: '问题台账', names: [orgName] },
});

/** Every section, in SPEC order. */
export const SECTION_DEFS = { orgs, members, pledges, reviews, points, reports, typicals, problems };

export type Section = keyof typeof SECTION_DEFS;
/** The record type of a section's declaration. */
type RecordOf<D> = D extends SectionDef<infer R, string> ? R : never;
/** A batch of records, per section. */
export type SectionRecords = { [S in Section]: RecordOf<(typeof SECTION_DEFS)[S]>[] };

/** The sections in SPEC order. */
export const SECTIONS = Object.keys(SECTION_DEFS) as Section[];

export function emptySections(): SectionRecords {
  return Object.fromEntries(SECTIONS.map((s) => [s, []])) as unknown as SectionRecords;
}

/** The fields that name an org or a member by its code, in any section. */
export const REFERENCE_FIELDS: ReadonlySet<string> = new Set(
  Object.values(SECTION_DEFS).flatMap((t) => (t.columns as ColumnDef[]).filter((x) => x.ref && x.ref !== 'pledges').map((x) => x.field!)),
);

/** The descriptors in SPEC order. */
export const SECTION_LIST: SectionDef<unknown>[] = SECTIONS.map((s) => SECTION_DEFS[s] as SectionDef<unknown>);

/** How a duplicate identity is shown: a report or typical's own id, else its org|date|title. */
const shownKey = (key: string) => key.replace(/^id:/, '');

/** An identity's values as messages show them: a member's quarter only when its statement names one. */
export const keyText = (key: readonly unknown[]) =>
  shownKey(
    key
      .filter((v) => v !== UNDATED)
      .map(String)
      .join(' '),
  );
