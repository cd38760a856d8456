// After the conversation is resolved: a 1–5 rating with an optional comment (changeable later, also when
// the customer comes back through the conversation's link).
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useI18n } from './messages.js';
import { serviceApi, type Rating } from './service-api.js';
import type { Session } from './session.js';

const SCORES = [1, 2, 3, 4, 5] as const;
type Score = (typeof SCORES)[number];

export function RatingCard({ session }: { session: Session }) {
  const { t } = useI18n();
  const id = useId();
  const [rating, setRating] = useState<Rating | null>(null);
  const [editing, setEditing] = useState(true);
  const [score, setScore] = useState<Score | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    serviceApi
      .rating(session)
      .then((current) => {
        if (!live || !current) return;
        setRating(current);
        setEditing(false);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [session]);

  const label = (n: number) => t(`rating.${n as Score}`);

  if (rating && !editing) {
    return (
      <section className="zw-card zw-rating" aria-labelledby={`${id}-title`} data-rated={rating.score}>
        <h3 id={`${id}-title`} className="zw-card-title">
          {t('rating.thanks', { score: rating.score, label: label(rating.score) })}
        </h3>
        {rating.comment && <p className="zw-rating-comment">{rating.comment}</p>}
        <button
          type="button"
          className="zw-btn"
          onClick={() => {
            setScore(rating.score as Score);
            setComment(rating.comment ?? '');
            setEditing(true);
          }}
        >
          {t('rating.change')}
        </button>
      </section>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (score === null) return;
    setBusy(true);
    setError(null);
    try {
      setRating(await serviceApi.rate(session, score, comment));
      setEditing(false);
    } catch {
      setError(t('rating.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="zw-card zw-rating" aria-labelledby={`${id}-title`}>
      <form onSubmit={submit}>
        <fieldset className="zw-stars">
          <legend id={`${id}-title`} className="zw-card-title">
            {t('rating.title')}
            <span className="visually-hidden">（{t('rating.scale')}）</span>
          </legend>
          {SCORES.map((n) => (
            <label key={n} className={`zw-star ${score !== null && n <= score ? 'is-on' : ''}`}>
              <input
                type="radio"
                name={`${id}-score`}
                value={n}
                checked={score === n}
                onChange={() => setScore(n)}
              />
              <span aria-hidden="true" className="zw-star-icon">
                ★
              </span>
              <span className="zw-star-text">{t('rating.score', { n })}</span>
              <span className="visually-hidden">{label(n)}</span>
            </label>
          ))}
        </fieldset>
        {score !== null && <p className="zw-rating-label">{label(score)}</p>}
        <label className="zw-field">
          <span>{t('rating.comment')}</span>
          <textarea rows={2} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
        </label>
        {error && (
          <p className="zw-form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="zw-btn zw-btn--primary" disabled={busy || score === null}>
          {t('rating.submit')}
        </button>
      </form>
    </section>
  );
}
