// Transfer the open chat to a colleague or to a skill group, with a note the next agent reads.
import { useState } from 'react';
import type { User } from '../shared/types.js';
import type { AgentClient } from './agent-client.js';
import type { AgentDirectory } from './api-types.js';
import { useI18n } from './messages.js';
import { ModalForm, SelectField, useSubmit } from './modal-form.js';
import { useResource } from './use-resource.js';

export function TransferDialog({
  client,
  me,
  onClose,
}: {
  client: AgentClient;
  me: User;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const directory = useResource<AgentDirectory>('/api/agent/agents');
  const [mode, setMode] = useState<'agent' | 'group'>('agent');
  const [agentId, setAgentId] = useState('');
  const [group, setGroup] = useState('');
  const [note, setNote] = useState('');
  const colleagues = (directory.data?.agents ?? []).filter((a) => a.id !== me.id);
  const groups = directory.data?.groups ?? [];
  const target = mode === 'agent' ? agentId : group;

  const { busy, failed, submit } = useSubmit(async () => {
    if (!target) return true;
    const extra = note.trim() ? { note: note.trim() } : {};
    const ok = await client.transfer(mode === 'agent' ? { agentId, ...extra } : { group, ...extra });
    if (ok) onClose();
    return ok;
  });

  return (
    <ModalForm
      id="transfer"
      title={t('transfer.title')}
      onClose={onClose}
      onSubmit={submit}
      error={directory.failed ? t('pane.loadFailed') : failed ? t('transfer.failed') : null}
      canSubmit={target !== '' && !busy}
      submitLabel={busy ? t('transfer.busy') : t('transfer.submit')}
    >
      <fieldset className="modal-choice">
        <legend>{t('transfer.to')}</legend>
        <label>
          <input
            type="radio"
            name="transfer-mode"
            checked={mode === 'agent'}
            onChange={() => setMode('agent')}
          />
          {t('transfer.toAgent')}
        </label>
        <label>
          <input
            type="radio"
            name="transfer-mode"
            checked={mode === 'group'}
            onChange={() => setMode('group')}
          />
          {t('transfer.toGroup')}
        </label>
      </fieldset>
      {mode === 'agent' ? (
        <SelectField
          id="transfer-agent"
          label={t('transfer.agent')}
          value={agentId}
          onChange={setAgentId}
          placeholder={directory.data ? t('transfer.chooseAgent') : t('pane.loading')}
          options={colleagues.map((a) => ({
            value: a.id,
            label: t('transfer.agentOption', {
              name: a.displayName,
              presence: t(`presence.${a.presence}`),
              active: a.active,
              capacity: a.capacity,
            }),
          }))}
          required
        />
      ) : (
        <SelectField
          id="transfer-group"
          label={t('transfer.group')}
          value={group}
          onChange={setGroup}
          placeholder={t('transfer.chooseGroup')}
          options={groups.map((g) => ({ value: g, label: g }))}
          required
        />
      )}
      <div className="field">
        <label htmlFor="transfer-note">{t('transfer.note')}</label>
        <textarea
          id="transfer-note"
          aria-describedby="transfer-note-hint"
          className="input"
          rows={3}
          value={note}
          maxLength={2000}
          placeholder={t('transfer.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
        />
        <small id="transfer-note-hint">{t('transfer.noteHint')}</small>
      </div>
    </ModalForm>
  );
}
