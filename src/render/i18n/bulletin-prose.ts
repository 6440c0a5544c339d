// The bulletin's body: the month's figures in sentences, as an office writes
// them (SPEC §3): every count through figure(), a count of nothing said
// another way, lists complete or marked 其中.
import type { BulletinMessages } from '../../core/messages/bulletin.js';
import type { Catalog } from './catalog.js';
import { figure, type Unit } from './figures.js';

type ProseId =
  | 'bulletin_ov_orgs'
  | 'bulletin_ov_data'
  | 'bulletin_ov_graded'
  | 'bulletin_ov_missing'
  | 'bulletin_rp_summary'
  | 'bulletin_rp_missed'
  | 'bulletin_short_of'
  | 'bulletin_rp_adopted'
  | 'bulletin_rp_top'
  | 'bulletin_points_of'
  | 'bulletin_rp_typicals'
  | 'bulletin_pl_summary'
  | 'bulletin_pl_coverage'
  | 'bulletin_pl_vague'
  | 'bulletin_pl_eval'
  | 'bulletin_pl_no_eval'
  | 'bulletin_gr_summary'
  | 'bulletin_gr_movement'
  | 'bulletin_gr_remedial'
  | 'bulletin_gr_no_remedial'
  | 'bulletin_gr_none'
  | 'bulletin_st_summary'
  | 'bulletin_st_flag'
  | 'bulletin_st_benchmark'
  | 'bulletin_lg_summary';

/** Counts and parts of a whole in running text: 25个, 25个中的18个; "25 organisations", "18 of 25 members". */
const zh = (n: unknown, unit: Unit) => figure('zh', { n: Number(n), unit });
const en = (n: unknown, unit: Unit) => figure('en', { n: Number(n), unit });
const zhOf = (part: unknown, whole: unknown, unit: Unit) => figure('zh', { part: Number(part), whole: Number(whole), unit });
const enOf = (part: unknown, whole: unknown, unit: Unit) => figure('en', { part: Number(part), whole: Number(whole), unit });
/** Clauses that are said, joined; a clause about nothing is said another way by its caller. */
const clauses = (sep: string, ...xs: (string | false)[]) => xs.filter((x) => x !== false).join(sep);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const prose: Catalog<Pick<BulletinMessages, ProseId>> = {
  bulletin_ov_orgs: {
    zh: (p) => `${p.area}现有党组织${zh(p.n, 'org')}（党委${zh(p.c, 'committee')}、党支部${zh(p.b, 'branch')}），党员${zh(p.m, 'member')}。`,
    en: (p) => `${cap(String(p.area))} has ${en(p.n, 'org')} (${en(p.c, 'committee')}, ${en(p.b, 'branch')}) and ${en(p.m, 'member')}.`,
  },
  bulletin_ov_data: {
    zh: (p) =>
      `${p.month}，${clauses(
        '；',
        Number(p.reports) ? `各党组织共报送信息${zh(p.reports, 'item')}` : `各党组织均未报送信息`,
        Number(p.typicals) ? `本季度截至本月培树典型${zh(p.typicals, 'typical')}` : `本季度截至本月尚未培树典型`,
        Number(p.pledges) ? `在诺（尚未兑现）承诺${zh(p.pledges, 'pledge')}` : `没有在诺（尚未兑现）的承诺`,
      )}。`,
    en: (p) =>
      `In ${p.month} ${clauses(
        '; ',
        Number(p.reports) ? `they reported ${en(p.reports, 'item')}` : `no organisation reported`,
        Number(p.typicals) ? `${en(p.typicals, 'typical')} this quarter to date` : `no typical yet this quarter`,
        Number(p.pledges) ? `${en(p.pledges, 'pledge')} in force` : `no pledge in force`,
      )}.`,
  },
  bulletin_ov_graded: {
    zh: (p) => `${p.period}完成测评的党组织${zh(p.reviews, 'org')}，党员积分记录${zh(p.points, 'record')}。`,
    en: (p) => `${p.period}: ${en(p.reviews, 'org')} reviewed, ${en(p.points, 'record')}.`,
  },
  bulletin_ov_missing: {
    zh: (p) =>
      (Number(p.no_reports) ? `本月未报送信息的组织${zh(p.no_reports, 'org')}（名单见附件${p.att}）` : `各组织本月均报送了信息`) +
      (p.period
        ? Number(p.no_review)
          ? `，${p.period}无测评记录的党支部${zh(p.no_review, 'branch')}（名单见附件${p.att_g}）。`
          : `，${p.period}各党支部均有测评记录。`
        : `；到本月末还没有已结束的测评季度。`),
    en: (p) =>
      (Number(p.no_reports)
        ? `${en(p.no_reports, 'org')} sent no report this month (listed in attachment ${p.att})`
        : `Every organisation sent a report this month`) +
      (p.period
        ? Number(p.no_review)
          ? `; ${en(p.no_review, 'branch')} ${Number(p.no_review) === 1 ? 'has' : 'have'} no review for ${p.period} (attachment ${p.att_g}).`
          : `; every branch has a review for ${p.period}.`
        : `; no quarter has been reviewed by the month's end.`),
  },
  bulletin_rp_summary: {
    zh: (p) => {
      const [n, met, missed] = [Number(p.n), Number(p.met), Number(p.missed)];
      const said =
        n === 0
          ? ''
          : missed === 0
            ? `本月${zh(n, 'org')}组织全部达标。`
            : met === 0
              ? `本月${zh(n, 'org')}组织均未达标。`
              : `本月${zh(n, 'org')}组织中，达标${zh(met, 'org')}、未达标${zh(missed, 'org')}，达标率${p.rate}。`;
      return `每个组织每月至少报送${zh(p.quota, 'item')}。${said}`;
    },
    en: (p) => {
      const [n, met, missed] = [Number(p.n), Number(p.met), Number(p.missed)];
      const said =
        n === 0
          ? ''
          : missed === 0
            ? ` All ${en(n, 'org')} met it.`
            : met === 0
              ? ` None of the ${en(n, 'org')} met it.`
              : ` Of ${en(n, 'org')}, ${met.toLocaleString('en-US')} met it and ${missed.toLocaleString('en-US')} missed it (${p.rate} met).`;
      return `Each organisation must report at least ${en(p.quota, 'item')} a month.${said}`;
    },
  },
  bulletin_rp_missed: {
    zh: (p) => `未达标的是：${p.names}。`,
    en: (p) => `Short of the quota: ${p.names}.`,
  },
  bulletin_short_of: {
    zh: (p) => `${p.name}（差${zh(p.n, 'item')}）`,
    en: (p) => `${p.name} (${en(p.n, 'item')} short)`,
  },
  bulletin_rp_adopted: {
    zh: (p) => (Number(p.n) ? `本月被采用信息${zh(p.n, 'item')}，计采用积分${zh(p.points, 'point')}。` : `本月没有被采用的信息。`),
    en: (p) => (Number(p.n) ? `${cap(en(p.n, 'item'))} adopted this month, ${en(p.points, 'point')}.` : `No item was adopted this month.`),
  },
  bulletin_rp_top: {
    zh: (p) => `采用积分居前的是：${p.names}。`,
    en: (p) => `Most adoption points: ${p.names}.`,
  },
  bulletin_points_of: {
    zh: (p) => `${p.name}（${zh(p.n, 'point')}）`,
    en: (p) => `${p.name} (${en(p.n, 'point')})`,
  },
  bulletin_rp_typicals: {
    zh: (p) => {
      const [n, met, need] = [Number(p.n), Number(p.met), zh(p.need, 'typical')];
      const said =
        n === 0
          ? ''
          : n === 1
            ? `本季度截至本月，党委培树典型${met ? '已' : '尚未'}达到${need}。`
            : met === n
              ? `本季度截至本月，${zh(n, 'committee')}党委培树典型均已达到${need}。`
              : met === 0
                ? `本季度截至本月，${zh(n, 'committee')}党委培树典型均未达到${need}。`
                : `本季度截至本月，${zh(n, 'committee')}党委中的${zh(met, 'committee')}培树典型达到${need}。`;
      return `${said}各组织完成情况见附件${p.att}。`;
    },
    en: (p) => {
      const [n, met] = [Number(p.n), Number(p.met)];
      const who =
        met === n
          ? n === 1
            ? 'the committee has'
            : `all ${en(n, 'committee')} have`
          : met === 0
            ? n === 1
              ? 'the committee has not yet'
              : `none of the ${en(n, 'committee')} has yet`
            : `${enOf(met, n, 'committee')} have`;
      return `${n ? `This quarter to date, ${who} raised ${p.need} or more typicals. ` : ''}Every organisation's figures are in attachment ${p.att}.`;
    },
  },
  bulletin_pl_summary: {
    zh: (p) =>
      `${clauses(
        '，',
        Number(p.made) ? `本月新作承诺${zh(p.made, 'pledge')}` : `本月没有新作承诺`,
        Number(p.fulfilled) ? `兑现承诺${zh(p.fulfilled, 'pledge')}` : `没有兑现的承诺`,
      )}；${Number(p.overdue) ? `截至月末逾期未兑现${zh(p.overdue, 'pledge')}` : `截至月末没有逾期未兑现的承诺`}。`,
    en: (p) =>
      `${clauses(
        ' and ',
        Number(p.made) ? `${cap(en(p.made, 'pledge'))} made` : `No pledge made`,
        Number(p.fulfilled) ? `${en(p.fulfilled, 'pledge')} fulfilled` : `none fulfilled`,
      )} this month; ${Number(p.overdue) ? `${en(p.overdue, 'pledge')} overdue` : `none overdue`} at the month's end.`,
  },
  bulletin_pl_coverage: {
    zh: (p) => {
      const some = (n: unknown, total: unknown) => Number(n) > 0 && Number(n) < Number(total);
      const part = (n: unknown, total: unknown, unit: Unit, who: string, rate: unknown) =>
        Number(n) === 0
          ? `尚无${who}作出承诺`
          : Number(n) === Number(total)
            ? `${zh(total, unit)}${who}均已作出承诺`
            : `作出承诺的${who}为${zhOf(n, total, unit)}（${rate}）`;
      if (some(p.orgs, p.orgs_total) && some(p.members, p.members_total))
        return `作出承诺的组织为${zhOf(p.orgs, p.orgs_total, 'org')}（${p.orgs_rate}），党员为${zhOf(p.members, p.members_total, 'member')}（${p.members_rate}）。`;
      return `${part(p.orgs, p.orgs_total, 'org', '组织', p.orgs_rate)}，${part(p.members, p.members_total, 'member', '党员', p.members_rate)}。`;
    },
    en: (p) => {
      const part = (n: unknown, total: unknown, unit: Unit, rate: unknown) =>
        Number(n) === 0 ? `none of the ${en(total, unit)}` : Number(n) === Number(total) ? `all ${en(total, unit)}` : `${enOf(n, total, unit)} (${rate})`;
      return `${cap(`${part(p.orgs, p.orgs_total, 'org', p.orgs_rate)} and ${part(p.members, p.members_total, 'member', p.members_rate)}`)} have a pledge.`;
    },
  },
  bulletin_pl_vague: {
    zh: (p) => (Number(p.n) ? `内容空乏的承诺${zh(p.n, 'pledge')}，请督促修改完善。` : `没有内容空乏的承诺。`),
    en: (p) => (Number(p.n) ? `${cap(en(p.n, 'pledge'))} ${Number(p.n) === 1 ? 'is' : 'are'} vague and should be made concrete.` : `No pledge is vague.`),
  },
  bulletin_pl_eval: {
    zh: (p) => `参加评诺的承诺${zh(p.n, 'pledge')}，满意率（满意与基本满意）合计${p.sat}。详见附件${p.att}。`,
    en: (p) => `${cap(en(p.n, 'pledge'))} evaluated; satisfied or basically satisfied: ${p.sat}. See attachment ${p.att}.`,
  },
  bulletin_pl_no_eval: {
    zh: (p) => `本月末尚无评诺结果。详见附件${p.att}。`,
    en: (p) => `No pledge evaluated by the month's end. See attachment ${p.att}.`,
  },
  bulletin_gr_summary: {
    zh: (p) =>
      `${p.period}分类定级：好${zh(p.good, 'org')}、较好${zh(p.fair, 'org')}、一般${zh(p.average, 'org')}、差${zh(p.poor, 'org')}${Number(p.ungraded) ? `，未评定${zh(p.ungraded, 'org')}` : ''}。`,
    en: (p) => `${p.period}: good ${p.good}, fair ${p.fair}, average ${p.average}, poor ${p.poor}${Number(p.ungraded) ? `, ungraded ${p.ungraded}` : ''}.`,
  },
  bulletin_gr_movement: {
    zh: (p) => `与上季度相比：晋位${zh(p.up, 'org')}、降位${zh(p.down, 'org')}、持平${zh(p.same, 'org')}、新评${zh(p.new, 'org')}。`,
    en: (p) => `Against the previous quarter: up ${p.up}, down ${p.down}, same ${p.same}, new ${p.new}.`,
  },
  bulletin_gr_remedial: {
    zh: (p) => `群众满意率低于${p.below}、列入补课整改名单的有：${p.names}，请所在党委督促整改。详见附件${p.att}。`,
    en: (p) => `Satisfaction below ${p.below}, on the remedial list: ${p.names}. See attachment ${p.att}.`,
  },
  bulletin_gr_no_remedial: {
    zh: (p) => `没有群众满意率低于${p.below}的组织。详见附件${p.att}。`,
    en: (p) => `No organisation's satisfaction is below ${p.below}. See attachment ${p.att}.`,
  },
  bulletin_gr_none: {
    zh: () => `截至本月末尚无已测评的季度。`,
    en: () => `No quarter has been reviewed by the month's end.`,
  },
  bulletin_st_summary: {
    zh: (p) => {
      const found = [
        Number(p.red) ? `红星党员${zh(p.red, 'member')}（名单见附件${p.att}）` : '',
        Number(p.benchmark) ? `标杆支部${zh(p.benchmark, 'branch')}` : '',
        Number(p.flag) ? `旗帜党委${zh(p.flag, 'committee')}` : '',
      ].filter(Boolean);
      const none = [Number(p.red) ? '' : '红星党员', Number(p.benchmark) ? '' : '标杆支部', Number(p.flag) ? '' : '旗帜党委'].filter(Boolean);
      return `${p.period}参评党员${zh(p.rated, 'member')}${found.length ? `，评出${found.join('、')}` : ''}${none.length ? `，未评出${none.join('、')}` : ''}。`;
    },
    en: (p) => {
      const found = [
        Number(p.red) ? `${p.red} red-star ${Number(p.red) === 1 ? 'member' : 'members'} (attachment ${p.att})` : '',
        Number(p.benchmark) ? `${p.benchmark} benchmark ${Number(p.benchmark) === 1 ? 'branch' : 'branches'}` : '',
        Number(p.flag) ? `${p.flag} flag ${Number(p.flag) === 1 ? 'committee' : 'committees'}` : '',
      ].filter(Boolean);
      const none = [Number(p.red) ? '' : 'red-star member', Number(p.benchmark) ? '' : 'benchmark branch', Number(p.flag) ? '' : 'flag committee'].filter(
        Boolean,
      );
      return `${p.period}: ${en(p.rated, 'member')} rated${found.length ? `; ${found.join(', ')}` : ''}${none.length ? `; no ${none.join(', no ')}` : ''}.`;
    },
  },
  bulletin_st_flag: {
    zh: (p) => `旗帜党委：${p.names}。`,
    en: (p) => `Flag committees: ${p.names}.`,
  },
  bulletin_st_benchmark: {
    zh: (p) => `标杆支部：${p.names}。`,
    en: (p) => `Benchmark branches: ${p.names}.`,
  },
  bulletin_lg_summary: {
    zh: (p) =>
      `截至本月末，问题台账共列问题${zh(p.found, 'problem')}，已销号${zh(p.closed, 'problem')}，整改率${p.rate}；` +
      (Number(p.overdue)
        ? `逾期未整改${zh(p.overdue, 'problem')}，` +
          (Number(p.supervised)
            ? `其中挂牌督办${zh(p.supervised, 'problem')}${Number(p.newly) ? `（本月新增${zh(p.newly, 'problem')}）` : ''}，名单见附件${p.att}。`
            : `尚无挂牌督办的问题（整改情况见附件${p.att}）。`)
        : `没有逾期未整改的问题（整改情况见附件${p.att}）。`),
    en: (p) =>
      `At the month's end the ledger holds ${en(p.found, 'problem')}, ${p.closed} closed (${p.rate}); ` +
      (Number(p.overdue)
        ? `${p.overdue} overdue` +
          (Number(p.supervised)
            ? `, ${p.supervised} of them supervised${Number(p.newly) ? ` (${p.newly} since last month)` : ''}: attachment ${p.att}.`
            : `, none supervised (attachment ${p.att}).`)
        : `none overdue (attachment ${p.att}).`),
  },
};
