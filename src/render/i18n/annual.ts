// `cxzy annual`: Chinese and English side by side.
import type { AnnualMessages } from '../../core/messages/annual.js';
import type { Catalog } from './catalog.js';

export const annual: Catalog<AnnualMessages> = {
  yr_c_graded: { zh: (p) => `定级的季度${p.n}个（需不少于${p.need}个）`, en: (p) => `${p.n} quarters graded (at least ${p.need})` },
  yr_c_all_good: {
    zh: (p) => `定级为“好”的季度${p.good}个，定级的季度须全部为“好”（共${p.graded}个）`,
    en: (p) => `${p.good} of ${p.graded} graded quarters good (every one must be)`,
  },
  yr_c_benchmark: { zh: (p) => `评为标杆支部的季度${p.n}个（需不少于${p.need}个）`, en: (p) => `benchmark branch in ${p.n} quarters (at least ${p.need})` },
  yr_c_months: { zh: (p) => `完成信息报送任务的月份${p.n}个（需不少于${p.need}个）`, en: (p) => `report quota met in ${p.n} months (at least ${p.need})` },
  yr_c_supervised: { zh: (p) => `年末挂牌督办的问题${p.n}个（须没有）`, en: (p) => `${p.n} problems supervised at the year's end (none allowed)` },
  yr_c_role: { zh: (p) => `身份：${p.role}（预备党员不参评）`, en: (p) => `role: ${p.role} (probationary members are not eligible)` },
  yr_c_red: { zh: (p) => `评为红星党员的季度${p.n}个（需不少于${p.need}个）`, en: (p) => `red star in ${p.n} quarters (at least ${p.need})` },
  yr_c_discipline: { zh: (p) => `全年“带头遵纪守法”扣分${p.n}次（须没有）`, en: (p) => `${p.n} deductions on discipline this year (none allowed)` },
  yr_c_branch: {
    zh: (p) => `所在支部 ${p.org} 定级为“一般”或“差”的季度${p.n}个（须没有）`,
    en: (p) => `branch ${p.org} graded average or poor in ${p.n} quarters (none allowed)`,
  },
  yr_c_worker_org: { zh: (p) => `所在支部 ${p.org} 须为先进基层党组织人选`, en: (p) => `branch ${p.org} must qualify as an advanced org` },
  yr_c_worker_stars: {
    zh: (p) => `有积分的季度中得${p.stars}星及以上的${p.n}个（需不少于${p.need}个，且每个有积分的季度都达到）`,
    en: (p) => `${p.stars}+ stars in ${p.n} quarters with points (at least ${p.need}, and in every one)`,
  },
  yr_title: { zh: (p) => `${p.year}年度评议与表彰`, en: (p) => `The year ${p.year}: review and awards` },
  yr_summary: {
    zh: (p) =>
      `参评组织${p.orgs}个、党员${p.members}名。拟表彰先进基层党组织${p.adv}个（名额${p.adv_q}个），优秀共产党员${p.mem}名（按在册正式党员${p.mem_base}名的${p.share}%，名额${p.mem_q}名），优秀党务工作者${p.wrk}名（名额${p.wrk_q}名）。`,
    en: (p) =>
      `${p.orgs} orgs and ${p.members} members reviewed. Proposed: ${p.adv} advanced orgs (of ${p.adv_q}), ${p.mem} excellent members (of ${p.mem_q}: ${p.share}% of ${p.mem_base} active full members), ${p.wrk} excellent party workers (of ${p.wrk_q}).`,
  },
  yr_advanced_org: { zh: () => `先进基层党组织`, en: () => `Advanced party organisations` },
  yr_excellent_member: { zh: () => `优秀共产党员`, en: () => `Excellent party members` },
  yr_excellent_worker: { zh: () => `优秀党务工作者`, en: () => `Excellent party workers` },
  yr_reserve: { zh: () => `备选`, en: () => `reserves` },
  yr_orgs: { zh: () => `各组织全年情况`, en: () => `Each org's year` },
  yr_members: { zh: () => `各党员全年情况`, en: () => `Each member's year` },
  yr_distribution: { zh: (p) => `定级结果与上年对比（${p.year}年 / ${p.previous}年）`, en: (p) => `Grades, ${p.year} against ${p.previous}` },
  yr_h_org: { zh: () => `组织编号`, en: () => `org` },
  yr_h_name: { zh: () => `名称`, en: () => `name` },
  yr_h_member: { zh: () => `党员编号`, en: () => `member` },
  yr_h_graded: { zh: () => `定级季度`, en: () => `graded` },
  yr_h_good: { zh: () => `“好”`, en: () => `good` },
  yr_h_months: { zh: () => `达标月份`, en: () => `months met` },
  yr_h_benchmark: { zh: () => `标杆季度`, en: () => `benchmark` },
  yr_h_problems: { zh: () => `发现问题`, en: () => `problems` },
  yr_h_closed: { zh: () => `销号`, en: () => `closed` },
  yr_h_supervised: { zh: () => `督办`, en: () => `supervised` },
  yr_h_movement: { zh: () => `较上年`, en: () => `vs last year` },
  yr_h_mean: { zh: () => `平均综合得分`, en: () => `mean score` },
  yr_h_red: { zh: () => `红星季度`, en: () => `red stars` },
  yr_h_stars: { zh: () => `星数合计`, en: () => `stars` },
  yr_h_points: { zh: () => `积分合计`, en: () => `points` },
  yr_h_discipline: { zh: () => `守法扣分`, en: () => `discipline deductions` },
  yr_h_status: { zh: () => `结果`, en: () => `result` },
  yr_h_grade: { zh: () => `等次`, en: () => `grade` },
  yr_h_year: { zh: () => `年度`, en: () => `year` },
  yr_h_this: { zh: () => `本年`, en: () => `this year` },
  yr_h_previous: { zh: () => `上年`, en: () => `last year` },
  yr_candidate: { zh: () => `拟表彰`, en: () => `proposed` },
  yr_reserve_one: { zh: () => `备选`, en: () => `reserve` },
  yr_none: { zh: () => `（无）`, en: () => `(none)` },
  yr_all_hint: { zh: () => `各组织、各党员的全年情况用 --all 查看，或用 --out 写入文件`, en: () => `every org's and member's year: --all, or --out FILE` },
  yr_explain_org: { zh: (p) => `${p.org} ${p.name}（先进基层党组织）：${p.verdict}`, en: (p) => `${p.org} ${p.name} (advanced org): ${p.verdict}` },
  yr_explain_member: { zh: (p) => `${p.member} ${p.name}（${p.award}）：${p.verdict}`, en: (p) => `${p.member} ${p.name} (${p.award}): ${p.verdict}` },
  yr_pass: { zh: () => `符合`, en: () => `pass` },
  yr_fail: { zh: () => `不符合`, en: () => `fail` },
  yr_no_year: {
    zh: (p) => `没有这一年的测评，无法进行年度评议${p.have ? `；有测评的年份：${p.have}` : ''}`,
    en: (p) => `no reviews in that year${p.have ? `; years with reviews: ${p.have}` : ''}`,
  },
  yr_p_title: {
    zh: (p) => `关于${p.year}年度拟表彰先进基层党组织、优秀共产党员和优秀党务工作者的公示`,
    en: (p) => `Proposed awards for ${p.year}: public notice`,
  },
  yr_p_opening: {
    zh: (p) =>
      `根据${p.year}年度创先争优活动分类定级、积分评星和信息报送情况，经年度评议，拟表彰先进基层党组织${p.adv}个、优秀共产党员${p.mem}名、优秀党务工作者${p.wrk}名（名单见附件），现予公示。`,
    en: (p) =>
      `From the year ${p.year}'s grades, stars and reports, the annual review proposes ${p.adv} advanced orgs, ${p.mem} excellent members and ${p.wrk} excellent party workers (listed in the attachments), published here.`,
  },
  yr_p_period: { zh: (p) => `公示时间：${p.from}至${p.to}（${p.days}个工作日）。`, en: (p) => `Published from ${p.from} to ${p.to} (${p.days} working days).` },
  yr_p_objections: {
    zh: (p) => `公示期间，对公示对象有异议的，请以书面形式向${p.office}反映，反映情况要实事求是，并署真实姓名和联系方式。`,
    en: (p) => `Objections may be made in writing, with a name and a way to reply, to ${p.office} during the period.`,
  },
  yr_p_list_org: { zh: () => `拟表彰先进基层党组织名单`, en: () => `Proposed advanced party organisations` },
  yr_p_list_member: { zh: () => `拟表彰优秀共产党员名单`, en: () => `Proposed excellent party members` },
  yr_p_list_worker: { zh: () => `拟表彰优秀党务工作者名单`, en: () => `Proposed excellent party workers` },
  yr_p_h_no: { zh: () => `序号`, en: () => `no.` },
  yr_p_h_who: { zh: () => `名称`, en: () => `name` },
  yr_p_h_org: { zh: () => `所在单位`, en: () => `org` },
  yr_p_h_record: { zh: () => `主要情况`, en: () => `record` },
  yr_p_quarters: {
    zh: (p) => (Number(p.n) === 4 ? `四个季度均` : `${'零一二三'[Number(p.n)] ?? p.n}个季度`),
    en: (p) => (Number(p.n) === 4 ? `all four quarters` : `${p.n} quarters`),
  },
  yr_p_org_record: {
    zh: (p) => `${p.graded}定级为“好”，${p.benchmark}个季度为标杆支部，${p.months}个月完成信息报送任务`,
    en: (p) => `graded good in ${p.graded}, a benchmark branch in ${p.benchmark} quarters, the report quota met in ${p.months} months`,
  },
  yr_p_member_record: {
    zh: (p) => `${p.red}个季度评为红星党员，全年得${p.stars}颗星`,
    en: (p) => `a red star in ${p.red} quarters, ${p.stars} stars in the year`,
  },
  yr_p_worker_record: {
    zh: (p) => `所在支部为先进基层党组织人选，${p.n}个季度有积分，全年得${p.stars}颗星`,
    en: (p) => `secretary of an advanced org, points in ${p.n} quarters, ${p.stars} stars in the year`,
  },
  yr_p_worker_record_met: {
    zh: (p) => `所在支部各项条件达到先进基层党组织标准，${p.n}个季度有积分，全年得${p.stars}颗星`,
    en: (p) => `secretary of an org that meets every criterion of an advanced org, points in ${p.n} quarters, ${p.stars} stars in the year`,
  },
  yr_p_wrote: {
    zh: (p) => `已写入公示 ${p.file}（公示期 ${p.from} 至 ${p.to}）`,
    en: (p) => `wrote the public notice ${p.file} (published ${p.from} to ${p.to})`,
  },
  yr_sh_title: { zh: (p) => `${p.year}年度`, en: (p) => `the year ${p.year}` },
  yr_sh_org: {
    zh: (p) =>
      `各季度等次：${p.quarters}；完成信息报送任务${p.months}个月，标杆支部${p.benchmark}个季度；发现问题${p.problems}个、年末已销号${p.closed}个、挂牌督办${p.supervised}个；较上年：${p.movement}`,
    en: (p) =>
      `grades: ${p.quarters}; report quota met in ${p.months} months, benchmark in ${p.benchmark} quarters; ${p.problems} problems found, ${p.closed} closed, ${p.supervised} supervised at the year's end; against last year: ${p.movement}`,
  },
  yr_sh_award: { zh: (p) => `先进基层党组织条件：${p.verdict}`, en: (p) => `advanced org: ${p.verdict}` },
  yr_sh_member: {
    zh: (p) => `红星党员${p.red}个季度，全年${p.stars}颗星，积分合计${p.points}，“带头遵纪守法”扣分${p.discipline}次`,
    en: (p) => `a red star in ${p.red} quarters, ${p.stars} stars, ${p.points} points, ${p.discipline} deductions on discipline`,
  },
  yr_bad_year: { zh: (p) => `年份“${p.value}”不对，应写成 2011 这样`, en: (p) => `"${p.value}" is not a year; write it as 2011` },
};
