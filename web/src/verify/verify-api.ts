// The verify endpoint and the published key, as the verify page uses them.
import { request } from '../shared/api.js';

export interface VerifyProblem {
  code: string;
  message: string;
  messageZh: string;
  seq?: number;
}

export interface VerifyResult {
  intact: boolean;
  problems: VerifyProblem[];
  fingerprint: string | null;
  fingerprintDisplay: string | null;
  publishedFingerprint: string;
  signedByThisServer: boolean;
  messageCount?: number;
}

export interface PublishedKey {
  fingerprint: string;
  fingerprintDisplay: string;
}

export const verifyTranscript = (document: unknown) =>
  request<VerifyResult>('/api/v1/transcripts/verify', { method: 'POST', body: document });

export const publishedKey = () => request<PublishedKey>('/api/v1/keys/transcript');
