// What validate and import print around their diagnostics.
// Each message id with the parameters its text takes; the texts are in render/i18n/ingest.ts.
import type { Scalar } from './types.js';

export interface IngestMessages {
  cross_not_run: {};
  skipped_files: { folder: Scalar; n: Scalar; list: Scalar };
  name_not_utf8: { guess: Scalar };
  warnings_kind_more: { n: Scalar; kind: Scalar };
  errors_more: { n: Scalar };
  no_points_branch: { org: Scalar; period: Scalar; n: Scalar; ids: Scalar; more: Scalar };
  n_errors: { n: Scalar };
  n_warnings: { n: Scalar };
  valid_ok: { files: Scalar; records: Scalar };
  invalid: {};
  import_ok: { files: Scalar; db: Scalar };
  dry_run: { files: Scalar };
  section: {};
  inserted: {};
  updated: {};
  unchanged: {};
  removed: {};
  warning: {};
  error: {};
  progress_import: {};
  progress_validate: {};
  left_out_file: { file: Scalar; n: Scalar };
  left_out: { n: Scalar };
  all_left_out: {};
}
