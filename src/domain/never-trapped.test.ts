// "Never trapped" as a property: whatever happened before, one request for a person reaches the queue
// (or a person already has the chat) in one step.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerModel, EngineDecision } from '../engine/types.js';
import { DEFAULT_HANDOFF_POLICY, decideBotTurn } from './bot-turn.js';
import { transition, type ConversationEvent, type StatusState } from './conversation-status.js';

const anyEvent: fc.Arbitrary<ConversationEvent> = fc.oneof(
  fc.constant({ type: 'handoff' } as const),
  fc.constantFrom('a1', 'a2').map((agentId) => ({ type: 'assign', agentId }) as const),
  fc.constant({ type: 'requeue' } as const),
  fc.constant({ type: 'resolve' } as const),
  fc.constant({ type: 'close' } as const),
  fc.constant({ type: 'reopen' } as const),
);

/** Replays events, ignoring refused ones (as the services do: a refused event changes nothing). */
function replay(events: ConversationEvent[]): StatusState {
  let state: StatusState = { status: 'bot', assignedAgentId: null };
  for (const event of events) {
    const result = transition(state, event);
    if (result.ok) state = result.state;
  }
  return state;
}

/** The services reopen a closed conversation before handing it off; this is that one step. */
function askForPerson(state: StatusState): StatusState {
  const opened =
    state.status === 'closed' ? transition(state, { type: 'reopen' }) : { ok: true as const, state };
  if (!opened.ok) throw new Error('reopen refused');
  const result = transition(opened.state, { type: 'handoff' });
  if (!result.ok) throw new Error(`handoff refused from ${state.status}`);
  return result.state;
}

const engineSays = (decision: EngineDecision['decision']): AnswerModel => ({
  entryCount: 2,
  thresholds: { answer: 0.8, clarify: 0.3 },
  decide: () => ({
    decision,
    reason: decision === 'answer' ? 'confident' : 'ambiguous',
    entryId: decision === 'answer' ? 'x' : null,
    candidates: decision === 'clarify' ? ['x', 'y'] : [],
    top: 'x',
    confidence: 0.9,
    ranked: [],
  }),
});

describe('never trapped', () => {
  it('one handoff request reaches the queue or a person from every reachable state', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 30 }), (events) => {
        const after = askForPerson(replay(events));
        expect(['queued', 'assigned']).toContain(after.status);
      }),
      { numRuns: 2000 },
    );
  });

  it('an explicit request wrapped in any words wins over any engine decision and any bot state', () => {
    const request = fc.constantFrom(
      '转人工',
      '人工客服',
      '我要人工',
      '找真人',
      '轉人工',
      '别让机器人回答',
      '叫你们经理来',
      'human please',
      'I want to talk to a real person',
    );
    const before = fc.constantFrom('', '你好，', '退款的事情，', '算了，', '我说了半天了。', 'hi, ', '！！');
    const after = fc.constantFrom('', '。', '，快点', '!!', ' now', '，谢谢');
    fc.assert(
      fc.property(
        before,
        request,
        after,
        fc.constantFrom('answer', 'clarify', 'handoff') as fc.Arbitrary<EngineDecision['decision']>,
        fc.nat(5),
        fc.boolean(),
        (before, ask, after, engine, misses, pending) => {
          const turn = decideBotTurn(
            engineSays(engine),
            `${before}${ask}${after}`,
            { botMisses: misses, pendingClarify: pending ? ['x', 'y'] : null, care: false },
            DEFAULT_HANDOFF_POLICY,
          );
          expect(turn.decision).toBe('handoff');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('the bot never misses more than the policy allows before a person takes over', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom('answer', 'clarify', 'handoff') as fc.Arbitrary<EngineDecision['decision']>,
          { minLength: 1, maxLength: 20 },
        ),
        (decisions) => {
          let misses = 0;
          for (const decision of decisions) {
            const turn = decideBotTurn(
              engineSays(decision),
              '随便问问',
              { botMisses: misses, pendingClarify: null, care: false },
              DEFAULT_HANDOFF_POLICY,
            );
            if (turn.decision === 'handoff') return;
            misses = turn.decision === 'answer' ? 0 : misses + 1;
            expect(misses).toBeLessThan(DEFAULT_HANDOFF_POLICY.maxMisses);
          }
        },
      ),
    );
  });
});
