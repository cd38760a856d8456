// One simulated customer: start a conversation, open its WebSocket, say "转人工", and time the way to a
// person — until the API answers queued/assigned, and until the socket reports an agent.
import type WebSocket from 'ws';
import { openSocket, requestJson, wsUrl } from './http-client.js';

export interface CustomerResult {
  /** Message sent → API response with status queued or assigned. */
  timeToQueueMs?: number;
  /** Message sent → first socket frame saying status queued (or assigned). */
  wsQueuedMs?: number;
  /** Message sent → socket frame saying an agent was assigned. */
  timeToAgentMs?: number;
  apiStatus?: string;
  resolved: boolean;
  error?: string;
}

export interface Customer {
  result: CustomerResult;
  /** Sends the request for a human; resolves when the customer's chat was resolved (or on failure). */
  handOff(): Promise<void>;
  close(): void;
}

export async function connectCustomer(
  base: string,
  index: number,
  deadline: Promise<void>,
): Promise<Customer> {
  const result: CustomerResult = { resolved: false };
  const started = await requestJson(base, 'POST', '/api/v1/conversations', {
    locale: 'zh-CN',
    customer: { externalId: `load-${index}` },
  });
  if (started.status !== 201) throw new Error(`start: ${started.status} ${JSON.stringify(started.body)}`);
  const { conversationId, token } = started.body as { conversationId: string; token: string };

  let sentAt = 0;
  let done: () => void = () => {};
  const finished = new Promise<void>((resolve) => (done = resolve));
  const socket: WebSocket = await openSocket(
    wsUrl(base, `/api/v1/conversations/${conversationId}/stream?token=${encodeURIComponent(token)}`),
    (frame) => {
      if (frame.type === 'error') result.error ??= `stream: ${JSON.stringify(frame.error)}`;
      if (frame.type !== 'conversation' || sentAt === 0) return;
      const status = (frame.conversation as { status?: string }).status;
      const now = performance.now();
      if ((status === 'queued' || status === 'assigned') && result.wsQueuedMs === undefined)
        result.wsQueuedMs = now - sentAt;
      if (status === 'assigned' && result.timeToAgentMs === undefined) result.timeToAgentMs = now - sentAt;
      if (status === 'resolved') {
        result.resolved = true;
        done();
      }
    },
  );
  socket.on('close', () => done());

  return {
    result,
    async handOff() {
      sentAt = performance.now();
      try {
        const res = await requestJson(
          base,
          'POST',
          `/api/v1/conversations/${conversationId}/messages`,
          { text: '转人工', clientMessageId: `load-${index}-1` },
          { authorization: `Bearer ${token}` },
        );
        const status = (res.body as { conversation?: { status?: string } } | null)?.conversation?.status;
        result.apiStatus = res.status === 200 ? status : `HTTP ${res.status}`;
        if (res.status === 200 && (status === 'queued' || status === 'assigned'))
          result.timeToQueueMs = performance.now() - sentAt;
        else {
          result.error ??= `message: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
          done();
        }
      } catch (err) {
        result.error ??= `message: ${(err as Error).message}`;
        done();
      }
      await Promise.race([finished, deadline]);
    },
    close() {
      socket.close();
    },
  };
}
