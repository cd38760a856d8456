// The KB as one document (the KB file of DESIGN.md), put together from what storage keeps apart: the
// name and locale, a version's entries, and its "must not answer" examples.
import type { KbEntry, KnowledgeBase } from '../engine/types.js';

/**
 * The KB file of a version: its entries and "must not answer" examples with the KB's current name and
 * locale; `negatives` only when there are any, so a KB without them is exactly the DESIGN contract.
 */
export const kbAt = (
  meta: { name: string; locale: string },
  entries: KbEntry[],
  negatives: readonly string[] = [],
): KnowledgeBase => ({
  name: meta.name,
  locale: meta.locale,
  ...(negatives.length > 0 ? { negatives: [...negatives] } : {}),
  entries,
});
