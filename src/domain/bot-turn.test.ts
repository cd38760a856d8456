import { describe, expect, it } from 'vitest';
import type { AnswerModel, EngineDecision } from '../engine/types.js';
import { DEFAULT_HANDOFF_POLICY, FIRST_MESSAGE_STATE, decideBotTurn } from './bot-turn.js';

/** A model whose decision is fixed, so the policy alone is under test. */
function fixedModel(decision: Partial<EngineDecision>): AnswerModel {
  const full: EngineDecision = {
    decision: 'answer',
    reason: 'confident',
    entryId: 'refund-arrival',
    candidates: [],
    top: 'refund-arrival',
    confidence: 0.97,
    ranked: [],
    ...decision,
  };
  return { entryCount: 3, thresholds: { answer: 0.8, clarify: 0.4 }, decide: () => full };
}

const confident = fixedModel({});
const torn = fixedModel({
  decision: 'clarify',
  reason: 'ambiguous',
  entryId: null,
  candidates: ['a', 'b'],
  top: 'a',
  confidence: 0.5,
});
const lost = fixedModel({
  decision: 'handoff',
  reason: 'out-of-scope',
  entryId: null,
  top: 'a',
  confidence: 0.1,
});
const titles: Record<string, string> = { a: '退款多久到账', b: '退货运费谁出' };

describe('decideBotTurn', () => {
  it('answers when the engine is confident', () => {
    expect(
      decideBotTurn(confident, '退款多久到账', FIRST_MESSAGE_STATE, DEFAULT_HANDOFF_POLICY),
    ).toMatchObject({ decision: 'answer', entryId: 'refund-arrival' });
  });

  it('puts an explicit request for a person before any KB answer', () => {
    const turn = decideBotTurn(
      confident,
      '退款多久到账？算了转人工',
      FIRST_MESSAGE_STATE,
      DEFAULT_HANDOFF_POLICY,
    );
    expect(turn).toMatchObject({ decision: 'handoff', handoffReason: 'customer-request', entryId: null });
    expect(turn.engine.top).toBe('refund-arrival');
  });

  it('hands off legal threats, complaints and strong anger even when the KB matches', () => {
    expect(
      decideBotTurn(confident, '再不退款我就去12315投诉', FIRST_MESSAGE_STATE, DEFAULT_HANDOFF_POLICY)
        .handoffReason,
    ).toBe('legal-threat');
    expect(
      decideBotTurn(confident, '我要投诉你们', FIRST_MESSAGE_STATE, DEFAULT_HANDOFF_POLICY).handoffReason,
    ).toBe('complaint');
    expect(
      decideBotTurn(confident, '垃圾客服，气死了，退款呢', FIRST_MESSAGE_STATE, DEFAULT_HANDOFF_POLICY)
        .handoffReason,
    ).toBe('anger');
    expect(
      decideBotTurn(confident, '烦死了退款怎么还没到', FIRST_MESSAGE_STATE, DEFAULT_HANDOFF_POLICY).decision,
    ).toBe('answer');
  });

  it('respects a policy that turns a trigger off', () => {
    const policy = { ...DEFAULT_HANDOFF_POLICY, explicitRequest: false };
    expect(decideBotTurn(confident, '转人工', FIRST_MESSAGE_STATE, policy).decision).toBe('answer');
  });

  it('clarifies once, then hands off on the second miss in a row', () => {
    const first = decideBotTurn(torn, '退款', FIRST_MESSAGE_STATE, DEFAULT_HANDOFF_POLICY);
    expect(first).toMatchObject({ decision: 'clarify', candidates: ['a', 'b'] });
    const second = decideBotTurn(
      torn,
      '退款的事',
      { botMisses: 1, pendingClarify: null, care: false },
      DEFAULT_HANDOFF_POLICY,
    );
    expect(second).toMatchObject({ decision: 'handoff', handoffReason: 'repeated-misses' });
  });

  it('resolves a pick after a clarification by title or number, and hands off on "none of these"', () => {
    const state = { botMisses: 1, pendingClarify: ['a', 'b'], care: false };
    const titleOf = (id: string) => titles[id];
    expect(decideBotTurn(lost, '退货运费谁出', state, DEFAULT_HANDOFF_POLICY, titleOf)).toMatchObject({
      decision: 'answer',
      entryId: 'b',
    });
    expect(decideBotTurn(lost, '1', state, DEFAULT_HANDOFF_POLICY, titleOf)).toMatchObject({
      decision: 'answer',
      entryId: 'a',
    });
    expect(decideBotTurn(lost, '都不是', state, DEFAULT_HANDOFF_POLICY, titleOf)).toMatchObject({
      decision: 'handoff',
      handoffReason: 'clarify-rejected',
    });
  });

  it('hands off out-of-scope questions honestly instead of guessing', () => {
    expect(decideBotTurn(lost, '今天天气怎么样', FIRST_MESSAGE_STATE, DEFAULT_HANDOFF_POLICY)).toMatchObject({
      decision: 'handoff',
      handoffReason: 'out-of-scope',
    });
  });

  it('sends care-mode customers straight to a person when the business turns that on', () => {
    const policy = { ...DEFAULT_HANDOFF_POLICY, careStraightToHuman: true };
    expect(
      decideBotTurn(confident, '退款多久到账', { ...FIRST_MESSAGE_STATE, care: true }, policy).handoffReason,
    ).toBe('care-mode');
  });
});

describe('sensitive topics', () => {
  it('hands off safety risks always, and fraud unless the KB answers it confidently', () => {
    expect(
      decideBotTurn(confident, '充电宝充电时冒烟起火了', FIRST_MESSAGE_STATE, DEFAULT_HANDOFF_POLICY)
        .handoffReason,
    ).toBe('sensitive');
    expect(
      decideBotTurn(torn, '我被冒充客服的人诈骗了', FIRST_MESSAGE_STATE, DEFAULT_HANDOFF_POLICY),
    ).toMatchObject({ decision: 'handoff', handoffReason: 'sensitive' });
    expect(
      decideBotTurn(
        confident,
        'how do i report fraud on my card',
        FIRST_MESSAGE_STATE,
        DEFAULT_HANDOFF_POLICY,
      ).decision,
    ).toBe('answer');
  });
});
