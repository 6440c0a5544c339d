// Grading (分类定级): table, notes and each line of --explain.
// Each message id with the parameters its text takes; the texts are in render/i18n/grade.ts.
import type { Scalar } from './types.js';

export interface GradeMessages {
  g_title: { period: Scalar };
  g_org: {};
  g_name: {};
  g_composite: {};
  g_computed: {};
  g_grade: {};
  g_sat: {};
  g_move: {};
  g_action: {};
  g_notes: {};
  g_explain: {};
  g_summary: { good: Scalar; fair: Scalar; average: Scalar; poor?: Scalar; ungraded: Scalar };
  g_remedial: { below: Scalar; list: Scalar };
  g_commentary_list: { list: Scalar };
  g_share_max: { grade: Scalar; share: Scalar; limit: Scalar };
  g_share_min: { grade: Scalar; share: Scalar; limit: Scalar };
  n_override: { reason: Scalar };
  n_override_short: {};
  g_move_short: {};
  g_override_line: { org: Scalar; computed: Scalar; grade: Scalar; reason: Scalar };
  n_cap_satisfaction: {};
  n_cap_overdue_pledge: {};
  n_cap_open_problem: {};
  n_commentary_overdue: {};
  n_no_review: {};
  x_no_review: { period: Scalar };
  x_inputs: { self: Scalar; superior: Scalar; s: Scalar; b: Scalar; u: Scalar };
  x_masses: { vs: Scalar; s: Scalar; vb: Scalar; b: Scalar; vu: Scalar; u: Scalar; n: Scalar; score: Scalar; sat: Scalar };
  x_composite: { ws: Scalar; self: Scalar; wm: Scalar; masses: Scalar; wu: Scalar; superior: Scalar; raw: Scalar; composite: Scalar };
  x_level: { composite: Scalar; min: Scalar; grade: Scalar };
  x_level_last: { composite: Scalar; grade: Scalar };
  x_cap_satisfaction: { sat: Scalar; below: Scalar; max: Scalar };
  x_cap_overdue: { id: Scalar; due: Scalar; end: Scalar; max: Scalar };
  x_capped: { from: Scalar; to: Scalar };
  x_commentary: { date: Scalar; by: Scalar };
  x_commentary_overdue: { since: Scalar; end: Scalar };
  x_override: { grade: Scalar; reason: Scalar };
  x_final: { grade: Scalar; previous: Scalar; movement: Scalar };
}
