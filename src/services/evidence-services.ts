// The consumer-protection services, built together by the composition root: signed transcripts,
// satisfaction ratings, complaints with SLA clocks, and the audit log.
import type { SlaPolicy } from '../domain/sla.js';
import { createAuditLog, type AuditLog } from './audit-log.js';
import { createComplaints, type Complaints } from './complaints.js';
import type { ServiceContext } from './context.js';
import { createRatings, type Ratings } from './ratings.js';
import { createTranscripts, loadTranscriptKey, type Transcripts } from './transcripts.js';

export interface EvidenceServices {
  transcripts: Transcripts;
  ratings: Ratings;
  complaints: Complaints;
  audit: AuditLog;
}

/** Loads (on the very first start: makes and stores) the transcript signing key. */
export async function createEvidenceServices(
  ctx: Pick<ServiceContext, 'storage' | 'clock' | 'newId'>,
  sla: SlaPolicy,
  keyPassphrase?: string,
): Promise<EvidenceServices> {
  const key = await loadTranscriptKey(ctx.storage, ctx.clock(), keyPassphrase);
  return {
    transcripts: createTranscripts(ctx, key),
    ratings: createRatings(ctx),
    complaints: createComplaints(ctx, sla),
    audit: createAuditLog(ctx),
  };
}
