// One bot turn: the handoff policy first (a person is always one step away), then the engine.
// Pure: takes the model, the customer's text and the conversation's bot state; returns the decision.
// `zhida eval` calls this with FIRST_MESSAGE_STATE, so it measures exactly what the bot does.
import { normalizeText } from '../engine/index.js';
import type { AnswerModel, DecisionKind, EngineDecision } from '../engine/types.js';
import {
  angerIntensity,
  isComplaint,
  isHumanRequest,
  isLegalThreat,
  isFraud,
  isRejection,
  isSafetyRisk,
} from './handoff-intent.js';

export type HandoffReason =
  | 'customer-request'
  | 'button'
  | 'anger'
  | 'legal-threat'
  | 'complaint'
  | 'sensitive'
  | 'clarify-rejected'
  | 'repeated-misses'
  | 'out-of-scope'
  | 'low-confidence'
  | 'care-mode';

export interface HandoffPolicy {
  explicitRequest: boolean;
  legalThreat: boolean;
  complaint: boolean;
  /** Safety risks always, fraud when the KB has no confident answer. */
  sensitive: boolean;
  anger: boolean;
  /** Anger intensity (see handoff-intent) at which a person takes over. */
  angerThreshold: number;
  /** Consecutive non-answers after which the bot stops trying and hands off. */
  maxMisses: number;
  /** Care-mode (elderly) customers go straight to a person. */
  careStraightToHuman: boolean;
}

export const DEFAULT_HANDOFF_POLICY: Readonly<HandoffPolicy> = Object.freeze({
  explicitRequest: true,
  legalThreat: true,
  complaint: true,
  sensitive: true,
  anger: true,
  angerThreshold: 2,
  maxMisses: 2,
  careStraightToHuman: false,
});

export interface BotTurnState {
  /** Consecutive non-answers so far. */
  botMisses: number;
  /** Entry ids offered by a pending clarification. */
  pendingClarify: readonly string[] | null;
  care: boolean;
}

export const FIRST_MESSAGE_STATE: Readonly<BotTurnState> = Object.freeze({
  botMisses: 0,
  pendingClarify: null,
  care: false,
});

export interface BotTurn {
  decision: DecisionKind;
  entryId: string | null;
  candidates: string[];
  handoffReason: HandoffReason | null;
  /** What the engine itself made of the text (always computed, for explanation and analytics). */
  engine: EngineDecision;
}

/** Resolves the customer's pick after a clarification: an offered title, or its number (1, 2, 3). */
function pickFromClarification(
  normalized: string,
  offered: readonly string[],
  titleOf: (id: string) => string | undefined,
): string | null {
  const text = normalized.trim().replace(/[。.!！]$/, '');
  const index = /^(\d)$/.exec(text);
  if (index) return offered[Number(index[1]) - 1] ?? null;
  for (const id of offered) {
    const title = titleOf(id);
    if (title && normalizeText(title).trim() === text) return id;
  }
  return null;
}

export function decideBotTurn(
  model: AnswerModel,
  text: string,
  state: Readonly<BotTurnState>,
  policy: Readonly<HandoffPolicy>,
  titleOf: (id: string) => string | undefined = () => undefined,
): BotTurn {
  const engine = model.decide(text);
  const normalized = normalizeText(text);
  const handoff = (reason: HandoffReason): BotTurn => ({
    decision: 'handoff',
    entryId: null,
    candidates: [],
    handoffReason: reason,
    engine,
  });

  if (policy.explicitRequest && isHumanRequest(normalized)) return handoff('customer-request');
  if (policy.legalThreat && isLegalThreat(normalized)) return handoff('legal-threat');
  if (policy.complaint && isComplaint(normalized)) return handoff('complaint');
  if (policy.sensitive && isSafetyRisk(normalized)) return handoff('sensitive');
  if (policy.anger && angerIntensity(normalized) >= policy.angerThreshold) return handoff('anger');
  if (policy.careStraightToHuman && state.care) return handoff('care-mode');

  if (state.pendingClarify && state.pendingClarify.length > 0) {
    const picked = pickFromClarification(normalized, state.pendingClarify, titleOf);
    if (picked) return { decision: 'answer', entryId: picked, candidates: [], handoffReason: null, engine };
    if (isRejection(normalized)) return handoff('clarify-rejected');
  }

  if (policy.sensitive && engine.decision !== 'answer' && isFraud(normalized)) return handoff('sensitive');
  if (engine.decision === 'answer') {
    return { decision: 'answer', entryId: engine.entryId, candidates: [], handoffReason: null, engine };
  }
  if (engine.decision === 'handoff' && engine.reason !== 'empty-input') {
    return handoff(engine.reason === 'out-of-scope' ? 'out-of-scope' : 'low-confidence');
  }
  // A clarification (or a request to rephrase an empty/emoji-only message) is a miss; misses in a row end in a person.
  if (state.botMisses + 1 >= policy.maxMisses) return handoff('repeated-misses');
  const candidates = engine.decision === 'clarify' ? engine.candidates : [];
  return { decision: 'clarify', entryId: null, candidates, handoffReason: null, engine };
}
