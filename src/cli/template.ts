// cxzy template: the fill-in workbook, blank or pre-filled with a subtree's
// orgs and members, a quarter's rows to score and its open problems; --split writes one workbook
// per branch into a folder, named D0101-2011Q2.xlsx, to send out.
import { existsSync, lstatSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { withOptions } from './command.js';
import type { Ctx } from './context.js';
import { DataError, UsageError } from '../core/errors.js';
import type { SectionRecords } from '../core/model.js';
import { OrgTree } from '../core/tree.js';
import { distinctFileNames } from '../core/file-names.js';
import { t } from '../render/i18n/index.js';
import { withStore } from './store.js';
import { loadRulesOrReport } from './rules-loader.js';
import { writeWhole } from './output.js';
import { periodFilter } from '../analyses/period.js';
import { exportRecords, membersAt } from '../store/export.js';
import { templateXlsx, type TemplateInput } from '../render/views/template.js';

/** The pre-filled part: the subtree's orgs and members, and for the quarter its active branches and their active members to score. */
/** `own`: the root's own rows only (a committee's, whose branches have workbooks of their own), not its subtree's. */
function input(r: SectionRecords, root: string | null, period: string | null, maxPoints: number, own = false): TemplateInput {
  const tree = new OrgTree(r.orgs);
  const orgs = root === null ? r.orgs : own ? r.orgs.filter((o) => o.code === root) : tree.subtree(root);
  const codes = new Set(orgs.map((o) => o.code));
  const members = r.members.filter((m) => codes.has(m.org));
  const open = new Set(orgs.filter((o) => o.active && o.type === 'branch').map((o) => o.code));
  return {
    maxPoints,
    period,
    orgs,
    members,
    reviewOrgs: period ? orgs.filter((o) => open.has(o.code)) : [],
    pointsMembers: period ? members.filter((m) => m.active && open.has(m.org)) : [],
    // The subtree's problems not yet closed: the branch reports its progress on them in the same rows.
    problems: r.problems.filter((x) => codes.has(x.org) && x.status !== 'closed'),
  };
}

export const templateCommand: CommandSpec = {
  define: (lang) =>
    withOptions(
      new Command('template')
        .description(t(lang, 'h_template'))
        .requiredOption('--out <file>', t(lang, 'h_template_out'))
        .option('--split', t(lang, 'h_template_split'))
        .option('--force', t(lang, 'h_template_force'))
        .option('--period <quarter>', t(lang, 'h_period_template')),
      lang,
      'org',
    ),
  async run(ctx, cmd) {
    const o = cmd.opts<{ out: string; org?: string; period?: string; split?: boolean; force?: boolean }>();
    const period = periodFilter(o.period);
    const rules = loadRulesOrReport(ctx);
    const maxPoints = rules.stars.max_points;
    if (!o.split && !o.out.toLowerCase().endsWith('.xlsx')) throw new UsageError({ id: 'template_ext', params: { file: o.out } });
    if (o.org === undefined && period === null && !o.split) {
      writeWhole(ctx, o.out, await templateXlsx({ maxPoints, period: null, orgs: [], members: [], reviewOrgs: [], pointsMembers: [], problems: [] }));
      ctx.note(ctx.t('template_wrote', { file: o.out }));
      return;
    }
    return withStore(ctx, async ({ db, q }) => {
      if (o.org !== undefined && !q.orgs().some((x) => x.code === o.org)) throw new DataError({ id: 'unknown_org', params: { code: o.org } });
      // The members as they are in the quarter to fill in (else now), one row each.
      const r = { ...exportRecords(db, { org: o.org ?? null, period: null }), members: membersAt(db, period) };
      if (!o.split) {
        writeWhole(ctx, o.out, await templateXlsx(input(r, o.org ?? null, period, maxPoints)));
        ctx.note(ctx.t('template_wrote', { file: o.out }));
        return;
      }
      return split(ctx, o.out, r, { root: o.org ?? null, period, maxPoints, force: o.force === true });
    });
  },
};

/** One workbook per active org of the subtree (`root`), into folder `dir`; `force` replaces workbooks of the same names. */
async function split(
  ctx: Ctx,
  dir: string,
  r: SectionRecords,
  { root, period, maxPoints, force }: { root: string | null; period: string | null; maxPoints: number; force: boolean },
): Promise<void> {
  const abs = resolve(ctx.cwd, dir);
  if (existsSync(abs) && !statSync(abs).isDirectory()) throw new UsageError({ id: 'split_needs_dir', params: { file: dir } });
  mkdirSync(abs, { recursive: true });
  const tree = new OrgTree(r.orgs);
  // Every active org files its own: a branch its reviews, points and reports; a committee its reports, typicals and ledger.
  const units = (root === null ? r.orgs : tree.subtree(root)).filter((o) => o.active);
  // The code and the name: a branch finds its own, an office sees whose is whose.
  const names = distinctFileNames(
    units.map((o) => `${o.code}-${o.name}${period ? `-${period}` : ''}`),
    '.xlsx',
  );
  // A folder holding any of these names (a branch's filled-in workbook) is not written into unless --force; a link planted there, never.
  const there = names.filter((n) => {
    const st = lstatSync(join(abs, n), { throwIfNoEntry: false });
    return st !== undefined && (!force || !st.isFile());
  });
  if (there.length) throw new UsageError({ id: 'split_exists', params: { dir, n: there.length, files: there.slice(0, 3).join('、') } });
  for (const [i, o] of units.entries()) writeWhole(ctx, join(dir, names[i]), await templateXlsx(input(r, o.code, period, maxPoints, o.type === 'committee')));
  const committees = units.filter((o) => o.type === 'committee').length;
  ctx.note(ctx.t('template_split', { n: units.length - committees, committees, dir }));
}
