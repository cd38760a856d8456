// The agent console's live state: the queue, my conversations and the open conversation, kept current
// by the agent WebSocket (and re-read over HTTP after every reconnect, so nothing missed stays missing).
import { ApiError, newClientMessageId, request, socketUrl } from '../shared/api.js';
import { ReconnectingSocket, type SocketState } from '../shared/socket.js';
import { readJson, writeJson } from '../shared/storage.js';
import type { AgentFrame, ChatMessage, ConversationSummary, User } from '../shared/types.js';
import type { Presence } from './api-types.js';
import { UnreadTracker } from './unread-tracker.js';

export type { Presence };

export interface OpenConversation {
  conversation: ConversationSummary;
  messages: ChatMessage[];
}

/** Something worth a sound or a desktop notification. */
export type ConsoleAlert =
  | { kind: 'queued'; conversation: ConversationSummary }
  | { kind: 'assigned'; conversation: ConversationSummary }
  | { kind: 'message'; conversation: ConversationSummary; message: ChatMessage };

const PRESENCE_KEY = 'zhida.console.presence';
const HEARTBEAT_MS = 20_000;
const TYPING_SHOWN_MS = 5_000;
const TYPING_SENT_EVERY_MS = 2_500;

export type PaneError = 'load-failed' | 'taken' | 'action-failed' | 'send-failed' | null;
export type TransferTarget = { agentId: string; note?: string } | { group: string; note?: string };

export interface ConsoleState {
  queue: ConversationSummary[];
  mine: ConversationSummary[];
  selectedId: string | null;
  open: OpenConversation | null;
  loading: boolean;
  busy: 'accept' | 'resolve' | 'transfer' | null;
  error: PaneError;
  connection: SocketState;
  unread: Record<string, number>;
  presence: Presence;
  /** Conversation id → time until which the customer counts as typing. */
  typingUntil: Record<string, number>;
}

const isPresence = (value: unknown): value is Presence =>
  value === 'online' || value === 'away' || value === 'offline';

const mergeMessages = (list: ChatMessage[], more: ChatMessage[]): ChatMessage[] => {
  const bySeq = new Map(list.map((m) => [m.seq, m]));
  for (const m of more) if (!bySeq.has(m.seq)) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
};

const path = (id: string, rest = ''): string => `/api/agent/conversations/${encodeURIComponent(id)}${rest}`;

export class AgentClient {
  private state: ConsoleState;
  private readonly listeners = new Set<() => void>();
  private readonly unread: UnreadTracker;
  private socket: ReconnectingSocket | null = null;
  private loadToken = 0;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private lastHeartbeat = 0;
  private lastTypingSent = 0;
  private queueKnown = false;

  constructor(
    private readonly me: User,
    private readonly onAlert: (alert: ConsoleAlert) => void = () => undefined,
  ) {
    this.unread = new UnreadTracker(me.id);
    const presence = readJson<string>(PRESENCE_KEY);
    this.state = {
      queue: [],
      mine: [],
      selectedId: null,
      open: null,
      loading: false,
      busy: null,
      error: null,
      connection: 'connecting',
      unread: this.unread.counts,
      presence: isPresence(presence) ? presence : 'online',
      typingUntil: {},
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): ConsoleState => this.state;

  private set(patch: Partial<ConsoleState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private readonly onVisibility = (): void => {
    if (document.hidden) return;
    if (this.state.selectedId) this.set({ unread: this.unread.seen(this.state.selectedId) });
    // Background tabs may have their timers slowed down: say we are still here.
    if (Date.now() - this.lastHeartbeat > HEARTBEAT_MS / 2) this.sendHeartbeat();
  };

  start(): void {
    if (this.socket) return;
    this.socket = new ReconnectingSocket({
      url: () => socketUrl('/api/agent/stream'),
      onFrame: (frame) => this.onFrame(frame as AgentFrame),
      onState: (connection) => this.set({ connection }),
      onOpen: () => {
        this.sendHeartbeat();
        void this.resync();
      },
      // 4401/4403: the session is gone or not an agent; reconnecting cannot help.
      shouldReconnect: (event) => event.code !== 4401 && event.code !== 4403,
    });
    this.socket.start();
    // Without heartbeats the server takes the agent for gone and re-queues their chats.
    this.heartbeat = setInterval(() => this.sendHeartbeat(), HEARTBEAT_MS);
    document.addEventListener('visibilitychange', this.onVisibility);
    void this.resync();
  }

  stop(): void {
    this.socket?.stop();
    this.socket = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  private sendHeartbeat(): void {
    const presence = this.state.presence;
    this.lastHeartbeat = Date.now();
    if (this.socket?.send({ type: 'heartbeat', presence })) return;
    void request('/api/agent/presence', { method: 'POST', body: { presence } }).catch(() => undefined);
  }

  /** Online (receives chats automatically), away (keeps chats, gets no new ones) or offline (hands them back). */
  async setPresence(presence: Presence): Promise<void> {
    this.set({ presence });
    writeJson(PRESENCE_KEY, presence);
    try {
      await request('/api/agent/presence', { method: 'POST', body: { presence } });
    } catch {
      this.set({ error: 'action-failed' });
    }
  }

  /** Signing out is going offline: my chats go back to the front of the queue for colleagues. */
  async signOff(): Promise<void> {
    this.stop();
    await request('/api/agent/presence', { method: 'POST', body: { presence: 'offline' } }).catch(
      () => undefined,
    );
  }

  /** Tells the customer of the open conversation that the agent is typing (throttled). */
  typing(): void {
    const id = this.state.selectedId;
    const now = Date.now();
    if (!id || now - this.lastTypingSent < TYPING_SENT_EVERY_MS) return;
    this.lastTypingSent = now;
    this.socket?.send({ type: 'typing', conversationId: id });
  }

  private isMine(summary: ConversationSummary): boolean {
    return summary.assignedAgent?.id === this.me.id && summary.status === 'assigned';
  }

  /** Re-reads the lists and the open conversation (start-up and after every reconnect). */
  private async resync(): Promise<void> {
    try {
      const [queue, mine] = await Promise.all([
        request<{ conversations: ConversationSummary[] }>('/api/agent/queue'),
        request<{ conversations: ConversationSummary[] }>('/api/agent/conversations?mine=1'),
      ]);
      this.setQueue(queue.conversations);
      const unread = this.unread.reconcile(
        [...queue.conversations, ...mine.conversations],
        this.state.selectedId,
      );
      this.set({ mine: mine.conversations, unread });
    } catch {
      // The socket's queue frame and the next reconnect will fill the lists in.
    }
    if (this.state.selectedId) await this.load(this.state.selectedId, false);
  }

  private setQueue(queue: ConversationSummary[]): void {
    if (this.queueKnown && this.state.presence !== 'offline') {
      const before = new Set(this.state.queue.map((c) => c.id));
      for (const c of queue) if (!before.has(c.id)) this.onAlert({ kind: 'queued', conversation: c });
    }
    this.queueKnown = true;
    this.set({ queue });
  }

  private onFrame(frame: AgentFrame): void {
    if (frame?.type === 'queue' && Array.isArray(frame.conversations)) {
      this.setQueue(frame.conversations);
      const open = this.state.open;
      const queued = open && frame.conversations.find((c) => c.id === open.conversation.id);
      // A waiting customer may keep writing: refresh the open, not-yet-accepted conversation.
      if (open && queued && queued.updatedAt !== open.conversation.updatedAt)
        void this.load(queued.id, false);
    } else if (frame?.type === 'conversation' && frame.conversation) {
      this.applySummary(frame.conversation);
    } else if (frame?.type === 'message' && frame.message) {
      this.applyMessage(frame.conversationId, frame.message);
    } else if (frame?.type === 'typing' && frame.from === 'customer') {
      this.set({
        typingUntil: { ...this.state.typingUntil, [frame.conversationId]: Date.now() + TYPING_SHOWN_MS },
      });
    }
  }

  private applySummary(summary: ConversationSummary): void {
    // Responses and stream frames can cross: never let an older summary replace a newer one.
    const known = this.state.mine.find((c) => c.id === summary.id) ?? this.state.open?.conversation;
    if (known?.id === summary.id && Date.parse(known.updatedAt) > Date.parse(summary.updatedAt)) return;
    const wasMine = this.state.mine.some((c) => c.id === summary.id && this.isMine(c));
    const others = this.state.mine.filter((c) => c.id !== summary.id);
    const mine = this.isMine(summary) ? [summary, ...others] : others;
    const queue =
      summary.status === 'queued'
        ? this.state.queue.map((c) => (c.id === summary.id ? summary : c))
        : this.state.queue.filter((c) => c.id !== summary.id);
    const open =
      this.state.open?.conversation.id === summary.id
        ? { ...this.state.open, conversation: summary }
        : this.state.open;
    this.set({ mine, queue, open });
    // Assigned to me by routing or by a colleague's transfer (not by my own accept).
    if (!wasMine && this.isMine(summary) && this.state.busy !== 'accept')
      this.onAlert({ kind: 'assigned', conversation: summary });
  }

  private applyMessage(conversationId: string, message: ChatMessage): void {
    if (message.sender === 'customer' && this.state.typingUntil[conversationId]) {
      const { [conversationId]: _done, ...typingUntil } = this.state.typingUntil;
      this.state = { ...this.state, typingUntil };
    }
    const open = this.state.open;
    const lastMessage = { sender: message.sender, text: message.text, createdAt: message.createdAt };
    const withLast = (list: ConversationSummary[]) =>
      list.map((c) => (c.id === conversationId ? { ...c, lastMessage } : c));
    const isOpen = open?.conversation.id === conversationId;
    const seen = isOpen && !document.hidden;
    const unread =
      message.sender === 'customer' && !seen ? this.unread.bump(conversationId) : this.state.unread;
    this.set({
      mine: withLast(this.state.mine),
      queue: withLast(this.state.queue),
      unread,
      open: isOpen && open ? { ...open, messages: mergeMessages(open.messages, [message]) } : open,
    });
    const summary = this.state.mine.find((c) => c.id === conversationId);
    if (message.sender === 'customer' && summary && !seen)
      this.onAlert({ kind: 'message', conversation: summary, message });
  }

  select(id: string): void {
    if (this.state.selectedId === id && this.state.open) return;
    this.set({ selectedId: id, open: null, error: null, unread: this.unread.seen(id) });
    void this.load(id, true);
  }

  /** Re-reads the open conversation (e.g. to see a rating the customer just gave). */
  refreshOpen(): void {
    if (this.state.selectedId) void this.load(this.state.selectedId, false);
  }

  private async load(id: string, showLoading: boolean): Promise<void> {
    const token = ++this.loadToken;
    if (showLoading) this.set({ loading: true });
    try {
      const detail = await request<OpenConversation>(path(id));
      if (token !== this.loadToken || this.state.selectedId !== id) return;
      const previous = this.state.open?.conversation.id === id ? this.state.open.messages : [];
      this.set({
        open: { conversation: detail.conversation, messages: mergeMessages(previous, detail.messages) },
        loading: false,
      });
    } catch {
      if (token !== this.loadToken) return;
      this.set({ loading: false, error: showLoading ? 'load-failed' : this.state.error });
    }
  }

  /** Runs accept / resolve / transfer on the open conversation; false when it failed. */
  private async act(
    busy: 'accept' | 'resolve' | 'transfer',
    rest: string,
    body: object = {},
  ): Promise<boolean> {
    const id = this.state.selectedId;
    if (!id || this.state.busy) return false;
    this.set({ busy, error: null });
    try {
      const { conversation } = await request<{ conversation: ConversationSummary }>(path(id, rest), {
        method: 'POST',
        body,
      });
      this.applySummary(conversation);
      await this.load(id, false);
      return true;
    } catch (error) {
      const taken = busy === 'accept' && error instanceof ApiError && error.status === 409;
      this.set({ error: taken ? 'taken' : 'action-failed' });
      void this.load(id, false);
      return false;
    } finally {
      this.set({ busy: null });
    }
  }

  accept = (): Promise<boolean> => this.act('accept', '/accept');
  resolve = (): Promise<boolean> => this.act('resolve', '/resolve');
  /** To a colleague or a skill group, with a note the next agent reads in the internal notes. */
  transfer = (target: TransferTarget): Promise<boolean> => this.act('transfer', '/transfer', target);

  /** Sends a reply; resolves false when it failed (the text stays in the box for another try). */
  async reply(text: string, clientMessageId = newClientMessageId()): Promise<boolean> {
    const id = this.state.selectedId;
    if (!id || !text.trim()) return false;
    try {
      const { message } = await request<{ message: ChatMessage }>(path(id, '/messages'), {
        method: 'POST',
        body: { text: text.trim(), clientMessageId },
      });
      this.applyMessage(id, message);
      if (this.state.error === 'send-failed') this.set({ error: null });
      return true;
    } catch {
      this.set({ error: 'send-failed' });
      return false;
    }
  }
}
