// WebSocket with automatic reconnect (exponential backoff with jitter). The URL is computed afresh for
// every attempt, so a caller can resume from the last sequence number it has seen.

export type SocketState = 'connecting' | 'open' | 'closed';

export interface ReconnectingSocketOptions {
  url: () => string;
  onFrame: (frame: unknown) => void;
  onState?: (state: SocketState) => void;
  onOpen?: () => void;
  /** Return false to stop reconnecting (e.g. the server closed with an auth error). */
  shouldReconnect?: (event: CloseEvent) => boolean;
  minDelayMs?: number;
  maxDelayMs?: number;
}

export class ReconnectingSocket {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = true;
  private readonly onOnline = (): void => this.reconnectNow();

  constructor(private readonly options: ReconnectingSocketOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    window.addEventListener('online', this.onOnline);
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.onOnline);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close();
    }
    this.options.onState?.('closed');
  }

  /** Sends a JSON frame if connected; returns false (and drops it) otherwise. */
  send(frame: unknown): boolean {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  /** Drop the current connection (if any) and connect again at once. */
  reconnectNow(): void {
    if (this.stopped) return;
    if (this.socket && this.socket.readyState === WebSocket.OPEN) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.attempt = 0;
    if (this.socket) {
      this.socket.onclose = null;
      this.socket.close();
      this.socket = null;
    }
    this.connect();
  }

  private connect(): void {
    this.options.onState?.('connecting');
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.options.url());
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.options.onState?.('open');
      this.options.onOpen?.();
    };
    socket.onmessage = (event: MessageEvent) => {
      if (typeof event.data !== 'string') return;
      let frame: unknown;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      this.options.onFrame(frame);
    };
    socket.onclose = (event: CloseEvent) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.stopped) return;
      if (this.options.shouldReconnect && !this.options.shouldReconnect(event)) {
        this.stopped = true;
        this.options.onState?.('closed');
        return;
      }
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    this.options.onState?.('connecting');
    const min = this.options.minDelayMs ?? 500;
    const max = this.options.maxDelayMs ?? 15_000;
    const base = Math.min(max, min * 2 ** this.attempt);
    const delay = base / 2 + Math.random() * (base / 2);
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped) this.connect();
    }, delay);
  }
}
