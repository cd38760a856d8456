import { describe, expect, it } from 'vitest';
import { kbFromCsv, parseCsv } from './kb-csv.js';

describe('CSV knowledge-base import', () => {
  it('parses quotes, doubled quotes, embedded commas and newlines, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,"b,c","say ""hi""\nthere"\r\nd,e,f\r\n')).toEqual([
      ['a', 'b,c', 'say "hi"\nthere'],
      ['d', 'e', 'f'],
    ]);
    expect(() => parseCsv('a,"unterminated')).toThrow(/quoted/);
  });

  it('groups rows by id into entries with several questions', () => {
    const { kb, errors } = kbFromCsv(
      'id,question,answer,category\nrefund,退款多久到账,1-3个工作日,售后\nrefund,钱什么时候退回,1-3个工作日,售后\ninvoice,怎么开发票,在订单页申请,发票\n',
      'shop',
    );
    expect(errors).toEqual([]);
    expect(kb.entries).toEqual([
      {
        id: 'refund',
        title: '退款多久到账',
        category: '售后',
        questions: ['退款多久到账', '钱什么时候退回'],
        answer: '1-3个工作日',
      },
      {
        id: 'invoice',
        title: '怎么开发票',
        category: '发票',
        questions: ['怎么开发票'],
        answer: '在订单页申请',
      },
    ]);
  });

  it('groups rows without ids by identical answer', () => {
    const { kb } = kbFromCsv(
      'question,answer,category\n退款多久到账,1-3天,售后\n钱什么时候退回,1-3天,售后\n',
      'shop',
    );
    expect(kb.entries).toHaveLength(1);
    expect(kb.entries[0].questions).toEqual(['退款多久到账', '钱什么时候退回']);
  });

  it('reports every bad row with its number', () => {
    const { errors } = kbFromCsv(
      'id,question,answer,category\na,q,,x\nb,q\nc,q1,ans1,x\nc,q2,ans2,x\n',
      'shop',
    );
    expect(errors.map((e) => e.row)).toEqual([2, 3, 5]);
    expect(kbFromCsv('foo,bar\n', 'x').errors[0].message).toMatch(/header/);
  });
});
