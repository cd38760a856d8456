// The agent console's live state: the queue, my conversations and the open conversation, kept current
// by the agent WebSocket (and re-read over HTTP after every reconnect, so nothing missed stays missing).
import { ApiError, newClientMessageId, request, socketUrl } from '../shared/api.js';
import { ReconnectingSocket, type SocketState } from '../shared/socket.js';
import type { AgentFrame, ChatMessage, ConversationSummary, User } from '../shared/types.js';

export interface OpenConversation {
  conversation: ConversationSummary;
  messages: ChatMessage[];
}

export type Presence = 'online' | 'away' | 'offline';

const PRESENCE_KEY = 'zhida.console.presence';
const HEARTBEAT_MS = 20_000;
const TYPING_SHOWN_MS = 5_000;
const TYPING_SENT_EVERY_MS = 2_500;

export type PaneError = 'load-failed' | 'taken' | 'action-failed' | 'send-failed' | null;

export interface ConsoleState {
  queue: ConversationSummary[];
  mine: ConversationSummary[];
  selectedId: string | null;
  open: OpenConversation | null;
  loading: boolean;
  busy: 'accept' | 'resolve' | null;
  error: PaneError;
  connection: SocketState;
  unread: Record<string, number>;
  presence: Presence;
  /** Conversation id → time until which the customer counts as typing. */
  typingUntil: Record<string, number>;
}

const INITIAL: ConsoleState = {
  queue: [],
  mine: [],
  selectedId: null,
  open: null,
  loading: false,
  busy: null,
  error: null,
  connection: 'connecting',
  unread: {},
  presence: 'online',
  typingUntil: {},
};

function storedPresence(): Presence {
  try {
    const value = localStorage.getItem(PRESENCE_KEY);
    if (value === 'online' || value === 'away') return value;
  } catch {
    // Default below.
  }
  return 'online';
}

const mergeMessages = (list: ChatMessage[], more: ChatMessage[]): ChatMessage[] => {
  const bySeq = new Map(list.map((m) => [m.seq, m]));
  for (const m of more) if (!bySeq.has(m.seq)) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
};

const path = (id: string, rest = ''): string => `/api/agent/conversations/${encodeURIComponent(id)}${rest}`;

export class AgentClient {
  private state: ConsoleState = INITIAL;
  private readonly listeners = new Set<() => void>();
  private socket: ReconnectingSocket | null = null;
  private loadToken = 0;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private lastTypingSent = 0;

  constructor(private readonly me: User) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): ConsoleState => this.state;

  private set(patch: Partial<ConsoleState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  start(): void {
    if (this.socket) return;
    this.state = { ...this.state, presence: storedPresence() };
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
    void this.resync();
  }

  stop(): void {
    this.socket?.stop();
    this.socket = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private sendHeartbeat(): void {
    const presence = this.state.presence;
    if (this.socket?.send({ type: 'heartbeat', presence })) return;
    void request('/api/agent/presence', { method: 'POST', body: { presence } }).catch(() => undefined);
  }

  /** Online (receives chats automatically), away (keeps chats, gets no new ones) or offline. */
  async setPresence(presence: Presence): Promise<void> {
    this.set({ presence });
    try {
      localStorage.setItem(PRESENCE_KEY, presence);
    } catch {
      // Not remembered across reloads.
    }
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
    return summary.assignedAgent?.id === this.me.id;
  }

  /** Re-reads the lists and the open conversation (start-up and after every reconnect). */
  private async resync(): Promise<void> {
    try {
      const [queue, mine] = await Promise.all([
        request<{ conversations: ConversationSummary[] }>('/api/agent/queue'),
        request<{ conversations: ConversationSummary[] }>('/api/agent/conversations?mine=1'),
      ]);
      this.set({ queue: queue.conversations, mine: mine.conversations });
    } catch {
      // The socket's queue frame and the next reconnect will fill the lists in.
    }
    if (this.state.selectedId) await this.load(this.state.selectedId, false);
  }

  private onFrame(frame: AgentFrame): void {
    if (frame?.type === 'queue' && Array.isArray(frame.conversations)) {
      this.set({ queue: frame.conversations });
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
  }

  private applyMessage(conversationId: string, message: ChatMessage): void {
    if (message.sender === 'customer' && this.state.typingUntil[conversationId]) {
      const { [conversationId]: _done, ...typingUntil } = this.state.typingUntil;
      this.state = { ...this.state, typingUntil };
    }
    const open = this.state.open;
    const mine = this.state.mine.map((c) =>
      c.id === conversationId
        ? { ...c, lastMessage: { sender: message.sender, text: message.text, createdAt: message.createdAt } }
        : c,
    );
    if (open && open.conversation.id === conversationId) {
      this.set({ mine, open: { ...open, messages: mergeMessages(open.messages, [message]) } });
    } else {
      const unread =
        message.sender === 'customer'
          ? { ...this.state.unread, [conversationId]: (this.state.unread[conversationId] ?? 0) + 1 }
          : this.state.unread;
      this.set({ mine, unread });
    }
  }

  select(id: string): void {
    if (this.state.selectedId === id && this.state.open) return;
    const { [id]: _seen, ...unread } = this.state.unread;
    this.set({ selectedId: id, open: null, error: null, unread });
    void this.load(id, true);
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

  async accept(): Promise<void> {
    const id = this.state.selectedId;
    if (!id || this.state.busy) return;
    this.set({ busy: 'accept', error: null });
    try {
      const { conversation } = await request<{ conversation: ConversationSummary }>(path(id, '/accept'), {
        method: 'POST',
        body: {},
      });
      this.applySummary(conversation);
      await this.load(id, false);
    } catch (error) {
      this.set({ error: error instanceof ApiError && error.status === 409 ? 'taken' : 'action-failed' });
      void this.load(id, false);
    } finally {
      this.set({ busy: null });
    }
  }

  async resolve(): Promise<void> {
    const id = this.state.selectedId;
    if (!id || this.state.busy) return;
    this.set({ busy: 'resolve', error: null });
    try {
      const { conversation } = await request<{ conversation: ConversationSummary }>(path(id, '/resolve'), {
        method: 'POST',
        body: {},
      });
      this.applySummary(conversation);
      await this.load(id, false);
    } catch {
      this.set({ error: 'action-failed' });
    } finally {
      this.set({ busy: null });
    }
  }

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
