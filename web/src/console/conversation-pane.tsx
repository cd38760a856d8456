// The open conversation: header (who, why, actions), the transcript with the bot's decisions, the reply
// box with canned replies, and beside it the engine's suggestions and the internal notes.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { User } from '../shared/types.js';
import type { AgentClient, ConsoleState, OpenConversation } from './agent-client.js';
import type { AgentDirectory, CannedReply, Complaint } from './api-types.js';
import { ComplaintDialog } from './complaint-dialog.js';
import { ConversationHeader } from './conversation-header.js';
import { useI18n } from './messages.js';
import { NotesPanel } from './notes-panel.js';
import { ReplyBox } from './reply-box.js';
import { SuggestionsPanel } from './suggestions-panel.js';
import { TransferDialog } from './transfer-dialog.js';
import { Transcript } from './transcript.js';
import { useResource } from './use-resource.js';

const RATING_POLL_MS = 15_000;

function OpenChat({
  open,
  state,
  client,
  me,
  now,
  canned,
  directory,
  errorText,
  onComplaintOpened,
}: {
  open: OpenConversation;
  state: ConsoleState;
  client: AgentClient;
  me: User;
  now: number;
  canned: CannedReply[];
  directory: AgentDirectory | null;
  errorText: string | null;
  onComplaintOpened: () => void;
}) {
  const { t } = useI18n();
  const logRef = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState('');
  const [dialog, setDialog] = useState<'transfer' | 'complaint' | null>(null);
  const [filed, setFiled] = useState<Complaint | null>(null);
  const c = open.conversation;
  const mine = c.assignedAgent?.id === me.id;
  const canReply = mine && c.status === 'assigned';
  const ended = c.status === 'resolved' || c.status === 'closed';
  const lastCustomerSeq = open.messages.reduce((seq, m) => (m.sender === 'customer' ? m.seq : seq), 0);

  useLayoutEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [open.messages.length]);
  // The customer may rate after the chat ended: look again now and then until they have.
  useEffect(() => {
    if (!ended || c.rating) return;
    const timer = setInterval(() => client.refreshOpen(), RATING_POLL_MS);
    return () => clearInterval(timer);
  }, [client, ended, c.rating]);

  return (
    <section className="cp" aria-labelledby="cp-title" data-status={c.status}>
      <ConversationHeader
        c={c}
        state={state}
        now={now}
        mine={mine}
        onAccept={() => void client.accept()}
        onTransfer={() => setDialog('transfer')}
        onComplaint={() => setDialog('complaint')}
        onResolve={() => void client.resolve()}
      />
      {errorText && (
        <p className="alert alert--error cp-alert" role="alert">
          {errorText}
        </p>
      )}
      {filed && (
        <p className="alert alert--success cp-alert" role="status">
          {t('complaintNew.done', { id: filed.id.slice(-6).toUpperCase() })}
        </p>
      )}
      <div className="cp-body">
        <div className="cp-chat">
          <div
            className="cp-log"
            ref={logRef}
            role="log"
            aria-live="polite"
            aria-label={t('pane.transcript')}
            tabIndex={0}
          >
            <Transcript messages={open.messages} myName={me.displayName} />
            {(state.typingUntil[c.id] ?? 0) > now && (
              <p className="cp-typing" aria-live="off">
                {t('pane.typing')}
              </p>
            )}
          </div>
          {canReply ? (
            <ReplyBox client={client} text={draft} setText={setDraft} canned={canned} />
          ) : (
            <p className="cp-hint">
              {c.status === 'queued' ? t('pane.acceptHint') : ended ? t('pane.resolved') : t('pane.readonly')}
            </p>
          )}
        </div>
        <div className="cp-side">
          <SuggestionsPanel
            client={client}
            conversationId={c.id}
            lastCustomerSeq={lastCustomerSeq}
            canReply={canReply}
            onInsert={(text) => {
              setDraft((d) => (d.trim() ? `${d.trimEnd()}\n${text}` : text));
              requestAnimationFrame(() => document.getElementById('cp-reply-input')?.focus());
            }}
          />
          <NotesPanel
            key={`${c.id}-${c.assignedAgent?.id ?? ''}`}
            conversationId={c.id}
            directory={directory}
          />
        </div>
      </div>
      {dialog === 'transfer' && <TransferDialog client={client} me={me} onClose={() => setDialog(null)} />}
      {dialog === 'complaint' && (
        <ComplaintDialog
          conversation={c}
          onClose={() => setDialog(null)}
          onCreated={(complaint) => {
            setDialog(null);
            setFiled(complaint);
            onComplaintOpened();
          }}
        />
      )}
    </section>
  );
}

export function ConversationPane({
  state,
  client,
  me,
  now,
  onComplaintOpened,
}: {
  state: ConsoleState;
  client: AgentClient;
  me: User;
  now: number;
  onComplaintOpened: () => void;
}) {
  const { t } = useI18n();
  const canned = useResource<{ replies: CannedReply[] }>('/api/agent/canned-replies', 5 * 60_000);
  const directory = useResource<AgentDirectory>('/api/agent/agents', 60_000);

  if (!state.selectedId) {
    return (
      <section className="cp cp--empty" aria-labelledby="cp-empty-title">
        <div className="cp-empty-art" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="40" height="40">
            <path
              fill="currentColor"
              d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2Z"
            />
          </svg>
        </div>
        <h2 id="cp-empty-title">{t('pane.empty.title')}</h2>
        <p>{t('pane.empty.text')}</p>
      </section>
    );
  }
  const errorText =
    state.error === 'taken'
      ? t('pane.taken')
      : state.error === 'load-failed'
        ? t('pane.loadFailed')
        : state.error === 'send-failed'
          ? t('reply.failed')
          : state.error === 'action-failed'
            ? t('action.failed')
            : null;
  if (!state.open) {
    return (
      <section className="cp cp--empty" aria-busy={state.loading}>
        {errorText ? (
          <p className="alert alert--error" role="alert">
            {errorText}
          </p>
        ) : (
          <p>{t('pane.loading')}</p>
        )}
      </section>
    );
  }
  return (
    <OpenChat
      key={state.open.conversation.id}
      open={state.open}
      state={state}
      client={client}
      me={me}
      now={now}
      canned={canned.data?.replies ?? []}
      directory={directory.data}
      errorText={errorText}
      onComplaintOpened={onComplaintOpened}
    />
  );
}
