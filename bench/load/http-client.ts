// Minimal JSON-over-HTTP and WebSocket helpers for the load script (Node's fetch, the ws package).
import WebSocket from 'ws';

export interface JsonResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

export async function requestJson(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  const res = await fetch(base + path, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text for the error report
  }
  return { status: res.status, body: parsed, headers: res.headers };
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
