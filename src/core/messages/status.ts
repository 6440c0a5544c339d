// `cxzy status` (报送情况) and its 催报通知. Each message id with the parameters
// its text takes; the texts are in render/i18n/status.ts.
import type { Scalar } from './types.js';

export interface StatusMessages {
  h_status: {};
  h_status_missing: {};
  h_status_date: {};
  ss_title: { period: Scalar };
  ss_h_org: {};
  ss_h_name: {};
  ss_h_review: {};
  ss_h_points: {};
  ss_h_month: { m: Scalar };
  ss_h_typicals: {};
  ss_h_problems: {};
  ss_h_missing: {};
  ss_none_sent: {};
  ss_review_in: { file: Scalar; at: Scalar };
  ss_miss_review: {};
  ss_miss_points: { n: Scalar };
  ss_miss_month: { m: Scalar; short: Scalar };
  ss_summary: { branches: Scalar; complete: Scalar; missing: Scalar };
  ss_all_sent: {};
  ss_no_branches: {};
  ss_n_title: { period: Scalar };
  ss_n_opening: { date: Scalar; period: Scalar; branches: Scalar; complete: Scalar; missing: Scalar };
  ss_n_all: { date: Scalar; period: Scalar; branches: Scalar };
  ss_n_none: { date: Scalar; period: Scalar; branches: Scalar };
  ss_n_ask: { due: Scalar };
  ss_n_list: {};
  ss_n_h_no: {};
  ss_wrote: { file: Scalar; n: Scalar };
}
