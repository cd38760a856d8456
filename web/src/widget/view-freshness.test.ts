import { describe, expect, it } from 'vitest';
import type { CustomerConversationState } from '../shared/types.js';
import { ViewFreshness } from './view-freshness.js';

const view = (status: string, updatedAt?: string): CustomerConversationState =>
  ({ status, updatedAt }) as unknown as CustomerConversationState;

describe('ViewFreshness', () => {
  it('drops an HTTP answer older than the view the stream already showed', () => {
    const f = new ViewFreshness();
    const mark = f.mark();
    f.acceptFrame(view('assigned', '2026-11-28T10:00:05Z'));
    expect(f.acceptResponse(view('queued', '2026-11-28T10:00:01Z'), mark, true)).toBe(false);
    expect(f.acceptResponse(view('assigned', '2026-11-28T10:00:05Z'), mark, true)).toBe(true);
    expect(f.acceptResponse(view('resolved', '2026-11-28T10:00:09Z'), mark, true)).toBe(true);
  });

  it('without updatedAt, trusts an HTTP answer only if no frame arrived while it was out', () => {
    const f = new ViewFreshness();
    const mark = f.mark();
    expect(f.acceptResponse(view('queued'), mark, true)).toBe(true);
    f.acceptFrame(view('assigned'));
    expect(f.acceptResponse(view('queued'), mark, true)).toBe(false);
    expect(f.acceptResponse(view('queued'), mark, false)).toBe(true); // stream closed: HTTP is all we have
    expect(f.acceptResponse(view('assigned'), f.mark(), true)).toBe(true);
  });
});
