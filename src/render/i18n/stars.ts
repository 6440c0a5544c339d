// Stars (积分评星): the member table, red stars, benchmark branches, flag committees.
import type { StarsMessages } from '../../core/messages/stars.js';
import type { Catalog } from './catalog.js';

export const stars: Catalog<StarsMessages> = {
  st_title: {
    zh: (p) => `${p.period} 积分评星`,
    en: (p) => `Stars ${p.period}`,
  },
  st_red_list: {
    zh: () => `红星党员`,
    en: () => `Red-star members`,
  },
  st_name: {
    zh: () => `姓名`,
    en: () => `name`,
  },
  st_pending: {
    zh: (p) => `${p.period} 还没有测评数据：党员已按积分评星，标杆支部和旗帜党委待分类定级后评选`,
    en: (p) => `${p.period} has no reviews yet: members are rated by their points; benchmark branches and flag committees wait for the grading`,
  },
  st_member: {
    zh: () => `党员`,
    en: () => `member`,
  },
  st_org: {
    zh: () => `支部`,
    en: () => `branch`,
  },
  st_stars: {
    zh: () => `星`,
    en: () => `stars`,
  },
  st_red: {
    zh: () => `红星`,
    en: () => `red`,
  },
  st_benchmark: {
    zh: () => `标杆支部`,
    en: () => `benchmark branches`,
  },
  st_flag: {
    zh: () => `旗帜党委`,
    en: () => `flag committees`,
  },
  st_none: {
    zh: () => `（无）`,
    en: () => `(none)`,
  },
  st_by_committee: { zh: () => `各党委（按党员所在支部的上级党委）`, en: () => `By committee (the committee above each member's branch)` },
  st_h_committee: { zh: () => `党委`, en: () => `committee` },
  st_h_rated: { zh: () => `参评党员`, en: () => `rated` },
  st_h_benchmark: { zh: () => `标杆支部`, en: () => `benchmark` },
  st_summarised: {
    zh: (p) => `共 ${p.n} 名党员参评，终端上只列汇总和红星党员；全部名单请加 --all，或用 --out 文件.xlsx 写入文件`,
    en: (p) => `${p.n} members rated; a terminal shows the summary and the red stars: add --all for every member, or --out FILE.xlsx`,
  },
  h_stars_all: {
    zh: () => `在终端上也列出每名参评党员（超过 2000 名时默认只列汇总）`,
    en: () => `on a terminal too, list every member rated (past 2,000 the default is a summary)`,
  },
  st_members_n: {
    zh: (p) => `参评党员 ${p.n} 名，红星党员 ${p.red} 名`,
    en: (p) => `${p.n} members rated, ${p.red} red stars`,
  },
  b_grade_ok: {
    zh: (p) => `定级为 ${p.grade}`,
    en: (p) => `graded ${p.grade}`,
  },
  b_grade_no: {
    zh: (p) => `定级为 ${p.grade}，需为 ${p.need}`,
    en: (p) => `graded ${p.grade}; needs ${p.need}`,
  },
  b_share_ok: {
    zh: (p) => `红星党员 ${p.reds}/${p.n} = ${p.share} ≥ ${p.need}`,
    en: (p) => `red stars ${p.reds}/${p.n} = ${p.share} ≥ ${p.need}`,
  },
  b_share_no: {
    zh: (p) => `红星党员 ${p.reds}/${p.n} = ${p.share}，不足 ${p.need}`,
    en: (p) => `red stars ${p.reds}/${p.n} = ${p.share}, below ${p.need}`,
  },
  b_quota_ok: {
    zh: () => `三个月都完成信息报送任务`,
    en: () => `report quota met in all three months`,
  },
  b_quota_no: {
    zh: (p) => `信息报送只有 ${p.met} 个月完成任务`,
    en: (p) => `report quota met in only ${p.met} month(s)`,
  },
  f_graded_ok: {
    zh: (p) => `所属已定级支部 ${p.n} 个`,
    en: (p) => `${p.n} graded branches below`,
  },
  f_graded_no: {
    zh: () => `所属没有已定级的支部`,
    en: () => `no graded branch below`,
  },
  f_share_ok: {
    zh: (p) => `“好” ${p.good}/${p.n} = ${p.share} ≥ ${p.need}`,
    en: (p) => `good ${p.good}/${p.n} = ${p.share} ≥ ${p.need}`,
  },
  f_share_no: {
    zh: (p) => `“好” ${p.good}/${p.n} = ${p.share}，不足 ${p.need}`,
    en: (p) => `good ${p.good}/${p.n} = ${p.share}, below ${p.need}`,
  },
  f_bad_ok: {
    zh: (p) => `没有 ${p.grades} 等次的支部`,
    en: (p) => `no branch graded ${p.grades}`,
  },
  f_bad_no: {
    zh: (p) => `有 ${p.grades} 等次的支部：${p.orgs}`,
    en: (p) => `branches graded ${p.grades}: ${p.orgs}`,
  },
  f_typicals_ok: {
    zh: (p) => `本季度培树典型 ${p.n} 个`,
    en: (p) => `${p.n} typical(s) this quarter`,
  },
  f_typicals_no: {
    zh: (p) => `本季度培树典型 ${p.n} 个，少于 ${p.need} 个`,
    en: (p) => `${p.n} typical(s) this quarter, fewer than ${p.need}`,
  },
  qualified: {
    zh: () => `入选`,
    en: () => `qualified`,
  },
  not_qualified: {
    zh: () => `未入选`,
    en: () => `not qualified`,
  },
};
