// Workbooks: reading filled sheets, the template, annotated copies, export.
// Each message id with the parameters its text takes; the texts are in render/i18n/workbook.ts.
import type { Scalar } from './types.js';

export interface WorkbookMessages {
  cell_shown: { header: Scalar; value: Scalar };
  cell_header: { header: Scalar };
  xlsx_old_format: { ext: Scalar };
  xlsx_damaged: { reason: Scalar };
  split_exists: { dir: Scalar; n: Scalar; files: Scalar };
  xlsx_too_many_cells: { limit: Scalar };
  xlsx_cell_too_long: { limit: Scalar };
  xlsx_too_large_inflated: { limit: Scalar };
  xlsx_merged_too_large: { limit: Scalar };
  cell_malformed: { value: Scalar };
  xlsx_no_sheets: { sheets: Scalar; expected: Scalar };
  sheet_twice: { section: Scalar; first: Scalar };
  sheet_no_header: {};
  header_unknown: { header: Scalar; hint: Scalar; allowed: Scalar };
  header_twice: { header: Scalar; first: Scalar };
  header_missing: { header: Scalar };
  header_blank: {};
  code_number: { value: Scalar };
  formula_no_value: {};
  cell_error: { value: Scalar };
  deduction_no_points: { member: Scalar; period: Scalar };
  recheck_no_problem: { problem: Scalar };
  exported: { n: Scalar; file: Scalar };
  export_ext: { file: Scalar };
  h_export: {};
  h_annotate: {};
  annotated: { n: Scalar; dir: Scalar };
  annotate_none: {};
  annotate_onto_input: { file: Scalar };
  annotate_link: { file: Scalar };
  an_column: {};
  an_sheet: {};
  an_h_sheet: {};
  an_h_cell: {};
  an_h_column: {};
  an_h_value: {};
  an_h_error: {};
  h_template: {};
  h_template_out: {};
  h_template_split: {};
  h_template_force: {};
  template_ext: { file: Scalar };
  template_wrote: { file: Scalar };
  template_split: { n: Scalar; committees: Scalar; dir: Scalar };
  split_needs_dir: { file: Scalar };
  h_export_out: {};
  name_mismatch: { what: Scalar; code: Scalar; name: Scalar; stored: Scalar };
  org_moved: { code: Scalar; was: Scalar; now: Scalar };
  sheet_hidden: { sheet: Scalar };
  sheet_by_headers: { sheet: Scalar; section: Scalar };
  sheet_not_read: { sheet: Scalar; closest: Scalar };
  member_moved: { code: Scalar; was: Scalar; now: Scalar };
  name_other: { what: Scalar; code: Scalar; name: Scalar; stored: Scalar; other: Scalar };
}
