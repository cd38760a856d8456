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
