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
import { OutboxSender } from './outbox-sender.js';
import { ViewFreshness } from './view-freshness.js';
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
  private sender: OutboxSender | null = null;
  private socket: ReconnectingSocket | null = null;
  private lastTypingSent = 0;
  private readonly freshness = new ViewFreshness();
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
    void this.sender?.flush();
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
    const outbox = new Outbox(session.conversationId);
    this.outbox = outbox;
    this.sender?.stop();
    this.sender = new OutboxSender(outbox, {
      post: (item) => this.post(item.text, item.clientMessageId),
      changed: () => this.publishMessages(),
      retrying: (waiting) =>
        this.set({
          notice: waiting
            ? 'send-retrying'
            : this.state.notice === 'send-retrying'
              ? null
              : this.state.notice,
        }),
    });
    const cached = storedStatus(session.conversationId);
    if (cached)
      this.set({ status: cached.status, queuePosition: cached.queuePosition, agentName: cached.agentName });
    this.publishMessages();
    const mark = this.freshness.mark();
    try {
      const { conversation } = await request<{ conversation: CustomerConversationState }>(this.path(), {
        token: session.token,
      });
      this.applyResponseStatus(conversation, mark);
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
      onOpen: () => this.sender?.retrySoon(0),
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
      this.freshness.acceptFrame(frame.conversation);
      this.show(frame.conversation);
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

  private show(conversation: CustomerConversationState): void {
    const next = statusOf(conversation, this.state.agentName);
    if (this.session) saveStatus(this.session.conversationId, next);
    this.set({ ...next, queueInfo: queueInfoOf(conversation) });
  }

  /** Shows the status an HTTP response carried, unless a newer one is already shown (view-freshness.ts). */
  private applyResponseStatus(conversation: CustomerConversationState | undefined, mark: number): void {
    if (conversation && this.freshness.acceptResponse(conversation, mark, this.state.connection === 'open'))
      this.show(conversation);
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
    void this.sender?.flush();
  }

  /** Posts one message; the reply and the status it carries are shown at once. */
  private async post(text: string, clientMessageId: string): Promise<void> {
    const mark = this.freshness.mark();
    const response = await request<SendMessageResponse>(this.path('/messages'), {
      method: 'POST',
      token: this.requireSession().token,
      body: { text, clientMessageId },
    });
    this.remember(response.message);
    for (const reply of response.replies ?? []) this.remember(reply);
    this.applyResponseStatus(response.conversation, mark);
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
    void this.sender?.flush();
  }

  /** Asks for a person (the one-click button, or a bot reply's action). */
  handoff = (): Promise<void> => this.act('handoff', 'handoff-failed');

  /** Stops waiting for an agent (the bot answers again); the server records it as abandonment. */
  leaveQueue = (): Promise<void> => this.act('leave-queue', 'leave-failed');

  private async act(action: 'handoff' | 'leave-queue', failure: WidgetNotice): Promise<void> {
    if (!this.session || this.state.handoffPending) return;
    this.set({ handoffPending: true, notice: null });
    const mark = this.freshness.mark();
    try {
      const { conversation } = await request<{ conversation: CustomerConversationState }>(
        this.path(`/${action}`),
        { method: 'POST', token: this.session.token, body: {} },
      );
      this.applyResponseStatus(conversation, mark);
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
    const mark = this.freshness.mark();
    request<{ conversation: CustomerConversationState }>(this.path(), { token: session.token })
      .then(({ conversation }) => this.applyResponseStatus(conversation, mark))
      // The stream pushes the status change as well.
      .catch(() => {});
    return ticket;
  }

  stop(): void {
    this.socket?.stop();
    this.socket = null;
    this.sender?.stop();
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
