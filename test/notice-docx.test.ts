// The Word notice's layout as GB/T 9704-2012 and SPEC §3 state it, read back
// from the XML of a notice written for the examples: page and margins, sizes
// and fonts, what is kept with what, the page numbers, the 版记. How it then
// prints (positions on the page) is e2e/notice-pdf.test.ts's.
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import unzipper from 'unzipper';
import { EXAMPLES, cxzy, tmp } from './helpers.js';

const OFFICE = `office:
  name: 中共示范县委创先争优活动领导小组办公室
  area: 示范县
  number_prefix: 县创争办
  addressee: 各乡镇党委，县直各单位党组织
  cc: [市委创先争优活动领导小组办公室, 县委组织部]
  printer: 示范县委创先争优活动领导小组办公室
  requirements: |
    各党组织要在7月10日前补报本月未达标的信息。
    逾期承诺一律在季度末前兑现。
`;
const twips = (mm: number) => (mm * 1440) / 25.4;
/** Within ±1 mm. */
const nearMm = (value: number, mm: number) => Math.abs(value - twips(mm)) <= twips(1);

let parts: Record<string, string>;
/** The paragraphs of document.xml, each with its text (runs joined, tabs as \t). */
let paras: { xml: string; text: string }[];
const para = (text: string) => {
  const p = paras.find((x) => x.text === text);
  expect(p, text).toBeDefined();
  return p!.xml;
};
const attr = (xml: string, tag: string, name: string) => xml.match(new RegExp(`<w:${tag}\\b[^>]*\\bw:${name}="([^"]*)"`))?.[1];

beforeAll(async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'cxzy.rules.yaml'), OFFICE);
  expect((await cxzy(['import', EXAMPLES, '-q'], { cwd: dir })).code).toBe(0);
  const file = join(dir, 'n.docx');
  const r = await cxzy(['report', '--number', '6', '--date', '2011-07-05', '--out', file], { cwd: dir });
  expect([r.code, r.stderr]).toEqual([0, `通报已写入 ${file}\n`]);
  const zip = await unzipper.Open.file(file);
  parts = Object.fromEntries(await Promise.all(zip.files.map(async (f) => [f.path, (await f.buffer()).toString('utf8')])));
  paras = parts['word/document.xml'].split('</w:p>').map((xml) => ({
    xml,
    text: [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => m[1] ?? '\t').join(''),
  }));
});

describe('the Word notice to GB/T 9704-2012', () => {
  it('is A4 with the standard margins (top 37, bottom 35, left 28, right 26 mm) and a 28-pt line grid', () => {
    const first = parts['word/document.xml'].match(/<w:sectPr\b.*?<\/w:sectPr>/)![0];
    expect([attr(first, 'pgSz', 'w'), attr(first, 'pgSz', 'h')]).toEqual(['11906', '16838']);
    for (const [side, mm] of [
      ['top', 37],
      ['bottom', 35],
      ['left', 28],
      ['right', 26],
    ] as const)
      expect(nearMm(Number(attr(first, 'pgMar', side)), mm), side).toBe(true);
    expect(attr(first, 'docGrid', 'linePitch')).toBe('560');
  });

  it('sets the body in 三号仿宋 on a fixed 28-pt line, indented two characters', () => {
    const p = para(
      '示范县现有党组织25个（党委6个、党支部19个），党员171名。2011年6月，各党组织共报送信息96条；本季度截至本月培树典型5个；在诺（尚未兑现）承诺58项。2011年第二季度完成测评的党组织23个，党员积分记录170条。各组织本月均报送了信息，2011年第二季度无测评记录的党支部1个（名单见附件3）。',
    );
    expect(attr(p, 'sz', 'val')).toBe('32');
    expect(attr(p, 'rFonts', 'eastAsia')).toBe('仿宋');
    expect([attr(p, 'spacing', 'line'), attr(p, 'spacing', 'lineRule')]).toEqual(['560', 'exact']);
    expect(attr(p, 'ind', 'firstLine')).toBe('640');
  });

  it('heads it with the issuer in red over the number and the red rule, the title in 二号小标宋, and 主送 from the settings', () => {
    const issuer = para('中共示范县委创先争优活动领导小组办公室');
    expect(attr(issuer, 'color', 'val')).toBe('C00000');
    expect(attr(issuer, 'rFonts', 'eastAsia')).toBe('方正小标宋简体');
    const number = para('县创争办〔2011〕6号');
    expect([attr(number, 'bottom', 'color'), attr(number, 'jc', 'val')]).toEqual(['C00000', 'center']);
    const title = para('关于2011年6月创先争优活动开展情况的通报');
    expect([attr(title, 'sz', 'val'), attr(title, 'rFonts', 'eastAsia'), attr(title, 'jc', 'val')]).toEqual(['44', '方正小标宋简体', 'center']);
    const to = para('各乡镇党委，县直各单位党组织：');
    expect(attr(to, 'ind', 'firstLine')).toBeUndefined();
    // Fonts a Windows PC has, in order: 方正小标宋简体, else 华文中宋, else 宋体 (a GB2312 serif).
    const fonts = parts['word/fontTable.xml'];
    expect(fonts).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋"\/>.*?<w:charset w:val="86"\/><w:family w:val="roman"\/>/);
    expect(fonts).toMatch(/<w:font w:name="华文中宋"><w:altName w:val="宋体"\/>/);
  });

  it('keeps headings (黑体) with the next paragraph, and the last lines, the 附件 list, signature and date together', () => {
    for (const h of ['一、总体情况', '二、信息报送', '六、工作要求']) {
      const p = para(h);
      expect(attr(p, 'rFonts', 'eastAsia'), h).toBe('黑体');
      expect(p, h).toContain('<w:keepNext/>');
    }
    // 工作要求 is the office's own text, a paragraph a line, the last one kept with what follows.
    expect(para('各党组织要在7月10日前补报本月未达标的信息。')).not.toContain('<w:keepNext/>');
    expect(para('逾期承诺一律在季度末前兑现。')).toContain('<w:keepNext/>');
    expect(paras.some((p) => p.text.includes('按时报送下月材料'))).toBe(false);
    const list = ['附件：1.\t信息报送完成情况', '2.\t公开承诺情况', '3.\t分类定级情况', '4.\t积分评星情况'].map(para);
    for (const p of list) expect(p).toContain('<w:keepNext/>');
    // 附件 two characters in; each number under the first; a long name wraps under its first character.
    const starts = list.map((p) => Number(attr(p, 'ind', 'left')) - Number(attr(p, 'ind', 'hanging')));
    expect(starts).toEqual([640, 1600, 1600, 1600]);
    expect(new Set(list.map((p) => attr(p, 'ind', 'left'))).size).toBe(1);
    const signature = paras.filter((p) => p.text === '中共示范县委创先争优活动领导小组办公室').at(-1)!.xml;
    expect([attr(signature, 'jc', 'val'), attr(signature, 'ind', 'right')]).toEqual(['right', '640']);
    expect(signature).toContain('<w:keepNext/>');
    // The date starts two characters right of the signature's first character.
    const date = para('2011年7月5日');
    expect(Number(attr(date, 'ind', 'left'))).toBe(8845 - 640 - 19 * 320 + 640);
  });

  it('numbers pages — N — in 四号宋体, odd pages right and even pages left, through the attachments', () => {
    expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    const sections = parts['word/document.xml'].match(/<w:sectPr\b.*?<\/w:sectPr>/g)!;
    expect(sections).toHaveLength(5);
    const footer = (id: string) => parts[`word/${parts['word/_rels/document.xml.rels'].match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))![1]}`];
    for (const s of sections) {
      expect(s).not.toMatch(/w:pgNumType[^>]*w:start/);
      const odd = footer(s.match(/<w:footerReference w:type="default" r:id="(\w+)"/)![1]);
      const even = footer(s.match(/<w:footerReference w:type="even" r:id="(\w+)"/)![1]);
      expect([attr(odd, 'jc', 'val'), attr(odd, 'ind', 'right')]).toEqual(['right', '280']);
      expect([attr(even, 'jc', 'val'), attr(even, 'ind', 'left')]).toEqual(['left', '280']);
      for (const f of [odd, even]) {
        expect(f).toMatch(/— <\/w:t>.*PAGE.*<w:t xml:space="preserve"> —/);
        expect([attr(f, 'sz', 'val'), attr(f, 'rFonts', 'eastAsia')]).toEqual(['28', '宋体']);
      }
    }
  });

  it('ends with the 版记 at the foot of the last page: 抄送, then 印发机关 and 印发日期 between rules', () => {
    const xml = parts['word/document.xml'];
    const last = xml.slice(xml.lastIndexOf('<w:tbl>'));
    expect([attr(last, 'tblpPr', 'vertAnchor'), attr(last, 'tblpPr', 'tblpY')]).toEqual([
      'margin',
      String(Math.round(16838 - twips(37)) - Math.round(twips(35)) - 2 * 560),
    ]);
    expect(last).toContain('抄送：</w:t>');
    expect(last).toContain('市委创先争优活动领导小组办公室，县委组织部。');
    expect(last).toContain('示范县委创先争优活动领导小组办公室</w:t>');
    expect(last).toContain('2011年7月5日印发');
    expect([attr(last, 'top', 'sz'), attr(last, 'insideH', 'sz'), attr(last, 'bottom', 'sz')]).toEqual(['8', '4', '8']);
    expect(attr(last, 'sz', 'val')).toBe('28');
  });
});
