// `cxzy ledger` and the ledger's parts elsewhere (show, grade's cap). Each
// message id with the parameters its text takes; the texts are in
// render/i18n/ledger.ts.
import type { Scalar } from './types.js';

export interface LedgerMessages {
  lg_title: { date: Scalar };
  lg_problems: {};
  lg_committees: {};
  lg_summary: { found: Scalar; closed: Scalar; rate: Scalar; overdue: Scalar; supervised: Scalar };
  lg_h_id: {};
  lg_h_org: {};
  lg_h_name: {};
  lg_h_source: {};
  lg_h_content: {};
  lg_h_found: {};
  lg_h_due: {};
  lg_h_status: {};
  lg_h_state: {};
  lg_h_days: {};
  lg_h_src: {};
  lg_h_rank: {};
  lg_total: {};
  lg_h_found_n: {};
  lg_h_closed_n: {};
  lg_h_rate: {};
  lg_h_overdue_n: {};
  lg_h_supervised_n: {};
  lg_closed: {};
  lg_relapsed: {};
  lg_done: {};
  lg_open: {};
  lg_overdue: { days: Scalar };
  lg_supervised: { days: Scalar };
  lg_none: {};
  lg_r_satisfaction: { sat: Scalar; below: Scalar };
  lg_r_grade: { period: Scalar; grade: Scalar };
  lg_r_pledge: { id: Scalar; due: Scalar; end: Scalar };
  lg_suggest_title: { period: Scalar };
  lg_h_reason: {};
  lg_h_measures: {};
  lg_h_owner: {};
  lg_h_resolved: {};
  lg_h_closed: {};
  lg_h_satisfaction: {};
  lg_published_title: { period: Scalar };
  lg_published_list: {};
  lg_published_body: { period: Scalar; n: Scalar };
  lg_suggest_none: { period: Scalar };
  lg_suggest_wrote: { n: Scalar; file: Scalar };
  lg_n_title: {};
  lg_n_number: { prefix: Scalar; year: Scalar; n: Scalar };
  lg_n_to: { name: Scalar };
  lg_n_body: { id: Scalar; content: Scalar; found: Scalar; source: Scalar; due: Scalar; date: Scalar; days: Scalar };
  lg_n_measures: { measures: Scalar; owner: Scalar };
  lg_n_ask: { by: Scalar };
  lg_n_cut: {};
  lg_n_receipt: {};
  lg_n_receipt_ref: { number: Scalar; id: Scalar; name: Scalar };
  lg_n_receipt_done: {};
  lg_n_receipt_sign: {};
  lg_n_none: { date: Scalar };
  lg_n_wrote: { n: Scalar; file: Scalar };
  lg_n_number_used: { n: Scalar; year: Scalar; problem: Scalar };
  x_cap_open_problem: { id: Scalar; days: Scalar; max: Scalar };
}
