// Minimal JSON-over-HTTP and WebSocket helpers for the load script (node:http, the ws package).
//
// node:http with a keep-alive agent rather than fetch: the load generator must not be the bottleneck.
// With fetch (undici), 500 simultaneous POSTs to a Fastify route that does nothing took p99 450–540 ms
// on the 2-core machine; with this client 115–140 ms (bench/load/http-floor.ts measures it).
import http from 'node:http';
import WebSocket from 'ws';

export interface JsonResponse {
  status: number;
  body: unknown;
  /** The Set-Cookie headers of the response. */
  setCookies: string[];
}

// Every connection stays open between requests (maxFreeSockets defaults to 256: the rest would reconnect).
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: Infinity });

export function requestJson(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  const url = new URL(path, base);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        agent,
        headers: payload
          ? { 'content-type': 'application/json', 'content-length': payload.length, ...headers }
          : headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            // not JSON: keep the text for the error report
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, setCookies: res.headers['set-cookie'] ?? [] });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export function wsUrl(base: string, path: string): string {
  return base.replace(/^http/, 'ws') + path;
}

/** Opens a WebSocket and resolves once it is open; frames go to onFrame as parsed JSON. */
export function openSocket(
  url: string,
  onFrame: (frame: Record<string, unknown>) => void,
  headers: Record<string, string> = {},
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers, perMessageDeflate: false });
    socket.on('message', (data) => {
      try {
        onFrame(JSON.parse(String(data)) as Record<string, unknown>);
      } catch {
        // ignore a frame that is not JSON
      }
    });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}
