// The reasons given to the entry checks' messages (the engine's and the answer links') must say the
// same as those messages: mapped back to English they are the message itself, word for word.
import { describe, expect, it } from 'vitest';
import { validateKnowledgeBase } from '../engine/kb-validation.js';
import { errorText } from '../error-texts.js';
import { entryReason } from './kb-files.js';
import { answerUrlErrors } from './rich-answer.js';

describe('entry check reasons', () => {
  it('maps every message of the entry checks to a reason whose English text is that message', () => {
    const result = validateKnowledgeBase({
      name: 'x',
      locale: 'zh-CN',
      entries: [
        'not an object',
        { id: '', title: 1, questions: [], answer: 2, category: 3, tags: 'x' },
        { id: 'a', title: 'a', questions: [1], answer: 'x' },
        { id: 'a', title: 'a', questions: [' '], answer: 'x' },
      ],
    });
    const messages = [
      ...(result.ok ? [] : result.errors.map((e) => e.message)),
      ...answerUrlErrors([
        { id: 'l', title: 'l', questions: ['q'], answer: '[a](/relative) [b](javascript:alert(1))' },
      ]).map((e) => e.message),
    ];
    expect(messages.length).toBeGreaterThanOrEqual(11);
    for (const message of messages) {
      const { reason, params } = entryReason(message);
      expect(reason, message).not.toBe('entry.invalid');
      expect(errorText(reason, params)).toBe(message);
    }
  });

  it('keeps a message it does not know, word for word', () => {
    expect(entryReason('something new')).toEqual({
      reason: 'entry.invalid',
      params: { message: 'something new' },
    });
    expect(errorText('entry.invalid', { message: 'something new' })).toBe('something new');
  });
});
