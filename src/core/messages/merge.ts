// `cxzy merge`: county databases rolled up into a city's. Each message id with
// the parameters its text takes; the texts are in render/i18n/merge.ts.
import type { Scalar } from './types.js';

export interface MergeMessages {
  h_merge: {};
  h_merge_sources: {};
  h_merge_prefix: {};
  h_merge_under: {};
  mg_source_missing: { db: Scalar };
  mg_source_old: { db: Scalar };
  mg_source_self: { db: Scalar };
  mg_source_twice: { db: Scalar };
  mg_prefix_bad: { prefix: Scalar; db: Scalar };
  mg_prefix_needed: { db: Scalar; stem: Scalar };
  mg_prefix_twice: { prefix: Scalar; a: Scalar; b: Scalar };
  mg_rules_bad: { file: Scalar };
  mg_under_missing: { code: Scalar };
  mg_under_branch: { code: Scalar };
  mg_collision: { what: Scalar; code: Scalar; a: Scalar; b: Scalar };
  mg_collision_more: { n: Scalar };
  mg_target_rows: { file: Scalar };
  mg_ok: { n: Scalar; db: Scalar };
  mg_dry_run: { n: Scalar };
  mg_source: { db: Scalar; prefix: Scalar };
  mg_no_prefix: {};
  mg_number: { n: Scalar };
  mg_prefix_changed: { db: Scalar; was: Scalar; now: Scalar; n: Scalar };
  mg_under_changed: { db: Scalar; was: Scalar; now: Scalar; n: Scalar };
  mg_kept: { db: Scalar; prefix: Scalar; under: Scalar; n: Scalar };
}
