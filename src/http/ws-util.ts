import type { WebSocket } from 'ws';

export function sendJson(socket: WebSocket, frame: unknown): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
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
