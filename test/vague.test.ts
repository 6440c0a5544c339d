import { describe, expect, it } from 'vitest';
import { vagueReasons, stockShare } from '../src/core/pledge-quality.js';
import { defaultRules } from '../src/core/rules.js';

const rules = defaultRules().pledges;
const ids = (s: string) => vagueReasons(s, rules).map((r) => r.id);

describe('vague pledges (承诺空乏)', () => {
  it('accepts a concrete pledge with numbers', () => {
    expect(ids('年内为辖区20户困难群众办理低保，每季度走访一次')).toEqual([]);
  });
  it('counts Chinese numerals before a measure word, not the 一 of 进一步 or 统一', () => {
    expect(ids('每月为孤寡老人上门服务两次，解决实际困难')).toEqual([]);
    expect(ids('进一步统一思想认识，提高服务群众的水平')).toEqual(['vague_no_number']);
  });
  it('flags short content', () => {
    expect(ids('办好3件实事')).toEqual(['vague_short']);
  });
  it('flags content that is more than half stock phrases', () => {
    expect(stockShare('切实努力积极认真', rules.stock_phrases).share).toBe(1);
    expect(ids('切实努力积极认真扎实不断全面大力做好工作')).toEqual(['vague_no_number', 'vague_stock']);
  });
  it('accepts exactly 12 characters and exactly half stock phrases', () => {
    // 12 characters, 6 of them stock phrases (积极 努力 认真): half is not more than half
    expect(ids('积极努力认真走访5户群众')).toEqual([]);
  });
});
