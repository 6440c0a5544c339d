// Diagnostics: reading files and YAML, the schema, the meaning of records, the rules file, warnings.
// Each message id with the parameters its text takes; the texts are in render/i18n/diagnostics.ts (the checks across records: core/messages/rules.ts).
import type { Scalar } from './types.js';

/** Why a pledge is vague: each reason a message of its own. */
export type VagueReason =
  | { id: 'vague_short'; params: DiagnosticMessages['vague_short'] }
  | { id: 'vague_no_number'; params?: DiagnosticMessages['vague_no_number'] }
  | { id: 'vague_stock'; params: DiagnosticMessages['vague_stock'] };

/** An existing code offered for one that names nothing. */
export type Candidate = { id: 'candidate'; params: DiagnosticMessages['candidate'] };

export interface DiagnosticMessages {
  // diagnostics: files and YAML
  read_failed: { reason: Scalar };
  not_found: {};
  no_yaml_files: {};
  too_large: { size: Scalar; limit: Scalar };
  binary: {};
  utf16: {};
  undecodable: {};
  gbk_decoded: {};
  yaml_syntax: { kind: Scalar; detail: Scalar };
  duplicate_key: {};
  custom_tag: { detail: Scalar };
  alias_limit: { detail: Scalar };
  too_deep: {};
  indent: { want: Scalar; have: Scalar };
  indent_item: {};
  indent_dash: { want: Scalar };
  missing_dash: { key: Scalar };
  control_char: { char: Scalar };
  fullwidth: { value: Scalar; half: Scalar };
  fullwidth_colon: { key: Scalar };
  fullwidth_space: {};
  colon_space: { key: Scalar };
  not_finite: { value: Scalar };
  date_no_day: { value: Scalar; days: Scalar };
  line_too_long: { max: Scalar };
  forbidden_key: { detail: Scalar };
  bad_key: {};
  empty_file: {};
  // diagnostics: schema
  not_mapping: {};
  no_section: {};
  required: { field: Scalar };
  unknown_field: { field: Scalar; hint?: Scalar; allowed: Scalar };
  type: { expected: Scalar; actual: Scalar; code?: Scalar };
  range: { min: Scalar; max: Scalar; value: Scalar };
  min: { min: Scalar; value: Scalar };
  above: { min: Scalar; value: Scalar };
  max: { max: Scalar; value: Scalar };
  integer: { value: Scalar };
  empty: {};
  too_long: { max: Scalar };
  too_many: { max: Scalar };
  too_few: { min: Scalar };
  code_pattern: { value: Scalar; hint?: Candidate[] };
  period_pattern: { value: Scalar };
  pattern: { value: Scalar };
  date: { value: Scalar; suggest?: Scalar };
  enum: { value: Scalar; allowed: Scalar; labels: Scalar };
  depends: { field: Scalar; needs: Scalar };
  // diagnostics: meaning
  votes_zero: {};
  points_max: { value: Scalar; max: Scalar };
  due_before_made: { due: Scalar; made: Scalar };
  fulfilled_required: {};
  fulfilled_forbidden: { status: Scalar };
  fulfilled_before_made: { fulfilled: Scalar; made: Scalar };
  problem_date_order: { date_field: Scalar; date: Scalar; before: Scalar; other_field: Scalar };
  problem_date_required: { date_field: Scalar; state: Scalar };
  problem_date_forbidden: { date_field: Scalar; state: Scalar };
  recheck_not_closed: { state: Scalar };
  outside_period: { date: Scalar; period: Scalar };
  candidate: { code: Scalar; name: Scalar };
  // rules file
  rules_weights: { sum: Scalar };
  rules_levels: {};
  rules_grade_unused: { grade: Scalar };
  rules_star_min: { min: Scalar; max: Scalar };
  rules_two_docs: {};
  // warnings
  vague_pledge: { reasons: VagueReason[] };
  vague_short: { min: Scalar };
  vague_no_number: {};
  vague_stock: { phrases: Scalar };
}
