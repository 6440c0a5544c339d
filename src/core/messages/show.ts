// `cxzy show`: one org or member. Each message id with the parameters its
// text takes; the texts are in render/i18n/show.ts.
import type { Scalar } from './types.js';
import type { Candidate } from './diagnostics.js';

export interface ShowMessages {
  sh_org_line: { type: Scalar; category: Scalar; secretary: Scalar; state: Scalar };
  sh_member_line: { role: Scalar; state: Scalar };
  sh_active: {};
  sh_inactive: {};
  sh_parents: { chain: Scalar };
  sh_top: {};
  sh_org_of: { chain: Scalar };
  sh_children: { n: Scalar; list: Scalar };
  sh_no_children: {};
  sh_members: { active: Scalar; total: Scalar };
  sh_source: { src: Scalar };
  sh_last_import: { n: Scalar; at: Scalar };
  sh_quarters: {};
  sh_months: {};
  sh_typicals: {};
  sh_pledges: {};
  sh_problems: { date: Scalar };
  sh_points: {};
  sh_states: {};
  sh_state_from: {};
  sh_from_start: {};
  sh_state_org: {};
  sh_role: {};
  sh_state: {};
  sh_period: {};
  sh_month: {};
  sh_self: {};
  sh_masses: {};
  sh_superior: {};
  sh_verdict: {};
  sh_src: {};
  sh_deducted: {};
  sh_date: {};
  sh_title: {};
  sh_id: {};
  sh_kind: {};
  sh_pledge_content: { id: Scalar; content: Scalar };
  sh_due: {};
  sh_status: {};
  sh_none: {};
  sh_no_review: {};
  sh_not_rated: {};
  sh_pending: {};
  sh_reports_more: { first: Scalar; n: Scalar };
  sh_many: { text: Scalar; n: Scalar };
  sh_many_more: { n: Scalar };
  sh_candidate_org: { code: Scalar; name: Scalar };
  sh_candidate_member: { code: Scalar; name: Scalar; org: Scalar };
  sh_unknown: { text: Scalar; hint?: Candidate[] };
}
