import { describe, expect, it } from 'vitest';
import { answerUrls, answerUrlErrors, richAnswerErrors } from './rich-answer.js';

describe('rich answers (Markdown-lite)', () => {
  it('finds link, image and autolink URLs', () => {
    const answer =
      '见[说明](https://a.example/x?y=1 "标题")和![图](http://b.example/p.png)，或 <https://c.example>。纯文本 http://d.example 不算链接语法。';
    expect(answerUrls(answer)).toEqual([
      'https://a.example/x?y=1',
      'http://b.example/p.png',
      'https://c.example',
    ]);
    expect(richAnswerErrors(answer)).toEqual([]);
  });

  it('refuses anything but absolute http(s) URLs, one error per bad URL', () => {
    const answer =
      '[a](javascript:alert(1)) ![b](data:image/png;base64,AA) [c](/relative) <mailto:x@y.z> [ok](https://ok.example)';
    const errors = richAnswerErrors(answer);
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/javascript/);
    expect(errors[2]).toMatch(/not an absolute URL/);
    expect(answerUrlErrors([{ id: 'x', title: 't', questions: ['q'], answer: '[a](ftp://f)' }])).toEqual([
      { index: 0, id: 'x', field: 'answer', message: expect.stringMatching(/ftp/) },
    ]);
  });
});
