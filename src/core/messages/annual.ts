// `cxzy annual`: the year's review and award candidates. Each message id with
// the parameters its text takes; the texts are in render/i18n/annual.ts.
import type { Scalar } from './types.js';

export interface AnnualMessages {
  yr_c_graded: { n: Scalar; need: Scalar };
  yr_c_all_good: { good: Scalar; graded: Scalar };
  yr_c_benchmark: { n: Scalar; need: Scalar };
  yr_c_months: { n: Scalar; need: Scalar };
  yr_c_supervised: { n: Scalar };
  yr_c_role: { role: Scalar };
  yr_c_red: { n: Scalar; need: Scalar };
  yr_c_discipline: { n: Scalar };
  yr_c_branch: { org: Scalar; n: Scalar };
  yr_c_worker_org: { org: Scalar };
  yr_c_worker_stars: { n: Scalar; need: Scalar; stars: Scalar };
  yr_title: { year: Scalar };
  yr_summary: { orgs: Scalar; members: Scalar; adv: Scalar; adv_q: Scalar; mem: Scalar; mem_q: Scalar; wrk: Scalar; wrk_q: Scalar };
  yr_advanced_org: {};
  yr_excellent_member: {};
  yr_excellent_worker: {};
  yr_reserve: {};
  yr_orgs: {};
  yr_members: {};
  yr_distribution: { year: Scalar; previous: Scalar };
  yr_h_org: {};
  yr_h_name: {};
  yr_h_member: {};
  yr_h_graded: {};
  yr_h_good: {};
  yr_h_months: {};
  yr_h_benchmark: {};
  yr_h_problems: {};
  yr_h_closed: {};
  yr_h_supervised: {};
  yr_h_movement: {};
  yr_h_mean: {};
  yr_h_red: {};
  yr_h_stars: {};
  yr_h_points: {};
  yr_h_discipline: {};
  yr_h_status: {};
  yr_h_grade: {};
  yr_h_this: {};
  yr_h_previous: {};
  yr_candidate: {};
  yr_reserve_one: {};
  yr_none: {};
  yr_all_hint: {};
  yr_explain_org: { org: Scalar; name: Scalar; verdict: Scalar };
  yr_explain_member: { member: Scalar; name: Scalar; award: Scalar; verdict: Scalar };
  yr_pass: {};
  yr_fail: {};
  yr_no_year: { have: Scalar };
  yr_bad_year: { value: Scalar };
}
