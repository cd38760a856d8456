// The learning loop's services, built together by the composition root: the capture listener (subscribed
// to the bus here), topics of unanswered questions, 👍/👎 on answers, and agents' KB proposals.
import { createAnswerFeedback, type AnswerFeedback } from './answer-feedback.js';
import type { ServiceContext } from './context.js';
import { createKbProposals, type KbProposals } from './kb-proposals.js';
import type { KnowledgeBaseService } from './knowledge-base.js';
import { createLearningTopics, type LearningTopics, type PublishDraft } from './learning-topics.js';
import { createUnansweredCapture, type UnansweredCapture } from './unanswered-capture.js';

export interface LearningServices {
  capture: UnansweredCapture;
  topics: LearningTopics;
  feedback: AnswerFeedback;
  proposals: KbProposals;
  /** Unsubscribes the capture listener and waits for captures in flight (before storage closes). */
  stop(): Promise<void>;
}

export function createLearningServices(
  ctx: ServiceContext,
  kb: Pick<KnowledgeBaseService, 'create' | 'update' | 'setNegatives'>,
  publishDraft: PublishDraft | null,
  onError: (err: unknown) => void,
): LearningServices {
  const capture = createUnansweredCapture(ctx, onError);
  const unsubscribe = ctx.bus.subscribe((event) => capture.listener(event));
  return {
    capture,
    topics: createLearningTopics(ctx, kb, publishDraft),
    feedback: createAnswerFeedback(ctx),
    proposals: createKbProposals(ctx, kb),
    async stop() {
      unsubscribe();
      await capture.settled();
    },
  };
}
