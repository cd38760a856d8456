import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SparseVector } from '../engine/vectorizer.js';
import { clusterQuality } from './cluster-metrics.js';
import { averageLinkage, clusterTexts, onlineClusters } from './topic-clustering.js';

/** Textbook average linkage: merge the closest pair while its mean pairwise similarity ≥ threshold. */
function naiveAverageLinkage(vectors: SparseVector[], threshold: number): number[] {
  const cos = cosine;
  let groups = vectors.map((_, i) => [i]);
  for (;;) {
    let best: [number, number, number] | null = null;
    for (let a = 0; a < groups.length; a++)
      for (let b = a + 1; b < groups.length; b++) {
        let sum = 0;
        for (const i of groups[a]) for (const j of groups[b]) sum += cos(vectors[i], vectors[j]);
        const s = sum / (groups[a].length * groups[b].length);
        if (!best || s > best[2] + 1e-9) best = [a, b, s];
      }
    if (!best || best[2] < threshold) break;
    const [a, b] = best;
    groups = [...groups.filter((_, k) => k !== a && k !== b), [...groups[a], ...groups[b]]];
  }
  const assign = new Array<number>(vectors.length);
  groups.forEach((g, k) => g.forEach((i) => (assign[i] = k)));
  return assign;
}

/**
 * Random unit vectors over a few features, so that clusters form. Average linkage with ties has more than
 * one right answer, so weights are unbiased continuous doubles, every document has two features or more
 * (one-feature documents are all identical after normalisation), and cases with two equal non-zero
 * similarities are skipped (fc.pre).
 */
const vectorsArb = fc
  .array(
    fc.uniqueArray(
      fc.tuple(fc.integer({ min: 0, max: 5 }), fc.noBias(fc.double({ min: 0.1, max: 1, noNaN: true }))),
      {
        minLength: 2,
        maxLength: 3,
        selector: ([id]) => id,
      },
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((docs) =>
    docs.map((pairs): SparseVector => {
      const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
      const norm = Math.sqrt(sorted.reduce((s, [, w]) => s + w * w, 0));
      return {
        ids: Int32Array.from(sorted.map(([id]) => id)),
        vals: Float32Array.from(sorted.map(([, w]) => w / norm)),
      };
    }),
  );

function cosine(a: SparseVector, b: SparseVector): number {
  let s = 0;
  a.ids.forEach((id, i) => b.ids.forEach((jd, j) => (s += id === jd ? a.vals[i] * b.vals[j] : 0)));
  return s;
}

/** No two pairs equally similar (ties), and no pair at the threshold (float32 vs float64 rounding). */
function tieFree(vectors: SparseVector[], threshold: number): boolean {
  const sims: number[] = [];
  for (let i = 0; i < vectors.length; i++)
    for (let j = i + 1; j < vectors.length; j++) sims.push(cosine(vectors[i], vectors[j]));
  const nonZero = sims.filter((x) => x > 1e-9).sort((a, b) => a - b);
  return nonZero.every((x, k) => Math.abs(x - threshold) > 1e-5 && (k === 0 || x - nonZero[k - 1] > 1e-5));
}

describe('topic clustering', () => {
  it('gives the same partition as textbook average linkage (nearest-neighbour chain)', () => {
    fc.assert(
      fc.property(vectorsArb, fc.constantFrom(0.2, 0.3, 0.5), (vectors, threshold) => {
        fc.pre(tieFree(vectors, threshold));
        const fast = averageLinkage(vectors, threshold);
        const slow = naiveAverageLinkage(vectors, threshold);
        // Same partition: NMI 1 and the same number of groups (ties can pair differently only at equal scores).
        expect(clusterQuality(fast, slow.map(String)).purity).toBeCloseTo(1, 6);
        expect(new Set(fast).size).toBe(new Set(slow).size);
      }),
      { numRuns: Number(process.env.RUNS ?? 150) },
    );
  });

  it('groups questions on the same topic in Chinese and English, and keeps others apart', () => {
    const texts = [
      '以旧换新能抵多少钱',
      '以旧换新的流程是什么',
      '家电以旧换新怎么弄',
      'how do i reset my password',
      'i forgot my password, reset it',
      '礼品卡怎么激活',
    ];
    for (const method of ['average', 'online'] as const) {
      // Six texts alone give a poor idf (the server adds the KB's questions as background): a low bar.
      const { assign } = clusterTexts(texts, { method, threshold: 0.15 });
      expect(assign[0]).toBe(assign[1]);
      expect(assign[1]).toBe(assign[2]);
      expect(assign[3]).toBe(assign[4]);
      expect(new Set([assign[0], assign[3], assign[5]]).size).toBe(3);
    }
  });

  it('puts every item in its own group above any similarity', () => {
    const { vectors } = clusterTexts(['退款多久到账', '发票怎么开', '运费多少']);
    for (const cluster of [averageLinkage, onlineClusters]) expect(cluster(vectors, 1.01)).toEqual([0, 1, 2]);
    // Average linkage joins even unrelated groups below any similarity; online joins only groups sharing a feature.
    expect(averageLinkage(vectors, -1)).toEqual([0, 0, 0]);
    expect(clusterTexts([]).assign).toEqual([]);
  });
});

describe('cluster quality', () => {
  it('scores purity and NMI', () => {
    expect(clusterQuality([0, 0, 1, 1], ['a', 'a', 'b', 'b'])).toMatchObject({
      purity: 1,
      nmi: 1,
      clusters: 2,
      labels: 2,
      singletons: 0,
    });
    expect(clusterQuality([0, 1, 2, 3], ['a', 'a', 'b', 'b'])).toMatchObject({ purity: 1, singletons: 4 });
    expect(clusterQuality([0, 1, 2, 3], ['a', 'a', 'b', 'b']).nmi).toBeCloseTo(2 / 3, 6);
    expect(clusterQuality([0, 0, 0, 0], ['a', 'a', 'b', 'b'])).toMatchObject({ purity: 0.5, nmi: 0 });
    expect(clusterQuality([0, 1, 0, 1], ['a', 'a', 'b', 'b']).nmi).toBeCloseTo(0, 9);
    expect(() => clusterQuality([0], [])).toThrow(RangeError);
  });
});
