import { describe, expect, it } from 'vitest';
import { detectRephrase, featureSimilarity, REPHRASE_WINDOW_MS } from './rephrase.js';

const base = {
  question: '退款多久能到账',
  answeredEntryId: 'refund-arrival',
  answeredAt: 1_000_000,
  followUp: '我是问退款要多久才能到账',
  followUpAt: 1_010_000,
  followUpTop: 'refund-progress',
  followUpEngineReason: 'ambiguous',
};

describe('rephrase rule', () => {
  it('measures token similarity on the engine features', () => {
    expect(featureSimilarity('退款多久能到账', '退款多久能到账')).toBeCloseTo(1, 6);
    expect(featureSimilarity('退款多久能到账', '好的谢谢')).toBe(0);
    expect(featureSimilarity('How long does a refund take?', 'how long for my refund')).toBeGreaterThan(0.3);
    expect(featureSimilarity('', 'x')).toBe(0);
  });

  it('catches the same question again soon after the answer', () => {
    expect(detectRephrase(base)).toMatchObject({ sameTop: false });
    expect(detectRephrase(base)?.similarity).toBeGreaterThanOrEqual(0.3);
  });

  it('catches a differently worded follow-up the engine maps to the same entry', () => {
    const c = { ...base, followUp: '钱呢', followUpTop: 'refund-arrival', followUpEngineReason: 'confident' };
    expect(detectRephrase(c)).toMatchObject({ sameTop: true });
    // …but not when the engine thought the follow-up out of scope: its top is then meaningless.
    expect(detectRephrase({ ...c, followUpEngineReason: 'out-of-scope' })).toBeNull();
  });

  it('ignores a new question, a thank-you, and anything outside the window', () => {
    expect(
      detectRephrase({ ...base, followUp: '能开专票吗', followUpTop: 'invoice-vat-special' }),
    ).toBeNull();
    expect(detectRephrase({ ...base, followUp: '好的谢谢' })).toBeNull();
    expect(detectRephrase({ ...base, followUpAt: base.answeredAt + REPHRASE_WINDOW_MS + 1 })).toBeNull();
    expect(detectRephrase({ ...base, followUpAt: base.answeredAt - 1 })).toBeNull();
  });
});
