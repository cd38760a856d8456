// Transfer the open chat to a colleague or to a skill group, with a note the next agent reads.
import { useState, type FormEvent } from 'react';
import type { User } from '../shared/types.js';
import type { AgentClient } from './agent-client.js';
import type { AgentDirectory } from './api-types.js';
import { useI18n } from './messages.js';
import { Modal } from './modal.js';
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
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const colleagues = (directory.data?.agents ?? []).filter((a) => a.id !== me.id);
  const groups = directory.data?.groups ?? [];
  const target = mode === 'agent' ? agentId : group;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!target || busy) return;
    setBusy(true);
    setFailed(false);
    const extra = note.trim() ? { note: note.trim() } : {};
    const ok = await client.transfer(mode === 'agent' ? { agentId, ...extra } : { group, ...extra });
    setBusy(false);
    if (ok) onClose();
    else setFailed(true);
  };

  return (
    <Modal id="transfer" title={t('transfer.title')} onClose={onClose}>
      <form className="modal-form" onSubmit={submit}>
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
          <div className="field">
            <label htmlFor="transfer-agent">{t('transfer.agent')}</label>
            <select
              id="transfer-agent"
              className="input"
              value={agentId}
              onChange={(e) => setAgentId(e.target.value)}
              required
            >
              <option value="">{directory.data ? t('transfer.chooseAgent') : t('pane.loading')}</option>
              {colleagues.map((a) => (
                <option key={a.id} value={a.id}>
                  {t('transfer.agentOption', {
                    name: a.displayName,
                    presence: t(`presence.${a.presence}`),
                    active: a.active,
                    capacity: a.capacity,
                  })}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div className="field">
            <label htmlFor="transfer-group">{t('transfer.group')}</label>
            <select
              id="transfer-group"
              className="input"
              value={group}
              onChange={(e) => setGroup(e.target.value)}
              required
            >
              <option value="">{t('transfer.chooseGroup')}</option>
              {groups.map((g) => (
                <option key={g} value={g}>
                  {g}
                </option>
              ))}
            </select>
          </div>
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
        {(failed || directory.failed) && (
          <p className="alert alert--error" role="alert">
            {directory.failed ? t('pane.loadFailed') : t('transfer.failed')}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={!target || busy}>
            {busy ? t('transfer.busy') : t('transfer.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
