// Registers the learning loop's routes (issue 5): unanswered questions and their clusters, 👍/👎 on
// answers with per-entry rates, and save-to-KB proposals — one call from app.ts.
import type { FastifyInstance } from 'fastify';
import { answerFeedbackRoutes } from './answer-feedback-routes.js';
import type { AppServices } from './app-services.js';
import { kbProposalRoutes } from './kb-proposal-routes.js';
import { learningClusterRoutes } from './learning-cluster-routes.js';

export async function registerLearningRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  await learningClusterRoutes(app, services);
  await answerFeedbackRoutes(app, services);
  await kbProposalRoutes(app, services);
}
