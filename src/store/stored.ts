// The stored side of the import checks, answered by indexed queries so that a
// large database is never loaded whole.
import type { DB } from './db.js';
import type { Stored } from '../load/checks.js';
import type { Member, Org, Source } from '../model.js';

export function storedLookup(db: DB): Stored {
  const org = db.prepare('SELECT code, type, parent, src_file, src_line FROM orgs WHERE code = ?');
  const member = db.prepare('SELECT id, org, src_file, src_line FROM members WHERE id = ?');
  const children = db.prepare('SELECT code FROM orgs WHERE parent = ?').pluck();
  const membersOf = db.prepare('SELECT id FROM members WHERE org = ?').pluck();
  const noPoints = db.prepare(
    `SELECT id, name, src_file, src_line FROM members m
     WHERE active = 1 AND NOT EXISTS (SELECT 1 FROM points p WHERE p.member = m.id AND p.period = ?)
     ORDER BY id`,
  );
  const titled = db.prepare('SELECT key, src_file, src_line FROM reports WHERE org = ? AND month = ? AND title = ?');
  const src = (r: Record<string, unknown>): Source => ({ file: r.src_file as string, line: r.src_line as number });
  type R = Record<string, unknown>;
  return {
    org(code) {
      const r = org.get(code) as R | undefined;
      return r && { code: r.code as string, type: r.type as Org['type'], parent: r.parent as string | null, src: src(r) };
    },
    member(id) {
      const r = member.get(id) as R | undefined;
      return r && { id: r.id as string, org: r.org as string, src: src(r) };
    },
    childOrg: (code, except) => (children.all(code) as string[]).find((c) => !except.has(c)),
    memberOf: (code, except) => (membersOf.all(code) as string[]).find((c) => !except.has(c)),
    membersWithoutPoints: (period) =>
      (noPoints.all(period) as R[]).map((r) => ({ id: r.id as string, name: r.name as string, src: src(r) }) as Pick<Member, 'id' | 'name' | 'src'>),
    reportsTitled: (o, month, title) => (titled.all(o, month, title) as R[]).map((r) => ({ key: r.key as string, src: src(r) })),
  };
}
