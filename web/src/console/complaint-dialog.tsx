// An agent opens a complaint ticket for the open conversation (category, description, priority).
import { useState } from 'react';
import { request } from '../shared/api.js';
import type { ConversationSummary } from '../shared/types.js';
import type { Complaint, ComplaintPriority } from './api-types.js';
import { COMPLAINT_CATEGORIES, useI18n } from './messages.js';
import { ModalForm, SelectField, useSubmit } from './modal-form.js';

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
  const ready = category !== '' && description.trim() !== '';
  const { busy, failed, submit } = useSubmit(async () => {
    if (!ready) return true;
    const { complaint } = await request<{ complaint: Complaint }>('/api/agent/complaints', {
      method: 'POST',
      body: { conversationId: conversation.id, category, description: description.trim(), priority },
    });
    onCreated(complaint);
    return true;
  });

  return (
    <ModalForm
      id="complaint-new"
      title={t('complaintNew.title')}
      onClose={onClose}
      onSubmit={submit}
      error={failed ? t('action.failed') : null}
      canSubmit={ready && !busy}
      submitLabel={t('complaintNew.submit')}
    >
      <SelectField
        id="complaint-category"
        label={t('complaint.category')}
        value={category}
        onChange={setCategory}
        placeholder={t('complaintNew.chooseCategory')}
        options={COMPLAINT_CATEGORIES.map((c) => ({ value: c.value, label: t(c.key) }))}
        required
      />
      <SelectField
        id="complaint-priority"
        label={t('complaint.priority')}
        value={priority}
        onChange={setPriority}
        options={PRIORITIES.map((p) => ({ value: p, label: t(`complaintPriority.${p}`) }))}
      />
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
    </ModalForm>
  );
}
