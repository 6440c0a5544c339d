// The messages of the checks across records (store/rules/): each with the
// parameters its text takes and both its texts, side by side, so that a rule
// is its entry in store/rules/ and its message here. A message without a
// Chinese or an English text, or a text that reads a parameter it does not
// declare, fails to compile. render/i18n/ puts them in its catalogue.
import type { Candidate } from './diagnostics.js';
import { texts, type MessagesOf, type Scalar } from './types.js';

export const RULE_TEXTS = {
  // errors
  duplicate_file: texts<{ what: Scalar; n: Scalar; key: Scalar; first: Scalar }>({
    zh: (p) =>
      `这个文件与 ${p.first} 有 ${p.n} 条相同的${p.what}（如“${p.key}”）：同一组织同一季度的材料只能交一份——删去其中一个文件，或先导入原件，再用 cxzy import --replace 导入更正件`,
    en: (p) =>
      `this file and ${p.first} hold ${p.n} of the same ${p.what} records (e.g. "${p.key}"): one org's quarter goes in once — remove one of the files, or import the original, then the correction with cxzy import --replace`,
  }),
  duplicate_id: texts<{ what: Scalar; key: Scalar; first: Scalar }>({
    zh: (p) => `${p.what}“${p.key}”重复，首次出现在 ${p.first}`,
    en: (p) => `${p.what} "${p.key}" is duplicated; first at ${p.first}`,
  }),
  unknown_ref: texts<{ what: Scalar; key: Scalar; hint?: Candidate[] }>({
    zh: (p) => `${p.what}“${p.key}”不存在（本批文件和数据库中都没有）${p.hint ? `，是否应为 ${p.hint}？` : ''}`,
    en: (p) => `${p.what} "${p.key}" does not exist (neither in these files nor in the database)${p.hint ? `; did you mean ${p.hint}?` : ''}`,
  }),
  parent_not_committee: texts<{ parent: Scalar }>({
    zh: (p) => `上级组织“${p.parent}”是党支部，党支部下不能再设组织；上级必须是党委、党工委或党总支`,
    en: (p) => `parent "${p.parent}" is a branch; a branch has no child orgs: the parent must be a committee`,
  }),
  has_children: texts<{ code?: Scalar; child: Scalar }>({
    zh: (p) => `“${p.code}”下已有组织或党员（如“${p.child}”），不能改为党支部或委员会以外的类型`,
    en: (p) => `"${p.code}" has child orgs (e.g. "${p.child}"); it cannot become a branch`,
  }),
  member_not_in_branch: texts<{ org: Scalar }>({
    zh: (p) => `党员必须属于党支部，“${p.org}”是党委/党总支`,
    en: (p) => `a member must belong to a branch; "${p.org}" is a committee`,
  }),
  org_has_members: texts<{ code?: Scalar; member: Scalar }>({
    zh: (p) => `“${p.code}”下有党员（如“${p.member}”），不能改为党委/党总支`,
    en: (p) => `"${p.code}" has members (e.g. "${p.member}"); it cannot become a committee`,
  }),
  cycle: texts<{ chain: Scalar }>({
    zh: (p) => `组织上下级关系成环：${p.chain}`,
    en: (p) => `the org tree has a cycle: ${p.chain}`,
  }),
  id_collides: texts<{ id: Scalar }>({
    zh: (p) => `党员编号“${p.id}”与组织编号重复，承诺的 owner 将无法区分`,
    en: (p) => `member id "${p.id}" is also an org code; pledge owners would be ambiguous`,
  }),
  standard_mismatch: texts<{ owner: Scalar; allowed: Scalar; value: Scalar }>({
    zh: (p) =>
      p.owner === 'org' ? `组织的承诺应对照“五个好”（${p.allowed}），实际为 ${p.value}` : `党员的承诺应对照“五带头”（${p.allowed}），实际为 ${p.value}`,
    en: (p) =>
      p.owner === 'org'
        ? `an org's pledge follows the five goods (${p.allowed}), got ${p.value}`
        : `a member's pledge follows the five leads (${p.allowed}), got ${p.value}`,
  }),
  // warnings
  name_twin: texts<{ what: Scalar; key: Scalar; name: Scalar; other: Scalar; under: Scalar; where: Scalar }>({
    zh: (p) =>
      `${p.what}“${p.key}”与“${p.other}”同名（${p.name}，同属 ${p.under}，见 ${p.where}）：若是同一个，请用原编号“${p.other}”，否则会多出一个${p.what}`,
    en: (p) =>
      `${p.what} "${p.key}" has the same name as "${p.other}" (${p.name}, both under ${p.under}; see ${p.where}): if they are one, use the code "${p.other}", or there will be two`,
  }),
  duplicate_title: texts<{ org: Scalar; month: Scalar; title: Scalar; other: Scalar }>({
    zh: (p) => `${p.org} 在 ${p.month} 报送了同题信息“${p.title}”（另见 ${p.other}），只计一次`,
    en: (p) => `${p.org} reported "${p.title}" more than once in ${p.month} (also ${p.other}); counted once`,
  }),
  no_points: texts<{ id: Scalar; name: Scalar; org: Scalar; period: Scalar }>({
    zh: (p) => `党员 ${p.id}（${p.name}）在 ${p.period} 没有积分记录`,
    en: (p) => `member ${p.id} (${p.name}) has no points in ${p.period}`,
  }),
  org_moved: texts<{ code: Scalar; was: Scalar; now: Scalar }>({
    zh: (p) => `组织 ${p.code} 的上级将由 ${p.was} 改为 ${p.now}：如果不是有意调整组织关系，请核对这个文件`,
    en: (p) => `org ${p.code} moves from under ${p.was} to under ${p.now}: if the tree is not meant to change, check this file`,
  }),
  member_moved: texts<{ code: Scalar; name: Scalar; was: Scalar; now: Scalar; since: Scalar }>({
    zh: (p) =>
      `党员 ${p.code}（${p.name}）的所在支部将由 ${p.was} 改为 ${p.now}（${p.since ? `自 ${p.since} 起` : '所有季度'}）：如果不是组织关系转接，请核对这个文件`,
    en: (p) =>
      `member ${p.code} (${p.name}) moves from branch ${p.was} to ${p.now} (${p.since ? `from ${p.since} on` : 'in every quarter'}): if this is not a transfer, check this file`,
  }),
  member_old_roster: texts<{ code: Scalar; name: Scalar; org: Scalar; period: Scalar; later_org: Scalar; later_period: Scalar; later_file: Scalar }>({
    zh: (p) =>
      `党员 ${p.code}（${p.name}）：这份名册写其 ${p.period} 在 ${p.org}，而 ${p.later_file} 写其自 ${p.later_period} 起在 ${p.later_org}；按旧名册只改动 ${p.later_period} 以前的季度，${p.later_period} 及以后仍在 ${p.later_org}`,
    en: (p) =>
      `member ${p.code} (${p.name}): this roster has them in ${p.org} in ${p.period}, but ${p.later_file} has them in ${p.later_org} from ${p.later_period} on; this old roster changes only the quarters before ${p.later_period}, from which they stay in ${p.later_org}`,
  }),
  name_other: texts<{ what: Scalar; code: Scalar; name: Scalar; stored: Scalar; other: Scalar }>({
    zh: (p) => `${p.what} ${p.code} 是“${p.stored}”，这里写的“${p.name}”是 ${p.other}：编号填错会把记录记到别人名下，请核对编号`,
    en: (p) => `${p.what} ${p.code} is "${p.stored}", but this row says "${p.name}", who is ${p.other}: the record would go to someone else; check the code`,
  }),
  name_mismatch: texts<{ what: Scalar; code: Scalar; name: Scalar; stored: Scalar }>({
    zh: (p) => `${p.what} ${p.code} 的名称是“${p.stored}”，这里写的是“${p.name}”：请核对编号`,
    en: (p) => `${p.what} ${p.code} is named "${p.stored}", but this row says "${p.name}": check the code`,
  }),
};

export type RuleMessages = MessagesOf<typeof RULE_TEXTS>;
