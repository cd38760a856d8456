import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('writes a BOM, quotes what needs quoting, leaves nulls empty and defuses formulas', () => {
    const csv = toCsv(
      ['a', 'b', 'c'],
      [
        { a: '退款, "快"', b: 1.5, c: null },
        { a: '=HYPERLINK("x")', b: -1, c: true },
      ],
    );
    expect(csv).toBe('\uFEFFa,b,c\r\n"退款, ""快""",1.5,\r\n"\'=HYPERLINK(""x"")",-1,true\r\n');
  });
});
