// Registers the consumer-protection routes (issue 6): transcripts and verification, ratings, complaints,
// and the audit log — one call from app.ts.
import type { FastifyInstance } from 'fastify';
import { agentComplaintRoutes } from './agent-complaint-routes.js';
import type { AppServices } from './app-services.js';
import { auditRoutes } from './audit-routes.js';
import { complaintRoutes } from './complaint-routes.js';
import { evidenceRoutes } from './evidence-routes.js';
import { ratingRoutes } from './rating-routes.js';

export async function registerEvidenceRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  await evidenceRoutes(app, services);
  await ratingRoutes(app, services);
  await complaintRoutes(app, services);
  await agentComplaintRoutes(app, services);
  await auditRoutes(app, services);
}
