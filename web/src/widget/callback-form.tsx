// Leave name, phone and question for a call back when nobody can answer now (an inline form, no pop-up).
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from './messages.js';

const PHONE = /^[+0-9 ()-]{5,30}$/;

export function CallbackForm({
  onSubmit,
  onCancel,
  initialQuestion,
}: {
  onSubmit: (input: { name: string; phone: string; question: string }) => Promise<unknown>;
  onCancel: () => void;
  initialQuestion: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [question, setQuestion] = useState(initialQuestion);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const phoneInvalid = phone.trim() !== '' && !PHONE.test(phone.trim());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!PHONE.test(phone.trim())) {
      setError(t('callback.phone.invalid'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ name: name.trim(), phone: phone.trim(), question: question.trim() });
    } catch {
      setError(t('callback.failed'));
      setBusy(false);
    }
  };

  return (
    <form className="zw-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="zw-form-title">
        {t('callback.title')}
      </h3>
      <label className="zw-field">
        <span>{t('callback.name')}</span>
        <input
          required
          maxLength={100}
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label className="zw-field">
        <span>{t('callback.phone')}</span>
        <input
          required
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={30}
          aria-invalid={phoneInvalid}
          aria-describedby={`${id}-phone-hint`}
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
        />
        <small id={`${id}-phone-hint`}>
          {phoneInvalid ? t('callback.phone.invalid') : t('callback.phone.hint')}
        </small>
      </label>
      <label className="zw-field">
        <span>{t('callback.question')}</span>
        <textarea
          required
          rows={3}
          maxLength={2000}
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
        />
      </label>
      {error && (
        <p className="zw-form-error" role="alert">
          {error}
        </p>
      )}
      <div className="zw-form-actions">
        <button type="submit" className="zw-btn zw-btn--primary" disabled={busy}>
          {t('callback.submit')}
        </button>
        <button type="button" className="zw-btn" onClick={onCancel}>
          {t('callback.cancel')}
        </button>
      </div>
    </form>
  );
}
