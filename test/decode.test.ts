import { describe, expect, it } from 'vitest';
import { decode } from '../src/read/decode.js';

describe('decode', () => {
  it('reads UTF-8 and strips a BOM', () => {
    const r = decode(Buffer.from('\ufefforgs: []\n', 'utf8'));
    expect(r).toEqual({ ok: true, text: 'orgs: []\n', encoding: 'utf-8' });
  });
  it('falls back to GB18030 for files saved on Chinese Windows', () => {
    const gbk = Buffer.from([0xba, 0xec, 0xcd, 0xe5, 0xc9, 0xe7, 0xc7, 0xf8]); // 红湾社区 in GBK
    expect(decode(gbk)).toEqual({ ok: true, text: '红湾社区', encoding: 'gb18030' });
  });
  it('refuses UTF-16, binary and undecodable bytes', () => {
    expect(decode(Buffer.from([0xff, 0xfe, 0x61, 0x00]))).toEqual({ ok: false, reason: 'utf16' });
    expect(decode(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toEqual({ ok: false, reason: 'binary' });
    expect(decode(Buffer.from([0x61, 0xff, 0x62]))).toEqual({ ok: false, reason: 'undecodable' });
  });
});
