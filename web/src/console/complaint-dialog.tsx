// An agent opens a complaint ticket for the open conversation (category, description, priority).
import { useState, type FormEvent } from 'react';
import { request } from '../shared/api.js';
import type { ConversationSummary } from '../shared/types.js';
import type { Complaint, ComplaintPriority } from './api-types.js';
import { COMPLAINT_CATEGORIES, useI18n } from './messages.js';
import { Modal } from './modal.js';

const PRIORITIES: readonly ComplaintPriority[] = ['low', 'normal', 'high', 'urgent'];

export function ComplaintDialog({
  conversation,
  onClose,
  onCreated,
}: {
  conversation: ConversationSummary;
  onClose: () => void;
  onCreated: (complaint: Complaint) => void;
}) {
  const { t } = useI18n();
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState<ComplaintPriority>(
    conversation.care || conversation.priority === 'urgent' ? 'high' : 'normal',
  );
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!category || !description.trim() || busy) return;
    setBusy(true);
    setFailed(false);
    try {
      const { complaint } = await request<{ complaint: Complaint }>('/api/agent/complaints', {
        method: 'POST',
        body: { conversationId: conversation.id, category, description: description.trim(), priority },
      });
      onCreated(complaint);
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };

  return (
    <Modal id="complaint-new" title={t('complaintNew.title')} onClose={onClose}>
      <form className="modal-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="complaint-category">{t('complaint.category')}</label>
          <select
            id="complaint-category"
            className="input"
            value={category}
            onChange={(e) => setCategory(e.target.value)}
            required
          >
            <option value="">{t('complaintNew.chooseCategory')}</option>
            {COMPLAINT_CATEGORIES.map((c) => (
              <option key={c.value} value={c.value}>
                {t(c.key)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="complaint-priority">{t('complaint.priority')}</label>
          <select
            id="complaint-priority"
            className="input"
            value={priority}
            onChange={(e) => setPriority(e.target.value as ComplaintPriority)}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`complaintPriority.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="complaint-description">{t('complaint.description')}</label>
          <textarea
            id="complaint-description"
            className="input"
            rows={4}
            required
            maxLength={5000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        {failed && (
          <p className="alert alert--error" role="alert">
            {t('action.failed')}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className="btn btn--primary"
            disabled={busy || !category || !description.trim()}
          >
            {t('complaintNew.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
