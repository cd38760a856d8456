// The full transcript as an agent sees it, with the bot's decision shown quietly under each bot reply.
import { formatTime } from '../shared/i18n.js';
import type { BotMeta, ChatMessage } from '../shared/types.js';
import { reasonText, useI18n, type ConsoleKey } from './messages.js';

function BotDecision({ message }: { message: ChatMessage }) {
  const { t } = useI18n();
  const meta: BotMeta = { decision: message.decision, entryId: message.entryId, ...(message.meta ?? {}) };
  if (!meta.decision) return null;
  const entry = meta.entryTitle ?? meta.entryId;
  const candidates = (meta.ranked ?? []).slice(0, 3);
  return (
    <p className="tr-decision" data-decision={meta.decision}>
      <span className={`tr-chip tr-chip--${meta.decision}`}>
        {t('meta.decision')}：{t(`decision.${meta.decision}` as ConsoleKey)}
      </span>
      {entry && (
        <span>
          {t('meta.entry')}：{entry}
          {meta.entryTitle && meta.entryId ? <span className="tr-id"> ({meta.entryId})</span> : null}
        </span>
      )}
      {typeof meta.confidence === 'number' && (
        <span>
          {t('meta.confidence')}：{Math.round(meta.confidence * 100)}%
        </span>
      )}
      {meta.decision === 'handoff' && meta.handoffReason && (
        <span>
          {t('meta.reason')}：{reasonText(t, meta.handoffReason)}
        </span>
      )}
      {meta.mustNotAnswer && (
        <span data-testid="must-not-answer">
          {t('meta.mustNotAnswer', {
            example: meta.mustNotAnswer.example,
            similarity: Math.round(meta.mustNotAnswer.similarity * 100),
          })}
        </span>
      )}
      {meta.decision !== 'answer' && candidates.length > 0 && (
        <span>
          {t('meta.candidates')}：
          {candidates.map((c) => `${c.title ?? c.entryId} ${Math.round(c.confidence * 100)}%`).join(' · ')}
        </span>
      )}
    </p>
  );
}

export function Transcript({ messages, myName }: { messages: ChatMessage[]; myName: string }) {
  const { t, locale } = useI18n();
  return (
    <ol className="tr-list">
      {messages.map((m) => {
        if (m.sender === 'system') {
          return (
            <li key={m.seq} className="tr-msg tr-msg--system" data-seq={m.seq} data-sender="system">
              <p>{m.text}</p>
            </li>
          );
        }
        const name =
          m.sender === 'customer'
            ? t('sender.customer')
            : m.sender === 'bot'
              ? t('sender.bot')
              : (m.agentName ?? t('sender.agent'));
        return (
          <li key={m.seq} className={`tr-msg tr-msg--${m.sender}`} data-seq={m.seq} data-sender={m.sender}>
            <div className="tr-head">
              <span className="tr-name">
                {m.sender === 'agent' && m.agentName === myName ? `${name}（${t('sender.me')}）` : name}
              </span>
              <time dateTime={m.createdAt}>{formatTime(m.createdAt, locale)}</time>
            </div>
            <div className="tr-bubble">{m.text}</div>
            {m.sender === 'bot' && <BotDecision message={m} />}
          </li>
        );
      })}
    </ol>
  );
}
