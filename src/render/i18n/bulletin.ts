// The monthly bulletin (通报).
import type { BulletinMessages } from '../../core/messages/bulletin.js';
import type { Catalog } from './catalog.js';

export const bulletin: Catalog<BulletinMessages> = {
  r_title: {
    zh: (p) => `创先争优活动月度通报（${p.month}）`,
    en: (p) => `Monthly bulletin, ${p.month}`,
  },
  r_subtitle: {
    zh: (p) => `统计月份 ${p.month} · 所在季度 ${p.period} · 分类定级季度 ${p.graded || '尚无'}`,
    en: (p) => `Month ${p.month} · quarter ${p.period} · graded quarter ${p.graded || 'none yet'}`,
  },
  r_generated: {
    zh: (p) => `由 cxzy ${p.version} 生成；每个数字均可按“来源”列追溯到数据文件的行。`,
    en: (p) => `Made by cxzy ${p.version}; every figure traces back to a line of a data file through the "source" columns.`,
  },
  r_s_overview: {
    zh: () => `一、总体情况`,
    en: () => `1. Overview`,
  },
  r_s_reports: {
    zh: () => `二、信息报送`,
    en: () => `2. Information reports`,
  },
  r_s_pledges: {
    zh: () => `三、公开承诺`,
    en: () => `3. Public pledges`,
  },
  r_s_grading: {
    zh: () => `四、分类定级`,
    en: () => `4. Grading`,
  },
  r_s_stars: {
    zh: () => `五、积分评星`,
    en: () => `5. Stars`,
  },
  r_ov_orgs: {
    zh: (p) => `本期覆盖组织 ${p.n} 个（党委 ${p.c} 个、党支部 ${p.b} 个），党员 ${p.m} 名。`,
    en: (p) => `Covers ${p.n} orgs (${p.c} committees, ${p.b} branches) and ${p.m} members.`,
  },
  r_ov_data: {
    zh: (p) => `本月报送信息 ${p.reports} 条，本季度截至本月培树典型 ${p.typicals} 个，在诺（尚未兑现）承诺 ${p.pledges} 项。`,
    en: (p) => `This month: ${p.reports} report items; ${p.typicals} typicals this quarter to date; ${p.pledges} pledges in force.`,
  },
  r_ov_graded: {
    zh: (p) => `${p.period} 测评组织 ${p.reviews} 个，积分记录 ${p.points} 条。`,
    en: (p) => `${p.period}: ${p.reviews} orgs reviewed, ${p.points} points records.`,
  },
  r_ov_missing: {
    zh: (p) => (p.period ? `缺少数据：${p.period} 无测评记录的党支部 ${p.no_review} 个，本月未报送信息的组织 ${p.no_reports} 个。` : `缺少数据：到本月末还没有已结束的测评季度；本月未报送信息的组织 ${p.no_reports} 个。`),
    en: (p) => (p.period ? `Missing data: ${p.no_review} branches without a review in ${p.period}; ${p.no_reports} orgs without a report this month.` : `Missing data: no quarter has been reviewed by the month's end; ${p.no_reports} orgs without a report this month.`),
  },
  r_t_no_review: {
    zh: (p) => `${p.period} 无测评记录的党支部`,
    en: (p) => `Branches without a review in ${p.period}`,
  },
  r_t_no_reports: {
    zh: () => `本月未报送信息的组织`,
    en: () => `Orgs without a report this month`,
  },
  r_rp_summary: {
    zh: (p) => `每个组织每月至少报送 ${p.quota} 条。本月 ${p.n} 个组织中，达标 ${p.met} 个、未达标 ${p.missed} 个，达标率 ${p.rate}。`,
    en: (p) => `Each org must report at least ${p.quota} items a month. Of ${p.n} orgs, ${p.met} met the quota and ${p.missed} missed it (${p.rate}).`,
  },
  r_rp_adopted: {
    zh: (p) => `本月被采用信息 ${p.n} 条，计采用积分 ${p.points} 分。`,
    en: (p) => `${p.n} items adopted this month, ${p.points} points.`,
  },
  r_c_committees: {
    zh: () => `各党委（含直属党支部）本月信息报送达标情况`,
    en: () => `Quota met this month, per committee (with its own branches)`,
  },
  r_t_month: {
    zh: (p) => `${p.month} 报送情况及积分排名`,
    en: (p) => `Reports ${p.month}, ranked by points`,
  },
  r_t_shortfall: {
    zh: () => `未达标组织及差额`,
    en: () => `Orgs short of the quota`,
  },
  r_t_quarter: {
    zh: (p) => `${p.period} 季度累计（截至 ${p.month}）`,
    en: (p) => `${p.period} to date (through ${p.month})`,
  },
  r_t_adopted: {
    zh: () => `本月被采用信息`,
    en: () => `Items adopted this month`,
  },
  r_t_duplicates: {
    zh: () => `重复报送（同组织同月同题只计一次）`,
    en: () => `Duplicates (same org, month and title count once)`,
  },
  r_t_typicals: {
    zh: (p) => `${p.period} 党委培树典型（截至 ${p.month}，每季度至少 ${p.need} 个）`,
    en: (p) => `Committee typicals ${p.period} (through ${p.month}; at least ${p.need} a quarter)`,
  },
  r_pl_summary: {
    zh: (p) => `本月新作承诺 ${p.made} 项，兑现承诺 ${p.fulfilled} 项；截至月末逾期未兑现 ${p.overdue} 项。`,
    en: (p) => `${p.made} pledges made and ${p.fulfilled} fulfilled this month; ${p.overdue} overdue at the month's end.`,
  },
  r_pl_coverage: {
    zh: (p) => `作出承诺的组织 ${p.orgs}/${p.orgs_total} 个（${p.orgs_rate}），党员 ${p.members}/${p.members_total} 名（${p.members_rate}）。`,
    en: (p) => `${p.orgs}/${p.orgs_total} orgs (${p.orgs_rate}) and ${p.members}/${p.members_total} members (${p.members_rate}) have a pledge.`,
  },
  r_pl_vague: {
    zh: (p) => `内容空乏的承诺 ${p.n} 项，请督促修改完善。`,
    en: (p) => `${p.n} pledges are vague and should be made concrete.`,
  },
  r_pl_eval: {
    zh: (p) => `参加评诺的承诺 ${p.n} 项，满意率（满意与基本满意）合计 ${p.sat}。`,
    en: (p) => `${p.n} pledges evaluated; satisfied or basically satisfied: ${p.sat}.`,
  },
  r_pl_no_eval: {
    zh: () => `本月末尚无评诺结果。`,
    en: () => `No pledge evaluated by the month's end.`,
  },
  r_t_made: {
    zh: () => `本月新作承诺`,
    en: () => `Pledges made this month`,
  },
  r_t_fulfilled: {
    zh: () => `本月兑现承诺`,
    en: () => `Pledges fulfilled this month`,
  },
  r_t_overdue: {
    zh: (p) => `逾期未兑现承诺（截至 ${p.end}）`,
    en: (p) => `Overdue pledges (at ${p.end})`,
  },
  r_t_orgs_without: {
    zh: () => `尚未作出承诺的组织`,
    en: () => `Orgs without a pledge`,
  },
  r_t_members_without: {
    zh: () => `各支部尚未作出承诺的党员人数`,
    en: () => `Members without a pledge, per branch`,
  },
  r_t_vague: {
    zh: () => `内容空乏的承诺`,
    en: () => `Vague pledges`,
  },
  r_t_evaluated: {
    zh: () => `评诺结果（按满意率从低到高）`,
    en: () => `Evaluations (lowest satisfaction first)`,
  },
  r_gr_none: {
    zh: () => `截至本月末尚无已测评的季度。`,
    en: () => `No quarter has been reviewed by the month's end.`,
  },
  r_gr_summary: {
    zh: (p) => `${p.period} 分类定级：好 ${p.good} 个、较好 ${p.fair} 个、一般 ${p.average} 个、差 ${p.poor} 个，未评定 ${p.ungraded} 个。`,
    en: (p) => `${p.period}: good ${p.good}, fair ${p.fair}, average ${p.average}, poor ${p.poor}, ungraded ${p.ungraded}.`,
  },
  r_gr_movement: {
    zh: (p) => `与上季度相比：晋位 ${p.up} 个、降位 ${p.down} 个、持平 ${p.same} 个、新评 ${p.new} 个。`,
    en: (p) => `Against the previous quarter: up ${p.up}, down ${p.down}, same ${p.same}, new ${p.new}.`,
  },
  r_c_grades: {
    zh: (p) => `${p.period} 等次分布`,
    en: (p) => `Grades ${p.period}`,
  },
  r_c_movement: {
    zh: () => `晋位升级情况`,
    en: () => `Movement`,
  },
  r_t_moved: {
    zh: () => `晋位、降位的组织`,
    en: () => `Orgs that moved up or down`,
  },
  r_t_overrides: {
    zh: () => `上级评定调整等次的组织`,
    en: () => `Grades decided by the superior`,
  },
  r_t_remedial: {
    zh: (p) => `补课整改名单（群众满意率低于 ${p.below}）`,
    en: (p) => `Remedial list (satisfaction below ${p.below})`,
  },
  r_t_commentary: {
    zh: () => `领导点评逾期的组织`,
    en: () => `Leader commentary overdue`,
  },
  r_st_summary: {
    zh: (p) => `${p.period} 参评党员 ${p.rated} 名，评出红星党员 ${p.red} 名、标杆支部 ${p.benchmark} 个、旗帜党委 ${p.flag} 个。`,
    en: (p) => `${p.period}: ${p.rated} members rated; ${p.red} red-star members, ${p.benchmark} benchmark branches, ${p.flag} flag committees.`,
  },
  r_t_red: {
    zh: () => `红星党员`,
    en: () => `Red-star members`,
  },
  r_t_benchmark: {
    zh: () => `标杆支部`,
    en: () => `Benchmark branches`,
  },
  r_t_flag: {
    zh: () => `旗帜党委`,
    en: () => `Flag committees`,
  },
  r_none: {
    zh: () => `无`,
    en: () => `none`,
  },
  r_more: {
    zh: (p) => `（仅列出前 ${p.shown} 行，共 ${p.total} 行；完整名单见 --format xlsx 或 json）`,
    en: (p) => `(the first ${p.shown} of ${p.total} rows; every row is in --format xlsx or json)`,
  },
  r_series_met: {
    zh: () => `达标`,
    en: () => `met`,
  },
  r_series_missed: {
    zh: () => `未达标`,
    en: () => `missed`,
  },
  r_series_orgs: {
    zh: () => `组织数`,
    en: () => `orgs`,
  },
  r_h_org: {
    zh: () => `编号`,
    en: () => `code`,
  },
  r_h_name: {
    zh: () => `名称`,
    en: () => `name`,
  },
  r_h_owner: {
    zh: () => `承诺主体`,
    en: () => `owner`,
  },
  r_h_owner_name: {
    zh: () => `主体名称`,
    en: () => `owner name`,
  },
  r_h_member: {
    zh: () => `党员编号`,
    en: () => `member`,
  },
  r_h_member_name: {
    zh: () => `姓名`,
    en: () => `name`,
  },
  r_h_org_name: {
    zh: () => `组织名称`,
    en: () => `org name`,
  },
  r_h_member_org: {
    zh: () => `所在组织`,
    en: () => `org`,
  },
  r_h_id: {
    zh: () => `承诺编号`,
    en: () => `pledge`,
  },
  r_h_kind: {
    zh: () => `类别`,
    en: () => `kind`,
  },
  r_h_content: {
    zh: () => `承诺内容`,
    en: () => `content`,
  },
  r_h_made: {
    zh: () => `作出日期`,
    en: () => `made`,
  },
  r_h_due: {
    zh: () => `承诺期限`,
    en: () => `due`,
  },
  r_h_status: {
    zh: () => `状态`,
    en: () => `status`,
  },
  r_h_fulfilled: {
    zh: () => `兑现日期`,
    en: () => `fulfilled`,
  },
  r_h_reasons: {
    zh: () => `空乏原因`,
    en: () => `why vague`,
  },
  r_h_src: {
    zh: () => `来源`,
    en: () => `source`,
  },
  r_h_satisfied: {
    zh: () => `满意`,
    en: () => `satisfied`,
  },
  r_h_basic: {
    zh: () => `基本满意`,
    en: () => `basic`,
  },
  r_h_unsatisfied: {
    zh: () => `不满意`,
    en: () => `unsatisfied`,
  },
  r_h_month: {
    zh: () => `月份`,
    en: () => `month`,
  },
  r_h_title: {
    zh: () => `标题`,
    en: () => `title`,
  },
  r_h_adopted: {
    zh: () => `采用级别`,
    en: () => `adopted at`,
  },
  r_h_titles: {
    zh: () => `典型名称`,
    en: () => `typicals`,
  },
  r_h_previous: {
    zh: () => `上季度`,
    en: () => `previous`,
  },
  r_h_current: {
    zh: () => `本季度`,
    en: () => `now`,
  },
  r_h_reason: {
    zh: () => `理由`,
    en: () => `reason`,
  },
  r_h_grade: {
    zh: () => `等次`,
    en: () => `grade`,
  },
  r_h_members: {
    zh: () => `党员数`,
    en: () => `members`,
  },
  r_h_without: {
    zh: () => `未承诺`,
    en: () => `without`,
  },
  r_h_committee: {
    zh: () => `党委`,
    en: () => `committee`,
  },
  r_wrote: {
    zh: (p) => `通报已写入 ${p.file}`,
    en: (p) => `bulletin written to ${p.file}`,
  },
  xlsx_needs_out: {
    zh: () => `xlsx 是二进制文件，请用 --out 指定文件名，如 --out 通报.xlsx`,
    en: () => `xlsx is a binary file: name it with --out, e.g. --out bulletin.xlsx`,
  },
  bad_out_ext: {
    zh: (p) => `无法从文件名 ${p.file} 判断格式；请用 .md、.html、.xlsx、.json 结尾，或加 --format`,
    en: (p) => `cannot tell the format from ${p.file}; end it with .md, .html, .xlsx or .json, or give --format`,
  },
  write_failed: {
    zh: (p) => `无法写入 ${p.file}：${p.reason}`,
    en: (p) => `cannot write ${p.file}: ${p.reason}`,
  },
  h_report: {
    zh: () => `月度通报：信息报送、公开承诺、分类定级、积分评星`,
    en: () => `the monthly bulletin: reports, pledges, grading, stars`,
  },
  h_out: {
    zh: () => `写入文件（格式可由扩展名 .md/.html/.xlsx/.json 判断）`,
    en: () => `write to this file (format from its extension .md/.html/.xlsx/.json)`,
  },
};
