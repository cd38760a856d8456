// What the widget remembers in localStorage about its conversation: the id and the customer's token
// (closing the tab or reloading resumes the same conversation) and the last known status.
import { readJson, removeKey, writeJson } from '../shared/storage.js';
import type { StatusCache } from './widget-state.js';

const SESSION_KEY = 'zhida.widget.session';
const statusKey = (id: string): string => `zhida.widget.status.${id}`;

export interface Session {
  conversationId: string;
  token: string;
}

export const storedSession = (): Session | null => {
  const session = readJson<Session>(SESSION_KEY);
  return session?.conversationId && session.token ? session : null;
};

export const saveSession = (session: Session): void => writeJson(SESSION_KEY, session);

export function forgetSession(conversationId: string): void {
  removeKey(SESSION_KEY);
  removeKey(statusKey(conversationId));
}

export const storedStatus = (conversationId: string): StatusCache | null =>
  readJson<StatusCache>(statusKey(conversationId));

export const saveStatus = (conversationId: string, status: StatusCache): void =>
  writeJson(statusKey(conversationId), status);

const LINK_PARAMS = { id: 'zhida-conversation', token: 'zhida-token' } as const;

/**
 * The conversation's own link: opening it (later, on any device) resumes this conversation, to rate it,
 * follow a complaint or download the transcript. The token is in the fragment, never sent to a server.
 */
export function conversationLink(session: Session): string {
  const hash = new URLSearchParams({
    [LINK_PARAMS.id]: session.conversationId,
    [LINK_PARAMS.token]: session.token,
  });
  return `${location.origin}/#${hash.toString()}`;
}

/** When the page was opened through a conversation link: remembers that conversation and tidies the URL. */
export function adoptLinkSession(): Session | null {
  const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
  const conversationId = hash.get(LINK_PARAMS.id);
  const token = hash.get(LINK_PARAMS.token);
  if (!conversationId || !token) return null;
  const session = { conversationId, token };
  saveSession(session);
  history.replaceState(null, '', `${location.pathname}${location.search}`);
  return session;
}
