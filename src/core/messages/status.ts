// `cxzy status` (报送情况) and its 催报通知. Each message id with the parameters
// its text takes; the texts are in render/i18n/status.ts.
import type { Scalar } from './types.js';

export interface StatusMessages {
  h_status: {};
  h_status_missing: {};
  h_status_date: {};
  st_title: { period: Scalar };
  st_h_org: {};
  st_h_name: {};
  st_h_review: {};
  st_h_points: {};
  st_h_month: { m: Scalar };
  st_h_typicals: {};
  st_h_problems: {};
  st_h_missing: {};
  st_none_sent: {};
  st_review_in: { file: Scalar; at: Scalar };
  st_miss_review: {};
  st_miss_points: { n: Scalar };
  st_miss_month: { m: Scalar; short: Scalar };
  st_summary: { branches: Scalar; complete: Scalar; missing: Scalar };
  st_all_sent: {};
  st_no_branches: {};
  st_n_title: { period: Scalar };
  st_n_opening: { date: Scalar; period: Scalar; branches: Scalar; complete: Scalar; missing: Scalar };
  st_n_all: { date: Scalar; period: Scalar; branches: Scalar };
  st_n_none: { date: Scalar; period: Scalar; branches: Scalar };
  st_n_ask: { due: Scalar };
  st_n_list: {};
  st_n_h_no: {};
  st_wrote: { file: Scalar; n: Scalar };
}
