import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/** The TCP socket under a ws WebSocket (ws keeps it in `_socket`; absent before open and after close). */
const tcpOf = (socket: WebSocket) => (socket as unknown as { _socket?: Socket | null })._socket ?? null;
const corked = new WeakSet<Socket>();

/**
 * Sends a text frame. Frames sent to one socket while one callback (a request, a timer) and the promise
 * chain it started run leave in one write: the TCP socket is corked at the first and uncorked when that
 * work is done (a handoff sends each agent three frames; one system call each was a large part of the
 * server's time under load).
 */
export function sendText(socket: WebSocket, text: string): void {
  if (socket.readyState !== socket.OPEN) return;
  const tcp = tcpOf(socket);
  if (tcp && !corked.has(tcp)) {
    corked.add(tcp);
    tcp.cork();
    process.nextTick(() => {
      corked.delete(tcp);
      tcp.uncork();
    });
  }
  socket.send(text);
}

export function sendJson(socket: WebSocket, frame: unknown): void {
  if (socket.readyState === socket.OPEN) sendText(socket, JSON.stringify(frame));
}

/** Pings every 25 s so proxies keep the connection, and drops peers that stopped answering. */
export function keepAlive(socket: WebSocket, intervalMs = 25_000): () => void {
  let alive = true;
  socket.on('pong', () => {
    alive = true;
  });
  const timer = setInterval(() => {
    if (!alive) {
      socket.terminate();
      return;
    }
    alive = false;
    socket.ping();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

let later: { work: () => void; onError: (err: unknown) => void }[] = [];

function runLater(): void {
  const batch = later;
  later = [];
  for (const { work, onError } of batch) {
    try {
      work();
    } catch (err) {
      onError(err);
    }
  }
}

/**
 * Socket fan-out and routing are lower-priority work than answering requests: `work` runs on the next
 * check phase, after the requests read in this turn have run (in a burst of handoffs each then waits for
 * its own transaction, not for the frames and assignments of those before it). Runs in call order; a
 * failing piece is reported and does not stop the rest.
 */
export function afterReplies(work: () => void, onError: (err: unknown) => void): void {
  if (later.push({ work, onError }) === 1) setImmediate(runLater);
}
