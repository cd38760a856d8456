// The message box: Enter sends, Shift+Enter adds a line, and nothing is sent mid-IME composition.
import { useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { useI18n } from './messages.js';

export function Composer({
  onSend,
  onTyping,
  disabled,
  inputRef,
}: {
  onSend: (text: string) => void;
  onTyping: () => void;
  disabled: boolean;
  inputRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (disabled || !text.trim()) return;
    onSend(text);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      submit();
    }
  };
  return (
    <form className="zw-composer" onSubmit={submit}>
      <label htmlFor="zw-input" className="visually-hidden">
        {t('widget.input.label')}
      </label>
      <textarea
        id="zw-input"
        ref={inputRef}
        rows={1}
        maxLength={2000}
        value={text}
        placeholder={t('widget.input.placeholder')}
        onChange={(event) => {
          setText(event.target.value);
          onTyping();
        }}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="zw-send" disabled={disabled || !text.trim()}>
        {t('widget.send')}
      </button>
    </form>
  );
}
