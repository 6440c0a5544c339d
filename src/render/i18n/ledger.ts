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
  lg_total: { zh: () => `合计`, en: () => `total` },
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
  lg_h_measures: { zh: () => `整改措施`, en: () => `measures` },
  lg_h_owner: { zh: () => `责任人`, en: () => `responsible` },
  lg_h_resolved: { zh: () => `整改完成日期`, en: () => `resolved` },
  lg_h_closed: { zh: () => `销号日期`, en: () => `closed` },
  lg_h_satisfaction: { zh: () => `群众满意率`, en: () => `satisfaction` },
  lg_published_list: { zh: () => `整改销号问题一览表`, en: () => `Problems closed` },
  lg_published_body: {
    zh: (p) => `${p.period}，经整改、验收，以下${p.n}个问题已销号（见附件），现予公示，接受党员群众监督。对整改情况有异议的，请向本办反映。`,
    en: (p) =>
      `In ${p.period}, ${p.n} problems were rectified, checked and closed (see the attachment). They are published here for members and the public; objections to the office.`,
  },
  lg_published_title: { zh: (p) => `${p.period} 问题整改销号公示表`, en: (p) => `Problems closed in ${p.period}` },
  lg_suggest_none: { zh: (p) => `${p.period} 的分析结果都已列入问题台账`, en: (p) => `every problem ${p.period}'s analyses imply is in the ledger` },
  lg_suggest_wrote: {
    zh: (p) => `已把 ${p.n} 个建议问题写入 ${p.file}：填好整改措施、责任人和整改时限后导入`,
    en: (p) => `wrote ${p.n} suggested problems to ${p.file}: fill in the measures, owner and deadline, then import it`,
  },
  lg_n_title: { zh: () => `督办通知单`, en: () => `Notice of supervision` },
  lg_n_number: { zh: (p) => `${p.prefix}督〔${p.year}〕${p.n}号`, en: (p) => `${p.prefix ? `${p.prefix} ` : ''}supervision ${p.year}/${p.n}` },
  lg_n_to: { zh: (p) => `${p.name}：`, en: (p) => `To: ${p.name}` },
  lg_n_body: {
    zh: (p) =>
      `你单位${p.found}经${p.source}发现的问题“${p.content}”（台账编号${p.id}），整改时限为${p.due}，截至${p.date}已逾期${p.days}天仍未完成整改。经研究，对该问题挂牌督办。`,
    en: (p) =>
      `The problem "${p.content}" (ledger ${p.id}), found on ${p.found} by ${p.source}, was due to be rectified by ${p.due}; at ${p.date} it is ${p.days} days overdue. It is hereby put under supervision.`,
  },
  lg_n_measures: { zh: (p) => `整改措施：${p.measures}。责任人：${p.owner}。`, en: (p) => `Measures: ${p.measures}. Responsible: ${p.owner}.` },
  lg_n_ask: {
    zh: (p) => `请于${p.by}前完成整改，填写下方回执，连同整改情况报告一并报送。`,
    en: (p) => `Complete the rectification by ${p.by} and return the receipt below with a report on it.`,
  },
  lg_n_cut: { zh: () => `（沿此线剪下）`, en: () => `(cut here)` },
  lg_n_receipt: { zh: () => `回　执`, en: () => `Receipt` },
  lg_n_receipt_ref: {
    zh: (p) => `督办文号：${p.number}　台账编号：${p.id}　单位：${p.name}`,
    en: (p) => `Notice: ${p.number}  ledger: ${p.id}  org: ${p.name}`,
  },
  lg_n_receipt_done: { zh: () => `整改完成情况：`, en: () => `Rectification done:` },
  lg_n_receipt_sign: {
    zh: () => `完成日期：　　　　　责任人（签字）：　　　　　单位（盖章）：`,
    en: () => `Date done:          Responsible (signature):          Seal:`,
  },
  lg_n_none: { zh: (p) => `截至${p.date}没有需要挂牌督办的问题。`, en: (p) => `No problem is under supervision at ${p.date}.` },
  lg_n_number_used: {
    zh: (p) => `${p.year} 年的第 ${p.n} 号督办通知已发给问题 ${p.problem}，不能再用：请换一个 --number，或不写 --number 接着已发的编号`,
    en: (p) =>
      `notice number ${p.n} of ${p.year} was issued for problem ${p.problem} already: choose another --number, or leave it out to continue after the last issued`,
  },
  lg_n_wrote: { zh: (p) => `已把 ${p.n} 份督办通知单写入 ${p.file}`, en: (p) => `wrote ${p.n} notices of supervision to ${p.file}` },
  x_cap_open_problem: {
    zh: (p) => `封顶：问题 ${p.id} 逾期 ${p.days} 天、挂牌督办，最高定为${p.max}`,
    en: (p) => `cap: problem ${p.id} is ${p.days} days overdue and supervised, at most ${p.max}`,
  },
};
