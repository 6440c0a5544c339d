// Stars (积分评星): the member table, red stars, benchmark branches, flag committees.
// Each message id with the parameters its text takes; the texts are in render/i18n/stars.ts.
import type { Scalar } from './types.js';

export interface StarsMessages {
  st_title: { period: Scalar };
  st_member: {};
  st_name: {};
  st_red_list: {};
  st_pending: { period: Scalar };
  st_org: {};
  st_stars: {};
  st_red: {};
  st_benchmark: {};
  st_flag: {};
  st_none: {};
  st_members_n: { n: Scalar; red: Scalar };
  st_by_committee: {};
  st_h_committee: {};
  st_h_rated: {};
  st_h_benchmark: {};
  st_summarised: { n: Scalar };
  h_stars_all: {};
  b_grade_ok: { grade: Scalar };
  b_grade_no: { grade: Scalar; need: Scalar };
  b_share_ok: { reds: Scalar; n: Scalar; share: Scalar; need: Scalar };
  b_share_no: { reds: Scalar; n: Scalar; share: Scalar; need: Scalar };
  b_quota_ok: {};
  b_quota_no: { met: Scalar };
  f_graded_ok: { n: Scalar };
  f_graded_no: {};
  f_share_ok: { good: Scalar; n: Scalar; share: Scalar; need: Scalar };
  f_share_no: { good: Scalar; n: Scalar; share: Scalar; need: Scalar };
  f_bad_ok: { grades: Scalar };
  f_bad_no: { grades: Scalar; orgs: Scalar };
  f_typicals_ok: { n: Scalar };
  f_typicals_no: { n: Scalar; need: Scalar };
  qualified: {};
  not_qualified: {};
}
