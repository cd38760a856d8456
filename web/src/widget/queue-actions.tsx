// What a waiting customer can do: leave the queue, or — when nobody can answer now (no agent online, or
// outside business hours) — say so honestly and offer a call back instead of an endless wait.
import { useState } from 'react';
import type { ChatMessage, ConversationStatus } from '../shared/types.js';
import { CallbackForm } from './callback-form.js';
import type { QueueInfo } from './conversation-client.js';
import { useI18n } from './messages.js';

export function QueueActions({
  status,
  queueInfo,
  busy,
  callbackTicket,
  messages,
  onLeave,
  onCallback,
}: {
  status: ConversationStatus | null;
  queueInfo: QueueInfo;
  busy: boolean;
  callbackTicket: string | null;
  messages: ChatMessage[];
  onLeave: () => void;
  onCallback: (input: { name: string; phone: string; question: string }) => Promise<unknown>;
}) {
  const { t } = useI18n();
  const [formOpen, setFormOpen] = useState(false);
  if (callbackTicket) {
    return (
      <div className="zw-queue zw-queue--done" role="status">
        <p>{t('callback.done', { id: callbackTicket })}</p>
      </div>
    );
  }
  if (status !== 'queued') return null;
  const nobody = queueInfo.withinHours === false || queueInfo.agentsAvailable === false;
  const lastQuestion = [...messages].reverse().find((m) => m.sender === 'customer')?.text ?? '';
  return (
    <div className="zw-queue">
      {nobody && !formOpen && (
        <p className="zw-queue-offer">
          {queueInfo.withinHours === false ? t('callback.offer.outOfHours') : t('callback.offer.noAgents')}
        </p>
      )}
      {formOpen ? (
        <CallbackForm
          initialQuestion={lastQuestion}
          onCancel={() => setFormOpen(false)}
          onSubmit={async (input) => {
            await onCallback(input);
            setFormOpen(false);
          }}
        />
      ) : (
        <div className="zw-queue-actions">
          {nobody && (
            <button type="button" className="zw-btn zw-btn--primary" onClick={() => setFormOpen(true)}>
              {t('callback.open')}
            </button>
          )}
          <button type="button" className="zw-btn" onClick={onLeave} disabled={busy}>
            {t('queue.leave')}
          </button>
        </div>
      )}
    </div>
  );
}
