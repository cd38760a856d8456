// Where to go if the business does not settle a complaint (协商 → 消协 → 12315 → 仲裁 → 诉讼), and what
// evidence to keep — the server's text, shown plainly.
import { useId } from 'react';
import { useI18n } from './messages.js';
import type { EscalationGuide } from './service-api.js';

export function EscalationGuideView({ guide }: { guide: EscalationGuide }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section className="zw-card zw-escalation" aria-labelledby={`${id}-title`} lang={guide.locale}>
      <h3 id={`${id}-title`} className="zw-card-title">
        {guide.title}
      </h3>
      <p>{guide.intro}</p>
      <ol className="zw-steps">
        {guide.steps.map((step) => (
          <li key={step.id} data-step={step.id}>
            <h4>{step.title}</h4>
            <p>
              <strong>{step.when}</strong>
            </p>
            <p>{step.how}</p>
            {step.contact && (
              <p>
                {t('escalation.contact')}
                {step.contact.url ? (
                  <a href={step.contact.url} target="_blank" rel="noopener noreferrer">
                    {step.contact.label}
                  </a>
                ) : (
                  step.contact.label
                )}
                {step.contact.phone && (
                  <>
                    {' · '}
                    <a href={`tel:${step.contact.phone}`}>{step.contact.phone}</a>
                  </>
                )}
              </p>
            )}
          </li>
        ))}
      </ol>
      <h4>{t('escalation.evidence')}</h4>
      <ul className="zw-evidence">
        {guide.evidence.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      {guide.notes.map((note) => (
        <p key={note} className="zw-note">
          {note}
        </p>
      ))}
    </section>
  );
}
