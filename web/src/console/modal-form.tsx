// The parts every console dialog is made of: a form in a Modal with one submit action (busy and
// failure states, an error line, Cancel/Submit), and a labelled <select> with a placeholder option.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from './messages.js';
import { Modal } from './modal.js';

/** Runs one submit at a time; `action` resolves to whether it worked. */
export function useSubmit(action: () => Promise<boolean>) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailed(false);
    const ok = await action().catch(() => false);
    setBusy(false);
    if (!ok) setFailed(true);
  };
  return { busy, failed, submit };
}

export function ModalForm({
  id,
  title,
  onClose,
  onSubmit,
  error,
  canSubmit,
  submitLabel,
  children,
}: {
  id: string;
  title: string;
  onClose: () => void;
  onSubmit: (event: FormEvent) => void;
  /** Shown as an alert above the actions when set. */
  error: string | null;
  canSubmit: boolean;
  submitLabel: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal id={id} title={title} onClose={onClose}>
      <form className="modal-form" onSubmit={onSubmit}>
        {children}
        {error && (
          <p className="alert alert--error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={!canSubmit}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function SelectField<V extends string>({
  id,
  label,
  value,
  onChange,
  placeholder,
  options,
  required = false,
}: {
  id: string;
  label: string;
  value: V;
  onChange: (value: V) => void;
  /** First option, with the empty value ("choose …"). */
  placeholder?: string;
  options: readonly { value: V; label: string }[];
  required?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="input"
        value={value}
        onChange={(e) => onChange(e.target.value as V)}
        required={required}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
