// The one-shot action of a review card (a cluster, a proposal): while it runs the card's buttons are
// disabled; on success the parent reloads and the card goes away, so `busy` stays set; on failure the
// card shows the error and can be used again.
import { useState } from 'react';
import { useErrorText } from './error-text.js';

export function useCardAction(onDone: (message: string) => Promise<void>) {
  const { errorText } = useErrorText();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setProblem(null);
    try {
      await onDone(await work());
    } catch (error) {
      setProblem(errorText(error));
      setBusy(false);
    }
  };

  return { busy, problem, setProblem, run };
}
