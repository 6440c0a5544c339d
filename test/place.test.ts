// A record placed at its line and field after reading: the file's lines are
// found as split(/\r?\n/) cuts them, whatever the line breaks (CRLF from
// Windows, a lone CR kept in its line, a last line with or without a break).
import { describe, expect, it } from 'vitest';
import { RecordPlacer } from '../src/read/place.js';

const placer = (text: string) => new RecordPlacer('', () => text);

describe('placing a record of a file already read', () => {
  it('finds each line as split(/\\r?\\n/) does, line breaks of every kind', () => {
    const texts = ['', 'a', 'a\n', 'a\r\nb', 'a\r\n\r\nb\r\n', 'x\ry\nz', '中文\n- id: 1\r\n  name: 张三\r', '\n\n', '\r\n'];
    for (const text of texts) {
      const lines = text.split(/\r?\n/);
      const p = placer(text);
      for (let line = 1; line <= lines.length + 1; line++)
        expect(p.place({ file: 'f.yaml', line }, null).source, JSON.stringify([text, line])).toBe(lines[line - 1] ?? null);
    }
  });

  it('places a field at its value, in the record’s own line or the lines under it, CRLF or not', () => {
    for (const br of ['\n', '\r\n']) {
      const text = ['members:', '  - id: M1', '    name: 张三', '    org: D01', '  - id: M2', '    org: D09  # 旧编号'].join(br);
      const p = placer(text);
      expect(p.place({ file: 'm.yaml', line: 2 }, 'org')).toMatchObject({ line: 4, col: 10, endCol: 13, source: '    org: D01' });
      expect(p.place({ file: 'm.yaml', line: 5 }, 'org')).toMatchObject({ line: 6, col: 10, endCol: 13, source: '    org: D09  # 旧编号' });
      // A field the record does not have: the record's first line.
      expect(p.place({ file: 'm.yaml', line: 5 }, 'role')).toMatchObject({ line: 5, col: 5, source: '  - id: M2' });
    }
  });
});
