// The title and answer of a KB entry written from a learning signal (a cluster of unanswered questions,
// an agent's proposal): the same two fields in both cards, labelled like the entry editor's.
import { useI18n } from './messages.js';

export function NewEntryFields({
  title,
  answer,
  onTitle,
  onAnswer,
  focusAnswer = false,
}: {
  title: string;
  answer: string;
  onTitle: (title: string) => void;
  onAnswer: (answer: string) => void;
  /** Focus the answer when the fields appear (the cluster card opens them on a click). */
  focusAnswer?: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <label className="field">
        <span>{t('editor.title')}</span>
        <input className="input" value={title} onChange={(event) => onTitle(event.target.value)} />
      </label>
      <label className="field">
        <span>{t('editor.answer')}</span>
        <textarea
          className="input"
          rows={3}
          value={answer}
          onChange={(event) => onAnswer(event.target.value)}
          autoFocus={focusAnswer}
        />
      </label>
    </>
  );
}
