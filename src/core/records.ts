// Typed records as stored and analysed, and where a record came from. The
// shapes follow schemas/*.schema.json; test/schemas.test.ts checks that the
// slug lists and field names here match them. The sections that hold them are
// declared in sections.ts.

export const ORG_TYPES = ['committee', 'branch'] as const;
export const CATEGORIES = ['rural', 'community', 'agency', 'institution', 'soe', 'private', 'social'] as const;
export const ROLES = ['secretary', 'committee', 'member', 'probationary'] as const;
export const PLEDGE_KINDS = ['long_term', 'annual', 'immediate'] as const;
export const PLEDGE_STATUSES = ['pending', 'in_progress', 'fulfilled', 'abandoned'] as const;
export const GOODS = ['leadership', 'team', 'mechanism', 'performance', 'feedback'] as const;
export const LEADS = ['study', 'excel', 'service', 'discipline', 'integrity'] as const;
export const GRADES = ['good', 'fair', 'average', 'poor'] as const;
export const ADOPTIONS = ['none', 'county', 'city', 'province', 'central'] as const;
export const PROBLEM_SOURCES = ['masses', 'inspection', 'grading', 'pledge', 'other'] as const;
export const PROBLEM_STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;
export const RECHECK_RESULTS = ['holds', 'relapsed'] as const;

export type OrgType = (typeof ORG_TYPES)[number];
export type Category = (typeof CATEGORIES)[number];
export type Role = (typeof ROLES)[number];
export type PledgeKind = (typeof PLEDGE_KINDS)[number];
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];
export type Good = (typeof GOODS)[number];
export type Lead = (typeof LEADS)[number];
export type Grade = (typeof GRADES)[number];
export type Adoption = (typeof ADOPTIONS)[number];
export type ProblemSource = (typeof PROBLEM_SOURCES)[number];
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];
export type RecheckResult = (typeof RECHECK_RESULTS)[number];

/** Where a record came from: the file as given on the command line and the 1-based line. */
export interface Source {
  file: string;
  /** The line of a YAML file; the row of a workbook's sheet. */
  line: number;
  /** The sheet, for a record from a workbook. */
  sheet?: string;
}

export interface Votes {
  satisfied: number;
  basic: number;
  unsatisfied: number;
}

export interface Org {
  code: string;
  name: string;
  type: OrgType;
  parent: string | null;
  category: Category;
  secretary: string | null;
  active: boolean;
  src: Source;
}

export interface Member {
  id: string;
  /**
   * The quarter from which the record states the member (SPEC §1 members):
   * '' from the start. Read from the store for a quarter, the first quarter of
   * the run of quarters with this state.
   */
  period: string;
  name: string;
  org: string;
  role: Role;
  active: boolean;
  src: Source;
}

export interface Pledge {
  id: string;
  owner: string;
  kind: PledgeKind;
  standard: Good | Lead;
  content: string;
  made: string;
  due: string;
  status: PledgeStatus;
  fulfilled: string | null;
  evaluation: Votes | null;
  src: Source;
}

export interface Commentary {
  date: string;
  by: string;
  text: string;
}

export interface Review {
  org: string;
  period: string;
  self: number;
  masses: Votes;
  superior: number;
  grade: Grade | null;
  reason: string | null;
  commentary: Commentary | null;
  src: Source;
}

/** A review as a grading weighs its commentary: its org, quarter and commentary, no more (store/plans.ts reads it so). */
export type ReviewCommentary = Pick<Review, 'org' | 'period' | 'commentary' | 'src'>;

export interface Deduction {
  dimension: Lead;
  points: number;
  reason: string;
}

export interface Points {
  member: string;
  period: string;
  study: number;
  excel: number;
  service: number;
  discipline: number;
  integrity: number;
  deductions: Deduction[];
  masses: Votes | null;
  src: Source;
}

/** A pledge with, when a member owns it, that member's name, org and status: read together for the bulletin. */
export interface OwnedPledge extends Pledge {
  member: { name: string; org: string; active: boolean } | null;
}

/** A points record with its member's name, org and status, read together for the star rating. */
export interface MemberPoints extends Points {
  name: string;
  org: string;
  active: boolean;
}

export interface Report {
  /** Identity: the id when given, else org|date|title. */
  key: string;
  id: string | null;
  org: string;
  date: string;
  period: string;
  title: string;
  adopted: Adoption;
  src: Source;
}

export interface Typical {
  key: string;
  id: string | null;
  org: string;
  date: string;
  period: string;
  title: string;
  src: Source;
}

/** 回头看: a later look at a closed problem. */
export interface Recheck {
  date: string;
  result: RecheckResult;
  note: string | null;
}

/** One problem of the rectification ledger (问题台账), from its finding to its closing and rechecks. */
export interface Problem {
  id: string;
  org: string;
  found: string;
  /** The quarter of `found`: --replace works per org and found quarter. */
  period: string;
  source: ProblemSource;
  pledge: string | null;
  content: string;
  measures: string;
  owner: string;
  due: string;
  status: ProblemStatus;
  resolved: string | null;
  closed: string | null;
  evaluation: Votes | null;
  published: string | null;
  rechecks: Recheck[];
  src: Source;
}

/** A source from its stored columns: the sheet only when there is one. */
export function sourceOf(file: unknown, line: unknown, sheet: unknown): Source {
  const s: Source = { file: file as string, line: line as number };
  if (sheet !== null && sheet !== undefined) s.sheet = sheet as string;
  return s;
}

/** Where a record is, as messages show it: `file:line`, or for a workbook `file:sheet!A14` (its row). */
export const sourceText = (s: Source): string => (s.sheet === undefined ? `${s.file}:${s.line}` : `${s.file}:${s.sheet}!A${s.line}`);
