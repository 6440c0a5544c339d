// Grading (分类定级): table, notes and each line of --explain.
import type { GradeMessages } from '../../core/messages/grade.js';
import type { Catalog } from './catalog.js';

export const grade: Catalog<GradeMessages> = {
  g_title: {
    zh: (p) => `${p.period} 分类定级`,
    en: (p) => `Grading ${p.period}`,
  },
  g_org: {
    zh: () => `编号`,
    en: () => `code`,
  },
  g_name: {
    zh: () => `名称`,
    en: () => `name`,
  },
  g_composite: {
    zh: () => `综合`,
    en: () => `score`,
  },
  g_computed: {
    zh: () => `计算`,
    en: () => `computed`,
  },
  g_grade: {
    zh: () => `等次`,
    en: () => `grade`,
  },
  g_sat: {
    zh: () => `满意率`,
    en: () => `satisf.`,
  },
  g_move: {
    zh: () => `晋位升级`,
    en: () => `movement`,
  },
  g_action: {
    zh: () => `措施`,
    en: () => `action`,
  },
  g_explain: {
    zh: () => `说明（计算过程及来源）`,
    en: () => `explanation (the arithmetic and its sources)`,
  },
  g_notes: {
    zh: () => `备注`,
    en: () => `notes`,
  },
  g_summary: {
    zh: (p) => `好 ${p.good}，较好 ${p.fair}，一般 ${p.average}${p.poor ? `，差 ${p.poor}` : ''}，未评定 ${p.ungraded}`,
    en: (p) => `good ${p.good}, fair ${p.fair}, average ${p.average}${p.poor ? `, poor ${p.poor}` : ''}, ungraded ${p.ungraded}`,
  },
  g_remedial: {
    zh: (p) => `补课整改（满意率低于 ${p.below}）：${p.list}`,
    en: (p) => `remedial (satisfaction below ${p.below}): ${p.list}`,
  },
  g_commentary_list: {
    zh: (p) => `点评逾期：${p.list}`,
    en: (p) => `commentary overdue: ${p.list}`,
  },
  g_share_max: {
    zh: (p) => `“${p.grade}”占${p.share}，超过规则上限${p.limit}`,
    en: (p) => `"${p.grade}" is ${p.share}, above the rules' maximum ${p.limit}`,
  },
  g_share_min: {
    zh: (p) => `“${p.grade}”占${p.share}，低于规则下限${p.limit}`,
    en: (p) => `"${p.grade}" is ${p.share}, below the rules' minimum ${p.limit}`,
  },
  n_override: {
    zh: (p) => `上级评定：${p.reason}`,
    en: (p) => `override: ${p.reason}`,
  },
  n_override_short: {
    zh: () => `上级评定`,
    en: () => `override`,
  },
  g_move_short: {
    zh: () => `升降`,
    en: () => `move`,
  },
  g_override_line: {
    zh: (p) => `上级评定：${p.org} 计算为${p.computed}，定为${p.grade}（${p.reason}）`,
    en: (p) => `override: ${p.org} computed ${p.computed}, decided ${p.grade} (${p.reason})`,
  },
  n_cap_satisfaction: {
    zh: () => `满意率封顶`,
    en: () => `satisfaction cap`,
  },
  n_cap_overdue_pledge: {
    zh: () => `逾期封顶`,
    en: () => `overdue pledge cap`,
  },
  n_cap_open_problem: {
    zh: () => `督办问题封顶`,
    en: () => `supervised problem cap`,
  },
  n_commentary_overdue: {
    zh: () => `点评逾期`,
    en: () => `commentary overdue`,
  },
  n_no_review: {
    zh: () => `本季度无测评`,
    en: () => `no review this quarter`,
  },
  x_no_review: {
    zh: (p) => `${p.period} 没有测评记录，未评定`,
    en: (p) => `no review for ${p.period}: ungraded`,
  },
  x_inputs: {
    zh: (p) => `自评 ${p.self}，上级评定 ${p.superior}，测评票：满意 ${p.s}、基本满意 ${p.b}、不满意 ${p.u}`,
    en: (p) => `self ${p.self}, superior ${p.superior}, votes: satisfied ${p.s}, basic ${p.b}, unsatisfied ${p.u}`,
  },
  x_masses: {
    zh: (p) => `党员群众测评 = (${p.vs}×${p.s} + ${p.vb}×${p.b} + ${p.vu}×${p.u}) ÷ ${p.n} = ${p.score}；满意率 = (${p.s} + ${p.b}) ÷ ${p.n} = ${p.sat}`,
    en: (p) => `masses = (${p.vs}×${p.s} + ${p.vb}×${p.b} + ${p.vu}×${p.u}) ÷ ${p.n} = ${p.score}; satisfaction = (${p.s} + ${p.b}) ÷ ${p.n} = ${p.sat}`,
  },
  x_composite: {
    zh: (p) => `综合 = ${p.ws}×${p.self} + ${p.wm}×${p.masses} + ${p.wu}×${p.superior} = ${p.raw} → ${p.composite}`,
    en: (p) => `composite = ${p.ws}×${p.self} + ${p.wm}×${p.masses} + ${p.wu}×${p.superior} = ${p.raw} → ${p.composite}`,
  },
  x_level: {
    zh: (p) => `${p.composite} ≥ ${p.min} → ${p.grade}`,
    en: (p) => `${p.composite} ≥ ${p.min} → ${p.grade}`,
  },
  x_level_last: {
    zh: (p) => `${p.composite} 低于其他等次的分数线 → ${p.grade}`,
    en: (p) => `${p.composite} is below every other level → ${p.grade}`,
  },
  x_cap_satisfaction: {
    zh: (p) => `封顶：满意率 ${p.sat} 低于 ${p.below}，最高 ${p.max}，列入补课整改`,
    en: (p) => `cap: satisfaction ${p.sat} below ${p.below}, at most ${p.max}; remedial list`,
  },
  x_cap_overdue: {
    zh: (p) => `封顶：承诺 ${p.id} 期限 ${p.due}，到 ${p.end} 未兑现，最高 ${p.max}`,
    en: (p) => `cap: pledge ${p.id} due ${p.due} not fulfilled by ${p.end}, at most ${p.max}`,
  },
  x_capped: {
    zh: (p) => `${p.from} 降为 ${p.to}`,
    en: (p) => `${p.from} lowered to ${p.to}`,
  },
  x_commentary: {
    zh: (p) => `领导点评：${p.date} ${p.by}`,
    en: (p) => `leader commentary: ${p.date} ${p.by}`,
  },
  x_commentary_overdue: {
    zh: (p) => `${p.since} 至 ${p.end} 没有领导点评：点评逾期`,
    en: (p) => `no leader commentary from ${p.since} to ${p.end}: commentary overdue`,
  },
  x_override: {
    zh: (p) => `上级党委决定为 ${p.grade}：${p.reason}`,
    en: (p) => `the superior committee decided ${p.grade}: ${p.reason}`,
  },
  x_final: {
    zh: (p) => `最终 ${p.grade}；上季度 ${p.previous}；${p.movement}`,
    en: (p) => `final ${p.grade}; previous quarter ${p.previous}; ${p.movement}`,
  },
};
