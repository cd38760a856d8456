// The customer's after-care API, all under the conversation's token: rating, complaints (with the
// escalation routes), callback tickets and the signed transcript download.
import { request } from '../shared/api.js';
import type { Session } from './session.js';

export type ComplaintStatus = 'new' | 'in_progress' | 'waiting_customer' | 'resolved' | 'closed';

export interface Rating {
  score: number;
  comment: string | null;
  ratedAt: string;
}

export interface SlaClockView {
  state: 'running' | 'at_risk' | 'paused' | 'met' | 'breached';
  dueAt: string | null;
  breached?: boolean;
}

export interface ComplaintHistoryItem {
  seq: number;
  at: string;
  kind: 'opened' | 'status' | 'assigned' | 'comment' | 'priority' | string;
  actor?: 'customer' | 'agent' | 'system';
  actorName: string | null;
  fromStatus: ComplaintStatus | null;
  toStatus: ComplaintStatus | null;
  text: string | null;
}

export interface Complaint {
  id: string;
  category: string;
  description: string;
  status: ComplaintStatus;
  createdAt: string;
  sla: { firstResponse: SlaClockView; resolution: SlaClockView };
  history: ComplaintHistoryItem[];
}

export interface EscalationStep {
  id: string;
  title: string;
  when: string;
  how: string;
  contact?: { label: string; url?: string; phone?: string };
}

export interface EscalationGuide {
  locale: string;
  title: string;
  intro: string;
  steps: EscalationStep[];
  evidence: string[];
  notes: string[];
}

export interface TranscriptKey {
  algorithm: string;
  fingerprint: string;
  fingerprintDisplay: string;
}

const base = (session: Session) => `/api/v1/conversations/${encodeURIComponent(session.conversationId)}`;

export const serviceApi = {
  rating: async (session: Session) =>
    (await request<{ rating: Rating | null }>(`${base(session)}/rating`, { token: session.token })).rating,
  rate: async (session: Session, score: number, comment: string) =>
    (
      await request<{ rating: Rating }>(`${base(session)}/rating`, {
        method: 'POST',
        token: session.token,
        body: comment.trim() ? { score, comment: comment.trim() } : { score },
      })
    ).rating,
  complaints: (session: Session) =>
    request<{ complaints: Complaint[]; escalation: EscalationGuide }>(`${base(session)}/complaints`, {
      token: session.token,
    }),
  fileComplaint: async (session: Session, category: string, description: string) =>
    (
      await request<{ complaint: Complaint }>(`${base(session)}/complaints`, {
        method: 'POST',
        token: session.token,
        body: { category, description },
      })
    ).complaint,
  comment: async (session: Session, complaintId: string, text: string) =>
    (
      await request<{ complaint: Complaint }>(
        `${base(session)}/complaints/${encodeURIComponent(complaintId)}/comments`,
        { method: 'POST', token: session.token, body: { text } },
      )
    ).complaint,
  escalation: (locale: string) =>
    request<EscalationGuide>(`/api/v1/escalation-routes?locale=${encodeURIComponent(locale)}`),
  transcriptKey: () => request<TranscriptKey>('/api/v1/keys/transcript'),
};

/**
 * Downloads the signed transcript (JSON) or its printable page (HTML). The token goes in a header, so
 * the file is fetched first and then saved from a blob URL.
 */
export async function downloadTranscript(session: Session, format: 'json' | 'html'): Promise<void> {
  const response = await fetch(`${base(session)}/transcript?format=${format}&download=1`, {
    headers: { authorization: `Bearer ${session.token}` },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `zhida-transcript-${session.conversationId}.${format}`;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
