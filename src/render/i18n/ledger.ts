// `cxzy ledger` and the ledger's parts elsewhere: Chinese and English side by side.
import type { LedgerMessages } from '../../core/messages/ledger.js';
import type { Catalog } from './catalog.js';

export const ledger: Catalog<LedgerMessages> = {
  lg_title: { zh: (p) => `问题台账（截至 ${p.date}）`, en: (p) => `Rectification ledger at ${p.date}` },
  lg_problems: { zh: () => `问题`, en: () => `problems` },
  lg_committees: { zh: () => `各党委整改情况`, en: () => `by committee` },
  lg_summary: {
    zh: (p) => `共发现问题 ${p.found} 个，已销号 ${p.closed} 个，整改率 ${p.rate}；逾期未整改 ${p.overdue} 个，其中挂牌督办 ${p.supervised} 个。`,
    en: (p) => `${p.found} problems found, ${p.closed} closed (${p.rate}); ${p.overdue} overdue, ${p.supervised} of them supervised.`,
  },
  lg_h_id: { zh: () => `编号`, en: () => `id` },
  lg_h_org: { zh: () => `组织编号`, en: () => `org` },
  lg_h_name: { zh: () => `组织名称`, en: () => `name` },
  lg_h_source: { zh: () => `问题来源`, en: () => `source` },
  lg_h_content: { zh: () => `问题描述`, en: () => `problem` },
  lg_h_found: { zh: () => `发现日期`, en: () => `found` },
  lg_h_due: { zh: () => `整改时限`, en: () => `due` },
  lg_h_status: { zh: () => `整改状态`, en: () => `status` },
  lg_h_state: { zh: () => `截至当日`, en: () => `at the date` },
  lg_h_days: { zh: () => `逾期天数`, en: () => `days overdue` },
  lg_h_src: { zh: () => `来源`, en: () => `from` },
  lg_h_rank: { zh: () => `排名`, en: () => `rank` },
  lg_h_found_n: { zh: () => `发现`, en: () => `found` },
  lg_h_closed_n: { zh: () => `销号`, en: () => `closed` },
  lg_h_rate: { zh: () => `整改率`, en: () => `rate` },
  lg_h_overdue_n: { zh: () => `逾期`, en: () => `overdue` },
  lg_h_supervised_n: { zh: () => `挂牌督办`, en: () => `supervised` },
  lg_closed: { zh: () => `已销号`, en: () => `closed` },
  lg_relapsed: { zh: () => `销号后反弹`, en: () => `relapsed after closing` },
  lg_done: { zh: () => `已整改待销号`, en: () => `resolved, not closed` },
  lg_open: { zh: () => `整改中`, en: () => `being rectified` },
  lg_overdue: { zh: (p) => `逾期 ${p.days} 天`, en: (p) => `${p.days} days overdue` },
  lg_supervised: { zh: (p) => `逾期 ${p.days} 天，挂牌督办`, en: (p) => `${p.days} days overdue, supervised` },
  lg_none: { zh: () => `（无）`, en: () => `(none)` },
  lg_r_satisfaction: {
    zh: (p) => `群众满意率 ${p.sat}，低于 ${p.below}，列入补课整改`,
    en: (p) => `satisfaction ${p.sat}, below ${p.below}: on the remedial list`,
  },
  lg_r_grade: { zh: (p) => `${p.period} 定级为“${p.grade}”`, en: (p) => `graded ${p.grade} in ${p.period}` },
  lg_r_pledge: { zh: (p) => `承诺 ${p.id} 时限 ${p.due}，至 ${p.end} 未兑现`, en: (p) => `pledge ${p.id} due ${p.due} not fulfilled by ${p.end}` },
  lg_suggest_title: { zh: (p) => `应列入问题台账的问题（${p.period}）`, en: (p) => `Problems to enter in the ledger (${p.period})` },
  lg_h_reason: { zh: () => `原因`, en: () => `reason` },
  lg_suggest_none: { zh: (p) => `${p.period} 的分析结果都已列入问题台账`, en: (p) => `every problem ${p.period}'s analyses imply is in the ledger` },
  lg_suggest_wrote: {
    zh: (p) => `已把 ${p.n} 个建议问题写入 ${p.file}：填好整改措施、责任人和整改时限后导入`,
    en: (p) => `wrote ${p.n} suggested problems to ${p.file}: fill in the measures, owner and deadline, then import it`,
  },
  x_cap_open_problem: {
    zh: (p) => `封顶：问题 ${p.id} 逾期 ${p.days} 天、挂牌督办，最高定为${p.max}`,
    en: (p) => `cap: problem ${p.id} is ${p.days} days overdue and supervised, at most ${p.max}`,
  },
};
