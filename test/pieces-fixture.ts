// A small county kept as one file per section, for the tests of files read in
// pieces: members' items at column 0 after a byte-order mark (as Notepad saves
// a file), orgs' and pledges' at two spaces, the points' lines ending in CRLF,
// a vague pledge near its file's end.
export const BRANCHES = 12;
export const PER_BRANCH = 8;

const code = (b: number) => `D${String(b).padStart(3, '0')}`;
export const member = (b: number, i: number) => `M${String(b * PER_BRANCH + i).padStart(5, '0')}`;

/** A county's files kept as one file per section, the large lists' items at two spaces (orgs) or none (members). */
export function county(): Record<string, string> {
  const orgs = ['# 虚构数据\norgs:\n  - code: W\n    name: 虚构县委\n    type: committee\n    category: agency\n'];
  const members = ['members:\n'];
  const pledges = ['pledges:\n'];
  for (let b = 0; b < BRANCHES; b++) {
    orgs.push(`  - code: ${code(b)}\n    name: 第${b + 1}党支部\n    type: branch\n    parent: W\n    category: rural\n`);
    for (let i = 0; i < PER_BRANCH; i++)
      members.push(`- id: ${member(b, i)}\n  name: 党员${b}号${i}\n  org: ${code(b)}\n  role: ${i ? 'member' : 'secretary'}\n`);
    pledges.push(
      `  - id: P-${code(b)}\n    owner: ${code(b)}\n    kind: annual\n    standard: team\n    content: ${b === BRANCHES - 2 ? '进一步统一思想认识，提高服务群众的水平' : `年内为辖区${b + 2}户困难群众办理低保`}\n    made: "2011-01-10"\n    due: "2011-12-31"\n    status: in_progress\n`,
    );
  }
  return { 'orgs.yaml': orgs.join(''), 'members.yaml': `\uFEFF# 党员\n${members.join('')}`, 'pledges.yaml': `${pledges.join('')}# 完\n` };
}

/** A quarter's points, each member's study score `study(b, i)`. */
export function points(period: string, study: (b: number, i: number) => number | string): string {
  const out = [`period: ${period}\r\npoints:\r\n`];
  for (let b = 0; b < BRANCHES; b++)
    for (let i = 0; i < PER_BRANCH; i++)
      out.push(
        `  - member: ${member(b, i)}\r\n    study: ${study(b, i)}\r\n    excel: 18\r\n    service: 19\r\n    discipline: 17\r\n    integrity: 17\r\n${i % 3 ? '' : '    masses: {satisfied: 22, basic: 1, unsatisfied: 1}\r\n'}`,
      );
  return out.join('');
}

/** The county's orgs, members and pledges as one file of three lists, as an office keeps its roster: the members' byte-order mark dropped. */
export function combined(files: Record<string, string>): string {
  return files['orgs.yaml'] + files['members.yaml'].replace('\uFEFF', '') + files['pledges.yaml'];
}
