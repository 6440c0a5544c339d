// `cxzy status` (报送情况) and its 催报通知.
import type { StatusMessages } from '../../core/messages/status.js';
import type { Catalog } from './catalog.js';

const CN_MONTHS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];

export const status: Catalog<StatusMessages> = {
  h_status: {
    zh: () => `报送情况：每个党支部本季度报了什么（测评、积分、各月信息、典型）、来自哪个文件、何时导入；缺报的排在前面`,
    en: () =>
      `what each branch has sent for the quarter (its review, points, reports per month, typicals), from which file and when; those missing something first`,
  },
  h_status_missing: { zh: () => `只列缺报的党支部（催报名单）`, en: () => `list only the branches missing something (whom to chase)` },
  h_status_date: {
    zh: () => `催报通知的日期（YYYY-MM-DD，默认今天），补报期限为其后 5 个工作日`,
    en: () => `the date of the reminder notice (YYYY-MM-DD, default today); branches have 5 working days from it`,
  },
  ss_title: { zh: (p) => `${p.period} 报送情况`, en: (p) => `what came in for ${p.period}` },
  ss_h_org: { zh: () => `编号`, en: () => `code` },
  ss_h_name: { zh: () => `名称`, en: () => `name` },
  ss_h_review: { zh: () => `测评`, en: () => `review` },
  ss_h_points: { zh: () => `积分人数`, en: () => `points` },
  ss_h_month: { zh: (p) => `${CN_MONTHS[Number(p.m) - 1]}月信息`, en: (p) => `rep. ${p.m}` },
  ss_h_typicals: { zh: () => `典型`, en: () => `typicals` },
  ss_h_problems: { zh: () => `整改逾期`, en: () => `overdue` },
  ss_h_missing: { zh: () => `缺报`, en: () => `missing` },
  ss_none_sent: { zh: () => `未报`, en: () => `none` },
  ss_review_in: { zh: (p) => `${p.file}（${p.at}）`, en: (p) => `${p.file} (${p.at})` },
  ss_miss_review: { zh: () => `测评`, en: () => `review` },
  ss_miss_points: { zh: (p) => `积分（${p.n}人）`, en: (p) => `points (${p.n} members)` },
  ss_miss_month: { zh: (p) => `${CN_MONTHS[Number(p.m) - 1]}月信息（差${p.short}条）`, en: (p) => `reports ${p.m} (${p.short} short)` },
  ss_summary: {
    zh: (p) => `党支部 ${p.branches} 个：已报齐 ${p.complete} 个，缺报 ${p.missing} 个（积分人数为已报/在册，信息为条数/任务）`,
    en: (p) => `${p.branches} branches: ${p.complete} complete, ${p.missing} missing something (points: rated/active members; reports: items/quota)`,
  },
  ss_all_sent: { zh: () => `全部报齐`, en: () => `everything is in` },
  ss_no_branches: { zh: () => `没有在册的党支部`, en: () => `no active branch` },
  ss_n_title: { zh: (p) => `关于催报${p.period}创先争优报送材料的通知`, en: (p) => `Reminder: the campaign's returns for ${p.period}` },
  ss_n_opening: {
    zh: (p) => `截至${p.date}，${p.period}创先争优报送材料，${p.branches}个党支部中已报齐${p.complete}个，尚有${p.missing}个未报齐，名单及所缺材料见附件。`,
    en: (p) =>
      `As of ${p.date}, ${p.complete} of ${p.branches} branches have sent all their returns for ${p.period}; ${p.missing} have not (see the attachment for who and what).`,
  },
  ss_n_all: {
    zh: (p) => `截至${p.date}，${p.period}创先争优报送材料，${p.branches}个党支部已全部报齐。`,
    en: (p) => `As of ${p.date}, all ${p.branches} branches have sent their returns for ${p.period}.`,
  },
  ss_n_none: {
    zh: (p) => `截至${p.date}，${p.period}创先争优报送材料，${p.branches}个党支部均未报齐，名单及所缺材料见附件。`,
    en: (p) => `As of ${p.date}, none of the ${p.branches} branches has sent all its returns for ${p.period} (see the attachment for what is missing).`,
  },
  ss_n_ask: {
    zh: (p) => `请以上党支部于${p.due}前补报所缺材料；逾期未报的，将在月度通报中予以通报。`,
    en: (p) => `The branches listed are to send what is missing by ${p.due}; those that do not will be named in the monthly notice.`,
  },
  ss_n_list: { zh: () => `未报齐的党支部名单`, en: () => `branches with returns missing` },
  ss_n_h_no: { zh: () => `序号`, en: () => `no.` },
  ss_wrote: { zh: (p) => `已写入 ${p.file}（缺报的党支部 ${p.n} 个）`, en: (p) => `wrote ${p.file} (${p.n} branches missing something)` },
};
