// Corrections: --replace's scope, the change preview, import history and undo.
// Each message id with the parameters its text takes; the texts are in render/i18n/history.ts.
import type { Scalar } from './types.js';

export interface HistoryMessages {
  org_needs_replace: {};
  replace_or_add: {};
  /** A file brings a submission a file of other content brought: `what` the section, `span` its quarter or month. */
  resubmission: {
    org: Scalar;
    name: Scalar;
    what: Scalar;
    span: Scalar;
    earlier: Scalar;
    n: Scalar;
    at: Scalar;
    added: Scalar;
    changed: Scalar;
    removed: Scalar;
  };
  resubmission_more: { orgs: Scalar; n: Scalar };
  two_files: { org: Scalar; name: Scalar; period: Scalar; a: Scalar; b: Scalar; sections: Scalar };
  resubmission_replaced: { org: Scalar; name: Scalar; what: Scalar; span: Scalar; earlier: Scalar; added: Scalar; changed: Scalar; removed: Scalar };
  resubmission_added: { org: Scalar; name: Scalar; what: Scalar; span: Scalar; earlier: Scalar; added: Scalar; changed: Scalar };
  bad_limit: { value: Scalar };
  import_number: { n: Scalar };
  import_unchanged: {};
  replace_scope: {};
  replace_scope_line: { section: Scalar; period: Scalar; orgs: Scalar };
  replace_scope_none: { section: Scalar; period: Scalar };
  more_orgs: { n: Scalar };
  changes_none: {};
  changes_section: { section: Scalar; counts: Scalar };
  changes_more: { n: Scalar };
  changes_all_json: { n: Scalar; limit: Scalar };
  changes_more_orgs: { orgs: Scalar; n: Scalar };
  changes_moved: { n: Scalar };
  change_was: { src: Scalar };
  moved: {};
  log_none: {};
  log_number: {};
  log_at: {};
  log_files: {};
  log_changes: {};
  log_state: {};
  log_undone: { at: Scalar };
  log_files_more: { first: Scalar; n: Scalar };
  log_files_unchanged: { n: Scalar };
  undo_nothing: {};
  undo_confirm: { n: Scalar; at: Scalar; files: Scalar; changes: Scalar; options: Scalar };
  undo_question: {};
  undo_cancelled: {};
  undo_changed: { n: Scalar };
  h_undo_yes: {};
  undo_ok: { n: Scalar; at: Scalar; files: Scalar };
  undo_deleted: {};
  undo_reverted: {};
  undo_restored: {};
}
