// The widget's conversation state, outside React: session (conversation id + token) and outbox in
// localStorage, history over HTTP, live updates over a resuming WebSocket. Messages are keyed by seq,
// so whatever path a message arrives by (history, POST reply, socket) it is shown exactly once.
import { ApiError, newClientMessageId, request, socketUrl } from '../shared/api.js';
import { ReconnectingSocket } from '../shared/socket.js';
import type {
  ChatMessage,
  CustomerConversationState,
  CustomerFrame,
  SendMessageResponse,
} from '../shared/types.js';
import { MessageLog } from './message-log.js';
import { Outbox } from './outbox.js';
import {
  forgetSession,
  saveSession,
  saveStatus,
  storedSession,
  storedStatus,
  type Session,
} from './session.js';
import {
  INITIAL_STATE,
  queueInfoOf,
  type WidgetNotice,
  statusOf,
  TYPING_SENT_EVERY_MS,
  TYPING_SHOWN_MS,
  type WidgetState,
} from './widget-state.js';

export type { QueueInfo, WidgetState } from './widget-state.js';

export class ConversationClient {
  private state: WidgetState = INITIAL_STATE;
  private readonly listeners = new Set<() => void>();
  private readonly log = new MessageLog();
  private session: Session | null = null;
  private outbox: Outbox | null = null;
  private socket: ReconnectingSocket | null = null;
  private flushing = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryAttempt = 0;
  private lastTypingSent = 0;
  /** Counts status frames from the stream, to tell a stale HTTP response from a fresh one. */
  private statusFrames = 0;
  /** updatedAt (ms) of the conversation view shown: an older view is dropped. */
  private shownUpdatedAt = 0;
  private care = false;

  constructor(private readonly locale: string) {}

  /** Care mode is sent when the conversation is created (agents see the flag, the queue may prioritise it). */
  setCare(care: boolean): void {
    this.care = care;
  }

  /** The conversation id and token, once started (for ratings, complaints and downloads). */
  getSession = (): Session | null => this.session;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): WidgetState => this.state;

  private set(patch: Partial<WidgetState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Creates (or resumes) the conversation, loads history, connects, flushes the outbox. */
  async start(): Promise<void> {
    if (this.state.phase === 'ready' && !this.socket) this.connect();
    if (this.state.phase === 'starting' || this.state.phase === 'ready') return;
    this.set({ phase: 'starting', notice: null });
    try {
      await this.openSession();
    } catch {
      this.set({ phase: 'failed', notice: 'start-failed' });
      return;
    }
    this.set({ phase: 'ready' });
    this.connect();
    void this.flush();
  }

  private async openSession(): Promise<void> {
    const stored = storedSession();
    if (stored) {
      try {
        await this.adopt(stored);
        return;
      } catch (error) {
        // The server no longer knows this conversation (or the token): start a fresh one.
        if (!(error instanceof ApiError) || ![401, 403, 404].includes(error.status)) throw error;
        forgetSession(stored.conversationId);
        new Outbox(stored.conversationId).clear();
      }
    }
    const created = await request<Session>('/api/v1/conversations', {
      method: 'POST',
      body: { locale: this.locale, care: this.care },
    });
    const session = { conversationId: created.conversationId, token: created.token };
    saveSession(session);
    await this.adopt(session);
  }

  private async adopt(session: Session): Promise<void> {
    this.session = session;
    await this.loadAfter(0);
    this.outbox = new Outbox(session.conversationId);
    const cached = storedStatus(session.conversationId);
    if (cached)
      this.set({ status: cached.status, queuePosition: cached.queuePosition, agentName: cached.agentName });
    this.publishMessages();
    const framesBefore = this.statusFrames;
    try {
      const { conversation } = await request<{ conversation: CustomerConversationState }>(this.path(), {
        token: session.token,
      });
      this.applyResponseStatus(conversation, framesBefore);
    } catch {
      // The stream sends the status on connect as well.
    }
  }

  /** Fetches every message after `after` (paging until the server has nothing more). */
  private async loadAfter(after: number): Promise<void> {
    const session = this.requireSession();
    let cursor = after;
    for (let page = 0; page < 100; page += 1) {
      const { messages } = await request<{ messages: ChatMessage[] }>(
        this.path(`/messages?after=${cursor}`),
        { token: session.token },
      );
      if (messages.length === 0) break;
      for (const message of messages) this.remember(message);
      cursor = Math.max(cursor, ...messages.map((m) => m.seq));
      this.log.syncedTo(cursor);
    }
  }

  private connect(): void {
    const session = this.requireSession();
    this.socket?.stop();
    this.socket = new ReconnectingSocket({
      url: () =>
        socketUrl(
          `/api/v1/conversations/${encodeURIComponent(session.conversationId)}/stream` +
            `?token=${encodeURIComponent(session.token)}&after=${this.log.syncedThrough}`,
        ),
      onFrame: (frame) => this.onFrame(frame as CustomerFrame),
      onState: (connection) => {
        if (connection !== this.state.connection) this.set({ connection });
      },
      // A fresh connection usually means the network is back: retry what is waiting at once.
      onOpen: () => this.retrySoon(0),
      // 4001/4003/4004-style closes mean the token or conversation is not valid: do not hammer.
      shouldReconnect: (event) => !(event.code >= 4000 && event.code < 4500 && event.code !== 4429),
    });
    this.socket.start();
  }

  private onFrame(frame: CustomerFrame): void {
    if (frame?.type === 'message' && frame.message && typeof frame.message.seq === 'number') {
      this.remember(frame.message);
      // The stream delivers in seq order from where it resumed.
      this.log.syncedTo(frame.message.seq);
      this.publishMessages();
    } else if (frame?.type === 'conversation' && frame.conversation) {
      this.statusFrames += 1;
      this.applyConversation(frame.conversation, 'stream');
    } else if (frame?.type === 'typing' && frame.from === 'agent') {
      this.set({ agentTyping: { name: frame.name ?? null, until: Date.now() + TYPING_SHOWN_MS } });
    }
  }

  private remember(message: ChatMessage): void {
    if (message.sender === 'agent' && this.state.agentTyping)
      this.state = { ...this.state, agentTyping: null };
    this.log.add(message);
    if (message.clientMessageId) this.outbox?.remove(message.clientMessageId);
  }

  private publishMessages(): void {
    const messages = this.log.list();
    const delivered = new Set(messages.map((m) => m.clientMessageId).filter(Boolean));
    for (const item of this.outbox?.items() ?? []) {
      if (delivered.has(item.clientMessageId)) this.outbox?.remove(item.clientMessageId);
    }
    let agentName = this.state.agentName;
    for (const m of messages) if (m.sender === 'agent' && m.agentName) agentName = m.agentName;
    this.set({ messages, outbox: this.outbox?.items() ?? [], agentName });
  }

  /**
   * Shows a conversation view. An HTTP response older (by updatedAt) than the view shown is dropped;
   * stream frames are always applied: the server sends them in order on each connection, and queue
   * updates (someone ahead left) carry the same updatedAt as before.
   */
  private applyConversation(conversation: CustomerConversationState, source: 'stream' | 'http'): void {
    const updatedAt = conversation.updatedAt ? Date.parse(conversation.updatedAt) : Number.NaN;
    if (!Number.isNaN(updatedAt)) {
      if (source === 'http' && updatedAt < this.shownUpdatedAt) return;
      this.shownUpdatedAt = Math.max(this.shownUpdatedAt, updatedAt);
    }
    const next = statusOf(conversation, this.state.agentName);
    if (this.session) saveStatus(this.session.conversationId, next);
    this.set({ ...next, queueInfo: queueInfoOf(conversation) });
  }

  /**
   * Applies the status an HTTP response carried, unless the stream has spoken since the request left:
   * then the response may be older than what we know (e.g. "queued" arriving after "assigned"), and
   * the stream pushes every status change anyway.
   */
  private applyResponseStatus(
    conversation: CustomerConversationState | undefined,
    framesBefore: number,
  ): void {
    if (!conversation) return;
    // With updatedAt, applyConversation itself drops what is older than what is shown.
    if (!conversation.updatedAt && this.statusFrames !== framesBefore && this.state.connection === 'open')
      return;
    this.applyConversation(conversation, 'http');
  }

  /** Lets the agent see that the customer is typing (only while a person is serving; throttled). */
  typing(): void {
    const now = Date.now();
    if (this.state.status !== 'assigned' || now - this.lastTypingSent < TYPING_SENT_EVERY_MS) return;
    this.lastTypingSent = now;
    this.socket?.send({ type: 'typing' });
  }

  send(text: string): void {
    const trimmed = text.trim();
    if (!trimmed || !this.outbox) return;
    this.outbox.add({
      clientMessageId: newClientMessageId(),
      text: trimmed,
      createdAt: new Date().toISOString(),
    });
    this.publishMessages();
    void this.flush();
  }

  /** Sends queued messages one at a time, in order, each with its own stable clientMessageId. */
  private async flush(): Promise<void> {
    if (this.flushing || !this.session || !this.outbox) return;
    this.flushing = true;
    try {
      for (;;) {
        const item = this.outbox.items().find((i) => !i.rejected);
        if (!item) break;
        const framesBefore = this.statusFrames;
        try {
          const response = await request<SendMessageResponse>(this.path('/messages'), {
            method: 'POST',
            token: this.session.token,
            body: { text: item.text, clientMessageId: item.clientMessageId },
          });
          this.remember(response.message);
          for (const reply of response.replies ?? []) this.remember(reply);
          this.outbox.remove(item.clientMessageId);
          this.applyResponseStatus(response.conversation, framesBefore);
          this.retryAttempt = 0;
          this.set({ notice: this.state.notice === 'send-retrying' ? null : this.state.notice });
          this.publishMessages();
        } catch (error) {
          if (error instanceof ApiError && !error.retryable) {
            this.outbox.update(item.clientMessageId, { rejected: error.code });
            this.publishMessages();
            continue;
          }
          this.outbox.update(item.clientMessageId, { failedAttempts: (item.failedAttempts ?? 0) + 1 });
          this.set({ notice: 'send-retrying' });
          this.publishMessages();
          this.retrySoon();
          break;
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private retrySoon(delayMs?: number): void {
    if (!this.outbox || this.outbox.items().every((i) => i.rejected)) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const delay = delayMs ?? Math.min(30_000, 1000 * 2 ** this.retryAttempt);
    if (delayMs === undefined) this.retryAttempt += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, delay);
  }

  /** Gives up on a message the server refused (it stays out of the conversation). */
  discard(clientMessageId: string): void {
    this.outbox?.remove(clientMessageId);
    this.publishMessages();
  }

  /** Sends a refused message again (e.g. after the customer shortened it, or a transient refusal). */
  retry(clientMessageId: string): void {
    this.outbox?.update(clientMessageId, { rejected: undefined });
    this.publishMessages();
    void this.flush();
  }

  /** Asks for a person (the one-click button, or a bot reply's action). */
  handoff = (): Promise<void> => this.act('handoff', 'handoff-failed');

  /** Stops waiting for an agent (the bot answers again); the server records it as abandonment. */
  leaveQueue = (): Promise<void> => this.act('leave-queue', 'leave-failed');

  private async act(action: 'handoff' | 'leave-queue', failure: WidgetNotice): Promise<void> {
    if (!this.session || this.state.handoffPending) return;
    this.set({ handoffPending: true, notice: null });
    const framesBefore = this.statusFrames;
    try {
      const { conversation } = await request<{ conversation: CustomerConversationState }>(
        this.path(`/${action}`),
        { method: 'POST', token: this.session.token, body: {} },
      );
      this.applyResponseStatus(conversation, framesBefore);
    } catch {
      this.set({ notice: failure });
    } finally {
      this.set({ handoffPending: false });
    }
  }

  /** Leaves name, phone and question for a callback when nobody can answer now (ends the wait). */
  async requestCallback(input: { name: string; phone: string; question: string }): Promise<{ id: string }> {
    const session = this.requireSession();
    const { ticket } = await request<{ ticket: { id: string; status: string } }>(this.path('/callback'), {
      method: 'POST',
      token: session.token,
      body: input,
    });
    this.set({ callbackTicket: ticket.id });
    const framesBefore = this.statusFrames;
    request<{ conversation: CustomerConversationState }>(this.path(), { token: session.token })
      .then(({ conversation }) => this.applyResponseStatus(conversation, framesBefore))
      // The stream pushes the status change as well.
      .catch(() => {});
    return ticket;
  }

  stop(): void {
    this.socket?.stop();
    this.socket = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** The conversation's API path, with an optional suffix ("/messages"). */
  private path(suffix = ''): string {
    return `/api/v1/conversations/${encodeURIComponent(this.requireSession().conversationId)}${suffix}`;
  }

  private requireSession(): Session {
    if (!this.session) throw new Error('no conversation yet');
    return this.session;
  }
}
