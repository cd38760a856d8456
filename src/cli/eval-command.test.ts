import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEval, summarize, type Prediction } from './eval-command.js';

const dir = mkdtempSync(path.join(tmpdir(), 'zhida-eval-'));
const file = (name: string, content: string): string => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};
const entry = (id: string, questions: string[]) => ({
  id,
  title: questions[0],
  questions,
  answer: `answer ${id}`,
});
const KB = {
  name: 'eval test',
  locale: 'zh-CN',
  entries: [
    entry('refund', ['退款多久能到账', '钱什么时候退回来', '退款一直没到', '退款到账要几天']),
    entry('cancel', ['订单怎么取消', '不想要了能取消吗', '刚下的单我想撤回', '取消订单的按钮在哪']),
    entry('invoice', ['怎么开发票', '能开增值税发票吗', '发票在哪里申请', '电子发票怎么下载']),
    entry('password', ['忘记密码怎么办', '密码找回', '登录密码想重置', '账号密码不记得了']),
  ],
};

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (s: string) => (out.stdout += s), stderr: (s: string) => (out.stderr += s) } };
}

describe('runEval', () => {
  it('writes one prediction per case, in order, and prints the summary', async () => {
    const kb = file('kb.json', JSON.stringify(KB));
    const lines = [
      { text: '退款多久能到账', label: 'refund' },
      { text: '我要找人工客服', label: null },
      { text: '忘记密码怎么办', label: 'password' },
    ];
    const cases = file('cases.jsonl', lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const out = path.join(dir, 'pred.jsonl');
    const { out: printed, io } = capture();
    expect(await runEval(['--kb', kb, '--cases', cases, '--out', out], io)).toBe(0);
    const preds = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Prediction);
    expect(preds.map((p) => p.text)).toEqual(lines.map((l) => l.text));
    expect(preds[0]).toMatchObject({
      label: 'refund',
      decision: 'answer',
      entryId: 'refund',
      top: 'refund',
      candidates: [],
    });
    // The handoff policy applies: asking for a person is never answered from the KB.
    expect(preds[1]).toMatchObject({ label: null, decision: 'handoff', entryId: null });
    expect(Object.keys(preds[2]).sort()).toEqual([
      'candidates',
      'confidence',
      'decision',
      'entryId',
      'label',
      'text',
      'top',
    ]);
    expect(printed.stdout).toMatch(/in-scope accuracy\s+100\.00%/);
    expect(printed.stdout).toMatch(/out-of-scope recall\s+100\.00%/);
    expect(printed.stdout).toMatch(/p99/);
  });

  it('names the file and line of a malformed case', async () => {
    const kb = file('kb2.json', JSON.stringify(KB));
    const cases = file('bad.jsonl', '{"text": "退款", "label": "refund"}\n{"text": oops}\n');
    const { out, io } = capture();
    expect(await runEval(['--kb', kb, '--cases', cases, '--out', path.join(dir, 'x.jsonl')], io)).toBe(1);
    expect(out.stderr).toContain(`${cases}:2: malformed JSON line`);
  });

  it('refuses a KB with bad entries, listing each one', async () => {
    const bad = {
      ...KB,
      entries: [
        ...KB.entries,
        { id: 'x', title: 'x', questions: [], answer: 'a' },
        { title: 't', questions: ['q'] },
      ],
    };
    const kb = file('bad-kb.json', JSON.stringify(bad));
    const cases = file('c.jsonl', '{"text": "退款", "label": null}\n');
    const { out, io } = capture();
    expect(await runEval(['--kb', kb, '--cases', cases, '--out', path.join(dir, 'y.jsonl')], io)).toBe(1);
    expect(out.stderr).toContain('knowledge base refused, 3 error(s)');
    expect(out.stderr).toContain('entry 4 (x): questions');
    expect(out.stderr).toContain('entry 5: id');
    expect(out.stderr).toContain('entry 5: answer');
  });

  it('reports missing files and arguments with a non-zero exit', async () => {
    const { out, io } = capture();
    expect(await runEval(['--kb', path.join(dir, 'nope.json'), '--cases', 'c', '--out', 'o'], io)).toBe(1);
    expect(out.stderr).toContain('nope.json');
    expect(await runEval(['--kb', 'a'], io)).toBe(2);
    expect(out.stderr).toContain('missing --cases');
  });
});

describe('summarize', () => {
  it('computes the metrics of the eval contract', () => {
    const p = (
      label: string | null,
      decision: Prediction['decision'],
      entryId: string | null,
      top: string,
      candidates: string[] = [],
    ): Prediction => ({
      text: 't',
      label,
      decision,
      entryId,
      candidates,
      top,
      confidence: 0.5,
    });
    const s = summarize(
      [
        p('a', 'answer', 'a', 'a'),
        p('a', 'answer', 'b', 'b'),
        p('b', 'clarify', null, 'a', ['a', 'b']),
        p(null, 'handoff', null, 'a'),
        p(null, 'answer', 'a', 'a'),
      ],
      1.5,
      [1, 2, 3, 4, 100],
    );
    expect(s).toMatchObject({
      cases: 5,
      inScopeCases: 3,
      outOfScopeCases: 2,
      trainingSeconds: 1.5,
      latencyP50Ms: 3,
      latencyP99Ms: 100,
    });
    expect(s.inScopeAccuracy).toBeCloseTo(1 / 3);
    expect(s.outOfScopeRecall).toBeCloseTo(0.5);
    expect(s.wrongAnswerRate).toBeCloseTo(2 / 5);
    expect(s.clarifyRate).toBeCloseTo(1 / 5);
    expect(s.clarifyHit).toBeCloseTo(1 / 3);
    expect(s.top1Accuracy).toBeCloseTo(1 / 3);
  });
});
