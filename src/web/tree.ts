// 组织: the org tree as one table, each org under its parent (indented by its
// depth), with its type, category and active members now: a code links to
// the org's page.
import type { DB } from '../store/db.js';
import type { Query } from '../store/query.js';
import { OPEN } from '../store/member-runs.js';
import { OrgTree } from '../core/tree.js';
import type { Org } from '../core/model.js';
import { num, text, type CellValue, type Doc } from '../render/doc.js';
import type { View } from '../render/formats/index.js';
import { t, word, type Lang } from '../render/i18n/index.js';

interface TreeRow {
  org: Org;
  depth: number;
  members: number;
}

/** Every org, depth first from the roots, children by code. */
function treeRows(q: Query, db: DB): TreeRow[] {
  const orgs = q.orgs();
  const tree = new OrgTree(orgs);
  const counts = new Map(
    (db.prepare(`SELECT org, COUNT(*) AS n FROM members WHERE until = '${OPEN}' AND active GROUP BY +org`).all() as { org: string; n: number }[]).map((r) => [
      r.org,
      r.n,
    ]),
  );
  const out: TreeRow[] = [];
  const seen = new Set<string>();
  const walk = (o: Org, depth: number) => {
    if (seen.has(o.code)) return;
    seen.add(o.code);
    out.push({ org: o, depth, members: counts.get(o.code) ?? 0 });
    for (const k of [...tree.children(o.code)].sort((a, b) => (a.code < b.code ? -1 : 1))) walk(k, depth + 1);
  };
  for (const r of tree.roots().sort((a, b) => (a.code < b.code ? -1 : 1))) walk(r, 0);
  // An org whose parent is not stored (or a cycle) still shows, at the top.
  for (const o of orgs) walk(o, 0);
  return out;
}

function treeDoc(rows: TreeRow[], lang: Lang): Doc {
  const headers = ['web_tree_h_code', 'web_tree_h_name', 'web_tree_h_type', 'web_tree_h_category', 'web_tree_h_members'] as const;
  const cells = rows.map((r): CellValue[] => [
    text(r.org.code),
    text(`${'\u3000'.repeat(r.depth)}${r.org.name}`, r.org.active ? undefined : 'muted'),
    text(word(lang, `type_${r.org.type}`)),
    text(word(lang, `cat_${r.org.category}`)),
    num(r.members),
  ]);
  return {
    lang,
    title: t(lang, 'web_orgs'),
    sections: [
      {
        id: 'orgs',
        title: t(lang, 'web_tree_title', { n: rows.length }),
        parts: [{ kind: 'table', table: { headers: headers.map((h) => t(lang, h)), rows: cells, align: ['left', 'left', 'left', 'left', 'right'] } }],
      },
    ],
  };
}

export function orgTreeView(q: Query, db: DB, lang: Lang): View {
  const rows = treeRows(q, db);
  return {
    data: () => ({ orgs: rows.map((r) => ({ code: r.org.code, name: r.org.name, parent: r.org.parent, depth: r.depth, active_members: r.members })) }),
    doc: () => treeDoc(rows, lang),
  };
}
