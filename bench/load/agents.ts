// Simulated agents: signed in, the agent WebSocket open (which marks them online), heartbeats, and every
// chat assigned to them resolved after a short handle time. A slow poll of "my conversations" is a safety
// net only; how many chats were found by it rather than by the socket is reported.
import type WebSocket from 'ws';
import { openSocket, requestJson, wsUrl } from './http-client.js';

export interface AgentStats {
  resolved: number;
  foundByPoll: number;
  errors: string[];
}

interface Summary {
  id: string;
  status: string;
  assignedAgent?: { id: string };
}

export async function startAgent(
  base: string,
  username: string,
  password: string,
  handleMs: number,
  stats: AgentStats,
) {
  const login = await requestJson(base, 'POST', '/api/auth/login', { username, password });
  if (login.status !== 200)
    throw new Error(`login ${username}: ${login.status} ${JSON.stringify(login.body)}`);
  const cookie = login.setCookies.map((c) => c.split(';')[0]).find((c) => c.startsWith('zhida_session='));
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  const me = (login.body as { user: { id: string } }).user.id;
  const headers = { cookie };
  const handling = new Set<string>();
  const pending = new Set<Promise<void>>();

  const resolveLater = (conversationId: string) => {
    if (handling.has(conversationId)) return false;
    handling.add(conversationId);
    const done = new Promise<void>((resolve) => setTimeout(resolve, handleMs))
      .then(() =>
        requestJson(base, 'POST', `/api/agent/conversations/${conversationId}/resolve`, undefined, headers),
      )
      .then((res) => {
        if (res.status === 200) stats.resolved++;
        else stats.errors.push(`resolve ${res.status} ${JSON.stringify(res.body)}`);
      })
      .catch((err: Error) => {
        stats.errors.push(`resolve: ${err.message}`);
      })
      .finally(() => pending.delete(done));
    pending.add(done);
    return true;
  };

  const socket: WebSocket = await openSocket(
    wsUrl(base, '/api/agent/stream'),
    (frame) => {
      if (frame.type === 'error') stats.errors.push(`agent stream: ${JSON.stringify(frame.error)}`);
      const c = frame.conversation as Summary | undefined;
      if (frame.type === 'conversation' && c?.status === 'assigned' && c.assignedAgent?.id === me)
        resolveLater(c.id);
    },
    headers,
  );
  const heartbeat = setInterval(() => socket.send(JSON.stringify({ type: 'heartbeat' })), 15_000);
  const poll = setInterval(() => {
    requestJson(base, 'GET', '/api/agent/conversations?mine=1', undefined, headers)
      .then((res) => {
        const list = (res.body as { conversations?: Summary[] }).conversations ?? [];
        for (const c of list) if (c.status === 'assigned' && resolveLater(c.id)) stats.foundByPoll++;
      })
      .catch(() => {});
  }, 5_000);
  return {
    id: me,
    /** Waits for resolve calls still in flight. */
    settle: () => Promise.all([...pending]),
    close() {
      clearInterval(heartbeat);
      clearInterval(poll);
      socket.close();
    },
  };
}
