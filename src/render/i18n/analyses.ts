// Choosing the period or month of an analysis, and the report quota.
import type { AnalysisMessages } from '../../core/messages/analyses.js';
import type { Catalog } from './catalog.js';

export const analyses: Catalog<AnalysisMessages> = {
  // analysis: choosing the period
  bad_period: {
    zh: (p) => `季度“${p.value}”格式不对，应写成 2011Q1`,
    en: (p) => `period "${p.value}" is invalid; write it like 2011Q1`,
  },
  bad_month: {
    zh: (p) => `月份“${p.value}”格式不对，应写成 2011-03`,
    en: (p) => `month "${p.value}" is invalid; write it like 2011-03`,
  },
  no_data_period: {
    zh: (p) =>
      p.period
        ? `${p.period} 没有${p.what}数据${p.have ? `；有数据的季度：${p.have}` : '；数据库中还没有任何此类数据'}`
        : `数据库中还没有${p.what}数据；请先用 cxzy import 导入`,
    en: (p) =>
      p.period
        ? `no ${p.what} data for ${p.period}${p.have ? `; quarters with data: ${p.have}` : '; the database has none yet'}`
        : `the database has no ${p.what} data yet; import some with cxzy import`,
  },
  no_data_month: {
    zh: (p) =>
      p.month
        ? `${p.month} 没有信息报送数据${p.have ? `；有数据的月份：${p.have}` : '；数据库中还没有信息报送数据'}`
        : `数据库中还没有信息报送数据；请先用 cxzy import 导入`,
    en: (p) =>
      p.month
        ? `no reports for ${p.month}${p.have ? `; months with data: ${p.have}` : '; the database has none yet'}`
        : `the database has no reports yet; import some with cxzy import`,
  },
  unknown_org: {
    zh: (p) => `组织“${p.code}”不存在`,
    en: (p) => `no org "${p.code}"`,
  },
  one_date_only: {
    zh: () => `--period、--month、--date 只能给一个`,
    en: () => `give one of --period, --month and --date`,
  },
  bad_date: {
    zh: (p) => `日期“${p.value}”不对，应写成 2011-06-30 这样`,
    en: (p) => `"${p.value}" is not a date; write it as 2011-06-30`,
  },
  both_month_period: {
    zh: () => `--month 和 --period 只能用一个`,
    en: () => `give --month or --period, not both`,
  },
  // quota
  q_title_month: {
    zh: (p) => `${p.month} 信息报送`,
    en: (p) => `Reports ${p.month}`,
  },
  q_title_period: {
    zh: (p) => `${p.period} 信息报送与培树典型`,
    en: (p) => `Reports and typicals ${p.period}`,
  },
  q_rank: {
    zh: () => `名次`,
    en: () => `rank`,
  },
  q_count: {
    zh: () => `条数`,
    en: () => `count`,
  },
  q_quota: {
    zh: () => `任务`,
    en: () => `quota`,
  },
  q_met: {
    zh: () => `完成`,
    en: () => `met`,
  },
  q_short: {
    zh: () => `差额`,
    en: () => `short`,
  },
  q_points: {
    zh: () => `积分`,
    en: () => `points`,
  },
  q_months_met: {
    zh: () => `达标月数`,
    en: () => `months met`,
  },
  q_typicals: {
    zh: () => `典型`,
    en: () => `typicals`,
  },
  q_summary: {
    zh: (p) => `完成 ${p.met} 个，未完成 ${p.missed} 个`,
    en: (p) => `met ${p.met}, missed ${p.missed}`,
  },
  q_duplicate: {
    zh: (p) => `同题只计一次：${p.org} ${p.month}“${p.title}”（${p.where}）`,
    en: (p) => `counted once: ${p.org} ${p.month} "${p.title}" (${p.where})`,
  },
  yes: {
    zh: () => `是`,
    en: () => `yes`,
  },
  no: {
    zh: () => `否`,
    en: () => `no`,
  },
};
