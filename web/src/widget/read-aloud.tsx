// Read a bot or agent message aloud with the browser's speech synthesis. The button is only shown when
// the browser has speech synthesis; pressing it again stops.
import { useEffect, useState } from 'react';
import { useI18n } from './messages.js';

export const canReadAloud = (): boolean =>
  typeof window !== 'undefined' &&
  'speechSynthesis' in window &&
  typeof window.SpeechSynthesisUtterance === 'function';

export function ReadAloudButton({ text, who }: { text: string; who: string }) {
  const { t, locale } = useI18n();
  const [speaking, setSpeaking] = useState(false);
  useEffect(
    () => () => {
      if (speaking) window.speechSynthesis.cancel();
    },
    [speaking],
  );
  if (!canReadAloud()) return null;
  const toggle = () => {
    const synth = window.speechSynthesis;
    synth.cancel();
    if (speaking) {
      setSpeaking(false);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = locale === 'en' ? 'en-US' : 'zh-CN';
    // Slower than default: easier to follow.
    utterance.rate = 0.85;
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    setSpeaking(true);
    synth.speak(utterance);
  };
  return (
    <button
      type="button"
      className="zw-read"
      aria-pressed={speaking}
      aria-label={t(speaking ? 'care.readStop.label' : 'care.read.label', { who })}
      onClick={toggle}
    >
      <span aria-hidden="true">{speaking ? '■' : '▶'}</span> {t(speaking ? 'care.readStop' : 'care.read')}
    </button>
  );
}
