// Choosing the period or month of an analysis, and the report quota.
// Each message id with the parameters its text takes; the texts are in render/i18n/analyses.ts.
import type { Scalar } from './types.js';

export interface AnalysisMessages {
  // analysis: choosing the period
  bad_period: { value: Scalar };
  bad_month: { value: Scalar };
  no_data_period: { period: Scalar; what: Scalar; have?: Scalar };
  no_data_month: { month: Scalar; have?: Scalar };
  unknown_org: { code: Scalar };
  both_month_period: {};
  one_date_only: {};
  bad_date: { value: Scalar };
  // quota
  q_title_month: { month: Scalar };
  q_title_period: { period: Scalar };
  q_rank: {};
  q_count: {};
  q_quota: {};
  q_met: {};
  q_short: {};
  q_points: {};
  q_months_met: {};
  q_typicals: {};
  q_summary: { met: Scalar; missed: Scalar };
  q_duplicate: { org: Scalar; month: Scalar; title: Scalar; where: Scalar };
  yes: {};
  no: {};
}
