// The check step's resubmissions (SPEC §3 Submissions): each submission of
// the batch that a file of other content brought before, as a diagnostic —
// an error for an import that did not say what it means, a warning that says
// what happens for one that did (--replace, --add), and a warning for
// validate, which writes nothing.
import type { DB } from '../store/db.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { wholeFile } from '../core/diagnostic.js';
import { batchSubmissions, resubmissions, twoFiles, type Resubmission } from '../store/submissions.js';
import { orgNames } from '../store/changes.js';
import type { Duplicate } from '../store/batch/stage.js';
import { byText, groupBy } from '../core/collections.js';
import { periodOf } from '../core/dates.js';
import { SECTIONS } from '../core/model.js';

/** What the import says a resubmission is (of each org): the corrected file, a supplement, or nothing (validate: null). */
export type Meaning = 'replace' | 'add' | 'unsaid' | null;

const shownAt = (at: string) => at.slice(0, 16).replace('T', ' ');

/**
 * Two files of one batch that bring one org's records of a section and
 * quarter (or month): one error per pair of files, org and quarter, naming
 * both (SPEC §1 "Two files, one branch"), unless the import says they are
 * supplements (--add); the pairs of files, whose records with one identity
 * need no error of their own. `hashes`: each file read,
 * with its content hash (what each submits is worked out here, for
 * resubmissionFindings too).
 */
export function twoFileFindings(
  db: DB,
  hashes: Map<string, string>,
  meaning: (org: string) => Meaning,
  duplicates: Duplicate[],
): { errors: Diagnostic[]; pairs: Set<string> } {
  batchSubmissions(db, hashes);
  // Said to be supplements (--add, or this org's choice), two files of one branch's quarter both count.
  const groups = groupBy(
    twoFiles(db).filter((x) => meaning(x.org) !== 'add'),
    (x) => `${x.files.join('\u0000')}\u0000${x.org}\u0000${quarterOf(x.span)}`,
  );
  // A record both files hold was staged from the first alone: its section is one they both bring too.
  const byPair = groupBy([...groups.values()], (g) => g[0].files.join('\u0000'));
  for (const d of duplicates)
    for (const g of byPair.get([d.first.file, d.src.file].sort(byText).join('\u0000')) ?? [])
      if (!g.some((x) => x.section === d.section)) g.push({ ...g[0], section: d.section });
  const names = orgNames(db, new Set([...groups.values()].map((g) => g[0].org)));
  const errors = [...groups.values()].map((g): Diagnostic => {
    const { org, span, files } = g[0];
    const what = SECTIONS.filter((x) => g.some((y) => y.section === x));
    return {
      severity: 'error',
      ...wholeFile(files[1]),
      path: null,
      code: 'duplicate_id',
      msg: { id: 'two_files', params: { org, name: names.get(org) ?? '', period: quarterOf(span), a: files[0], b: files[1], sections: what.join('/') } },
      extra: { org, period: quarterOf(span), files, sections: what },
    };
  });
  return { errors, pairs: new Set(byPair.keys()) };
}

/** A span's quarter: a quarter is its own, a month's is the one it lies in. */
const quarterOf = (span: string) => (/^\d{4}-\d\d$/.test(span) ? periodOf(span) : span);

/** `scope`: builds --replace's scope, when there is a resubmission to count (twoFileFindings first). */
export function resubmissionFindings(db: DB, meaning: (org: string) => Meaning, scope: () => void): Diagnostic[] {
  // One that would change nothing (a file saved again as it was) needs no choice.
  const found = resubmissions(db, scope).filter((r) => r.changes.added + r.changes.changed + r.changes.removed > 0);
  const names = orgNames(db, new Set(found.map((r) => r.org)));
  return found.map((r) => diagnostic(r, names.get(r.org) ?? '', meaning(r.org)));
}

function diagnostic(r: Resubmission, name: string, meaning: Meaning): Diagnostic {
  const base = { org: r.org, name, what: r.section, span: r.span, earlier: r.earlier.file };
  const extra = { org: r.org, section: r.section, span: r.span, earlier: r.earlier, changes: r.changes };
  const at = { ...wholeFile(r.file), path: null, code: 'resubmission', extra };
  if (meaning === 'replace') return { ...at, severity: 'warning', msg: { id: 'resubmission_replaced', params: { ...base, ...r.changes } } };
  if (meaning === 'add')
    return { ...at, severity: 'warning', msg: { id: 'resubmission_added', params: { ...base, added: r.changes.added, changed: r.changes.changed } } };
  return {
    ...at,
    severity: meaning === null ? 'warning' : 'error',
    msg: { id: 'resubmission', params: { ...base, n: r.earlier.import, at: shownAt(r.earlier.at), ...r.changes } },
  };
}
