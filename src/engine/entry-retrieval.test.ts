import { describe, expect, it } from 'vitest';
import {
  buildEntryIndex,
  entryCoverage,
  entryRetriever,
  mergeFeatures,
  retrieve,
} from './entry-retrieval.js';
import { extractFeatures } from './features.js';
import { normalizeText } from './normalize-text.js';

const f = (text: string) => extractFeatures(normalizeText(text));

// Two entries: the second has one example question, but its answer names what customers ask about.
const docs = [
  mergeFeatures([f('退款多久能到账'), f('钱什么时候退回来'), f('退款审核通过后1到3个工作日原路退回')]),
  mergeFeatures([f('坏了怎么修'), f('手机进水或摔坏不在保修范围内，可以付费维修')]),
];
const r = entryRetriever(buildEntryIndex(docs));

describe('entry retrieval', () => {
  it('ranks an entry by its answer text when its example questions do not match', () => {
    const got = retrieve(r, f('手机进水了还能修吗'), 2);
    expect(got.cosine[1]).toBeGreaterThan(got.cosine[0]);
    expect(got.cosine[1]).toBeLessThanOrEqual(1 + 1e-6);
  });

  it('measures how much of the informative wording an entry covers', () => {
    const covered = retrieve(r, f('退款多久到账'), 2);
    expect(entryCoverage(r, covered, 0)).toBeGreaterThan(0.8);
    const uncovered = retrieve(r, f('明天北京天气怎么样'), 2);
    expect(entryCoverage(r, uncovered, 0)).toBeLessThan(0.2);
    expect(entryCoverage(r, retrieve(r, f(''), 2), 0)).toBe(0);
  });
});
