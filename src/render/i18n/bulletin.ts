// The monthly bulletin (通报).
import type { BulletinMessages } from '../../core/messages/bulletin.js';
import type { Catalog } from './catalog.js';
import { prose } from './bulletin-prose.js';
import { figure } from './figures.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The system's reasons a file cannot be written, as Chinese text says them (the rest as the system says them). */
const WRITE_REASONS: Record<string, string> = {
  ENOSPC: '磁盘已满，请腾出空间后重试',
  EDQUOT: '超出了磁盘配额，请腾出空间后重试',
  EACCES: '没有写入权限，请换一个文件夹，或请管理员开放权限',
  EPERM: '没有写入权限，请换一个文件夹，或请管理员开放权限',
  EROFS: '磁盘是只读的（如光盘或写保护的U盘），请换一个位置',
  ENOENT: '所在的文件夹不存在，请先建立文件夹或换一个路径',
  ENOTDIR: '路径中的某一级不是文件夹',
  EISDIR: '这是一个文件夹，请写出文件名',
  EBUSY: '文件正被其他程序占用（如已在 Word、Excel 或 WPS 中打开），请关闭后再试',
  EFBIG: '文件超过了系统允许的大小',
  EIO: '磁盘写入出错',
  ENAMETOOLONG: '文件名或路径太长',
};

export const bulletin: Catalog<BulletinMessages> = {
  ...prose,
  bulletin_title: {
    zh: (p) => `关于${p.month}创先争优活动开展情况的通报`,
    en: (p) => `Bulletin on the campaign, ${p.month}`,
  },
  bulletin_title_org: {
    zh: (p) => `关于${p.org}${p.month}创先争优活动开展情况的通报`,
    en: (p) => `Bulletin on the campaign in ${p.org}, ${p.month}`,
  },
  bulletin_issuer_default: {
    zh: () => `创先争优活动领导小组办公室`,
    en: () => `Office of the Campaign Leading Group`,
  },
  bulletin_area_default: {
    zh: () => `全县`,
    en: () => `the county`,
  },
  bulletin_number: {
    zh: (p) => `${p.prefix}〔${p.year}〕${p.n}号`,
    en: (p) => `${p.prefix}〔${p.year}〕No. ${p.n}`,
  },
  bulletin_to: {
    zh: () => `各基层党组织：`,
    en: () => `To every party organisation:`,
  },
  bulletin_to_org: {
    zh: (p) => `${p.org}所属各党组织：`,
    en: (p) => `To every party organisation of ${p.org}:`,
  },
  bulletin_to_addressee: {
    zh: (p) => `${p.to}：`,
    en: (p) => `To ${p.to}:`,
  },
  bulletin_sheet: {
    zh: () => `通报`,
    en: () => `Bulletin`,
  },
  bulletin_cc: {
    zh: () => `抄送：`,
    en: () => `Copies to: `,
  },
  bulletin_cc_list: {
    zh: (p) => `${p.list}。`,
    en: (p) => `${p.list}.`,
  },
  bulletin_printed: {
    zh: (p) => `${p.y}年${p.m}月${p.d}日印发`,
    en: (p) => `Printed ${p.d} ${MONTHS[Number(p.m) - 1]} ${p.y}`,
  },
  bulletin_office_missing: {
    zh: (p) =>
      `注意：规则文件没有设置发文机关（office.name），通报的红头和落款用了通用名称。请在规则文件 ${p.file} 中加入 office 一节，填写 ${p.keys}（cxzy init 写出的 cxzy.rules.yaml 有带注释的示例；也可用 --rules 指定规则文件）。`,
    en: (p) =>
      `note: the rules set no office.name (the issuing office), so the notice names a generic office. Add an office section with ${p.keys} to the rules file ${p.file} (cxzy init writes a commented example; --rules names another file).`,
  },
  bulletin_prefix_missing: {
    zh: (p) =>
      `注意：规则文件没有设置文号前缀（office.number_prefix），文号只有年份和顺序号。请在规则文件 ${p.file} 的 office 一节填写 number_prefix（如 县创争办）。`,
    en: (p) => `note: the rules set no office.number_prefix, so the number has only its year and serial. Add number_prefix to the office section of ${p.file}.`,
  },
  bulletin_date: {
    zh: (p) => `${p.y}年${p.m}月${p.d}日`,
    en: (p) => `${p.d} ${MONTHS[Number(p.m) - 1]} ${p.y}`,
  },
  bulletin_month_words: {
    zh: (p) => `${p.y}年${p.m}月`,
    en: (p) => `${MONTHS[Number(p.m) - 1]} ${p.y}`,
  },
  bulletin_period_words: {
    zh: (p) => `${p.y}年第${'一二三四'[Number(p.q) - 1]}季度`,
    en: (p) => `Q${p.q} ${p.y}`,
  },
  bulletin_opening: {
    zh: (p) => `现将${p.month}${p.area}创先争优活动开展情况通报如下。`,
    en: (p) => `This is how the campaign went in ${p.area} in ${p.month}.`,
  },
  bulletin_attachments: {
    zh: () => `附件：`,
    en: () => `Attachments:`,
  },
  bulletin_att_title: {
    zh: (p) => `附件${p.n}　${p.name}`,
    en: (p) => `Attachment ${p.n}: ${p.name}`,
  },
  bulletin_a_reports: {
    zh: () => `信息报送完成情况`,
    en: () => `Information reports`,
  },
  bulletin_a_pledges: {
    zh: () => `公开承诺情况`,
    en: () => `Public pledges`,
  },
  bulletin_a_grading: {
    zh: () => `分类定级情况`,
    en: () => `Grading`,
  },
  bulletin_a_stars: {
    zh: () => `积分评星情况`,
    en: () => `Stars`,
  },
  bulletin_s_ledger: {
    zh: () => `整改落实`,
    en: () => `Rectification`,
  },
  bulletin_a_ledger: { zh: () => `整改落实情况`, en: () => `Rectification` },
  bulletin_t_ledger_committees: {
    zh: () => `各党委问题整改情况（截至月末，按整改率排序）`,
    en: () => `Rectification per committee at the month's end, by rate`,
  },
  bulletin_t_supervised: { zh: () => `挂牌督办的问题`, en: () => `Problems under supervision` },
  bulletin_s_number: {
    zh: (p) => `${'一二三四五六七八九十'[Number(p.n) - 1]}、${p.title}`,
    en: (p) => `${p.n}. ${p.title}`,
  },
  bulletin_s_closing: {
    zh: () => `工作要求`,
    en: () => `What follows`,
  },
  bulletin_closing: {
    zh: () => `各党组织要对照本通报和附件查漏补缺：信息报送未达标的抓紧补报，逾期承诺限期兑现，列入补课整改名单的组织制定整改措施，按时报送下月材料。`,
    en: () =>
      `Every organisation should check itself against this bulletin and its attachments: report what is missing, keep overdue pledges, draw up remedial measures where listed, and hand in next month's records on time.`,
  },
  bulletin_generated: {
    zh: (p) => `本通报由 cxzy ${p.version} 生成；各项数字的来源（数据文件和行）见 cxzy report --format json 和 cxzy grade --explain。`,
    en: (p) => `Made by cxzy ${p.version}; where every figure comes from (file and line) is in cxzy report --format json and cxzy grade --explain.`,
  },

  bulletin_t_no_review: {
    zh: (p) => `${p.period}无测评记录的党支部`,
    en: (p) => `Branches without a review in ${p.period}`,
  },
  bulletin_t_month: {
    zh: (p) => `${p.month}信息报送完成情况（每月至少${figure('zh', { n: Number(p.quota), unit: 'item' })}，按本月采用积分排名）`,
    en: (p) => `Reports ${p.month} (at least ${p.quota} a month), ranked by this month's points`,
  },
  bulletin_h_month_n: {
    zh: (p) => `${p.m}月`,
    en: (p) => `${MONTHS[Number(p.m) - 1].slice(0, 3)}`,
  },
  bulletin_h_count: {
    zh: () => `人数`,
    en: () => `number`,
  },
  bulletin_h_red_names: {
    zh: () => `红星党员`,
    en: () => `red-star members`,
  },
  bulletin_h_points_month: {
    zh: () => `本月积分`,
    en: () => `points (month)`,
  },
  bulletin_h_points_quarter: {
    zh: () => `季度积分`,
    en: () => `points (quarter)`,
  },
  bulletin_t_typicals: {
    zh: (p) => `${p.period}党委培树典型（每季度至少${figure('zh', { n: Number(p.need), unit: 'typical' })}）`,
    en: (p) => `Committee typicals ${p.period} (at least ${p.need} a quarter)`,
  },
  bulletin_s_overview: {
    zh: () => `总体情况`,
    en: () => `Overview`,
  },
  bulletin_s_reports: {
    zh: () => `信息报送`,
    en: () => `Information reports`,
  },
  bulletin_s_pledges: {
    zh: () => `公开承诺`,
    en: () => `Public pledges`,
  },
  bulletin_s_grading: {
    zh: () => `分类定级`,
    en: () => `Grading`,
  },
  bulletin_s_stars: {
    zh: () => `积分评星`,
    en: () => `Stars`,
  },
  bulletin_t_no_reports: {
    zh: () => `本月未报送信息的组织`,
    en: () => `Orgs without a report this month`,
  },
  bulletin_c_committees: {
    zh: () => `各党委（含直属党支部）本月信息报送达标情况`,
    en: () => `Quota met this month, per committee (with its own branches)`,
  },
  bulletin_t_adopted: {
    zh: () => `本月被采用信息`,
    en: () => `Items adopted this month`,
  },
  bulletin_t_duplicates: {
    zh: () => `重复报送（同组织同月同题只计一次）`,
    en: () => `Duplicates (same org, month and title count once)`,
  },
  bulletin_t_made: {
    zh: () => `本月新作承诺`,
    en: () => `Pledges made this month`,
  },
  bulletin_t_fulfilled: {
    zh: () => `本月兑现承诺`,
    en: () => `Pledges fulfilled this month`,
  },
  bulletin_t_overdue: {
    zh: (p) => `逾期未兑现承诺（截至${p.end}）`,
    en: (p) => `Overdue pledges (at ${p.end})`,
  },
  bulletin_t_orgs_without: {
    zh: () => `尚未作出承诺的组织`,
    en: () => `Orgs without a pledge`,
  },
  bulletin_t_members_without: {
    zh: () => `各支部尚未作出承诺的党员人数`,
    en: () => `Members without a pledge, per branch`,
  },
  bulletin_t_vague: {
    zh: () => `内容空乏的承诺`,
    en: () => `Vague pledges`,
  },
  bulletin_t_evaluated: {
    zh: () => `评诺结果（按满意率从低到高）`,
    en: () => `Evaluations (lowest satisfaction first)`,
  },
  bulletin_c_grades: {
    zh: (p) => `${p.period}等次分布`,
    en: (p) => `Grades ${p.period}`,
  },
  bulletin_c_movement: {
    zh: () => `晋位升级情况`,
    en: () => `Movement`,
  },
  bulletin_t_moved: {
    zh: () => `晋位、降位的组织`,
    en: () => `Orgs that moved up or down`,
  },
  bulletin_t_overrides: {
    zh: () => `上级评定调整等次的组织`,
    en: () => `Grades decided by the superior`,
  },
  bulletin_t_remedial: {
    zh: (p) => `补课整改名单（群众满意率低于${p.below}）`,
    en: (p) => `Remedial list (satisfaction below ${p.below})`,
  },
  bulletin_t_commentary: {
    zh: () => `领导点评逾期的组织`,
    en: () => `Leader commentary overdue`,
  },
  bulletin_t_red: {
    zh: () => `红星党员`,
    en: () => `Red-star members`,
  },
  bulletin_t_benchmark: {
    zh: () => `标杆支部`,
    en: () => `Benchmark branches`,
  },
  bulletin_t_flag: {
    zh: () => `旗帜党委`,
    en: () => `Flag committees`,
  },
  bulletin_none: {
    zh: () => `无`,
    en: () => `none`,
  },
  bulletin_more: {
    zh: (p) => `（仅列出前${p.shown}行，共${p.total}行；完整名单见 --format xlsx 或 json）`,
    en: (p) => `(the first ${p.shown} of ${p.total} rows; every row is in --format xlsx or json)`,
  },
  bulletin_series_met: {
    zh: () => `达标`,
    en: () => `met`,
  },
  bulletin_series_missed: {
    zh: () => `未达标`,
    en: () => `missed`,
  },
  bulletin_t_units: {
    zh: (p) => `${p.month}各下级党委信息报送达标率排名（含其全部下级组织）`,
    en: (p) => `${p.month}: the committees below, ranked by the share of their orgs (all levels) that met the quota`,
  },
  bulletin_h_met_rate: { zh: () => `达标率`, en: () => `share met` },
  bulletin_series_orgs: {
    zh: () => `组织数`,
    en: () => `orgs`,
  },
  bulletin_h_org: {
    zh: () => `编号`,
    en: () => `code`,
  },
  bulletin_h_name: {
    zh: () => `名称`,
    en: () => `name`,
  },
  bulletin_h_owner_name: {
    zh: () => `主体名称`,
    en: () => `owner name`,
  },
  bulletin_h_member_org: {
    zh: () => `所在组织`,
    en: () => `org`,
  },
  bulletin_h_kind: {
    zh: () => `类别`,
    en: () => `kind`,
  },
  bulletin_h_content: {
    zh: () => `承诺内容`,
    en: () => `content`,
  },
  bulletin_h_made: {
    zh: () => `作出日期`,
    en: () => `made`,
  },
  bulletin_h_due: {
    zh: () => `承诺期限`,
    en: () => `due`,
  },
  bulletin_h_status: {
    zh: () => `状态`,
    en: () => `status`,
  },
  bulletin_h_fulfilled: {
    zh: () => `兑现日期`,
    en: () => `fulfilled`,
  },
  bulletin_h_reasons: {
    zh: () => `空乏原因`,
    en: () => `why vague`,
  },
  bulletin_h_satisfied: {
    zh: () => `满意`,
    en: () => `satisfied`,
  },
  bulletin_h_basic: {
    zh: () => `基本满意`,
    en: () => `basic`,
  },
  bulletin_h_unsatisfied: {
    zh: () => `不满意`,
    en: () => `unsatisfied`,
  },
  bulletin_h_month: {
    zh: () => `月份`,
    en: () => `month`,
  },
  bulletin_h_title: {
    zh: () => `标题`,
    en: () => `title`,
  },
  bulletin_h_adopted: {
    zh: () => `采用级别`,
    en: () => `adopted at`,
  },
  bulletin_h_titles: {
    zh: () => `典型名称`,
    en: () => `typicals`,
  },
  bulletin_h_previous: {
    zh: () => `上季度`,
    en: () => `previous`,
  },
  bulletin_h_current: {
    zh: () => `本季度`,
    en: () => `now`,
  },
  bulletin_h_reason: {
    zh: () => `理由`,
    en: () => `reason`,
  },
  bulletin_h_grade: {
    zh: () => `等次`,
    en: () => `grade`,
  },
  bulletin_h_members: {
    zh: () => `党员数`,
    en: () => `members`,
  },
  bulletin_h_without: {
    zh: () => `未承诺`,
    en: () => `without`,
  },
  bulletin_h_committee: {
    zh: () => `党委`,
    en: () => `committee`,
  },
  wrote_file: {
    zh: (p) => `已写入 ${p.file}`,
    en: (p) => `written to ${p.file}`,
  },
  bulletin_wrote: {
    zh: (p) => `通报已写入 ${p.file}`,
    en: (p) => `bulletin written to ${p.file}`,
  },
  xlsx_needs_out: {
    zh: (p) => `${p.format} 是二进制文件，请用 --out 指定文件名，如 --out 通报.${p.format}`,
    en: (p) => `${p.format} is a binary file: name it with --out, e.g. --out bulletin.${p.format}`,
  },
  bad_number: {
    zh: (p) => `--number 应为正整数（文号的顺序号），实际为 ${p.value}`,
    en: (p) => `--number takes a positive whole number (the document's number), not ${p.value}`,
  },
  bad_issue_date: {
    zh: (p) => `--date 应写成 YYYY-MM-DD，实际为 ${p.value}`,
    en: (p) => `--date takes YYYY-MM-DD, not ${p.value}`,
  },
  h_number: {
    zh: () => `文号的顺序号：--number 6 得到“县创争办〔2011〕6号”（前缀见规则文件 office.number_prefix）`,
    en: () => `the document's number: --number 6 gives 县创争办〔2011〕6号 (prefix: office.number_prefix in the rules file)`,
  },
  h_date: {
    zh: () => `成文日期 YYYY-MM-DD（默认今天）`,
    en: () => `the date it is issued, YYYY-MM-DD (default: today)`,
  },
  bad_out_ext: {
    zh: (p) => `无法从文件名 ${p.file} 判断格式；请用 ${p.exts} 之一结尾，或加 --format`,
    en: (p) => `cannot tell the format from ${p.file}; end it with one of ${p.exts}, or give --format`,
  },
  write_failed: {
    zh: (p) => `无法写入 ${p.file}：${WRITE_REASONS[String(p.code)] ?? p.reason}；没有写入任何内容`,
    en: (p) => `cannot write ${p.file}: ${p.reason}; nothing was written`,
  },
  h_report: {
    zh: () => `月度通报（公文格式，可输出 Word）：信息报送、公开承诺、分类定级、积分评星`,
    en: () => `the monthly bulletin: reports, pledges, grading, stars`,
  },
  h_out: {
    zh: () => `写入文件（格式可由扩展名 .docx/.html/.md/.xlsx/.json 判断）`,
    en: () => `write to this file (format from its extension .docx/.html/.md/.xlsx/.json)`,
  },
  h_out_rows: {
    zh: () => `写入文件，完整写入或不写（格式由扩展名 .xlsx/.csv/.md/.json 判断）`,
    en: () => `write to this file, whole or not at all (format from its extension .xlsx/.csv/.md/.json)`,
  },
};
