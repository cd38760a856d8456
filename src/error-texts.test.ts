import { describe, expect, it } from 'vitest';
import { ERROR_TEXTS } from './error-texts.js';

const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));

describe('error texts', () => {
  it('has a Chinese text for every reason, with no placeholder its English text does not fill', () => {
    for (const [reason, { en, zh }] of Object.entries(ERROR_TEXTS)) {
      // 1-based where the English text counts from 0.
      const filled = new Set([
        ...placeholders(en),
        ...(reason === 'entry.duplicate-id' ? ['otherNumber'] : []),
      ]);
      for (const name of placeholders(zh)) expect(filled.has(name), `${reason}: {${name}}`).toBe(true);
      if (reason !== 'entry.invalid') expect(zh, reason).toMatch(/\p{Script=Han}/u);
    }
  });
});
