// Quality of a clustering against known labels (pure): purity and normalized mutual information.
// Purity alone rewards many tiny clusters (all singletons score 1.0); NMI penalises that, so both are
// reported, together with the number of clusters found against the number of true labels.

export interface ClusterQuality {
  items: number;
  clusters: number;
  labels: number;
  /** Share of items whose cluster's majority label is their own label. */
  purity: number;
  /** Mutual information over the arithmetic mean of the two entropies (scikit-learn's default). */
  nmi: number;
  /** Clusters with one item. */
  singletons: number;
}

function counts<T>(values: readonly T[]): Map<T, number> {
  const m = new Map<T, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

function entropy(sizes: Iterable<number>, n: number): number {
  let h = 0;
  for (const c of sizes) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}

export function clusterQuality(assign: readonly number[], labels: readonly string[]): ClusterQuality {
  if (assign.length !== labels.length) throw new RangeError('one cluster id per label');
  const n = assign.length;
  const byCluster = new Map<number, Map<string, number>>();
  assign.forEach((c, i) => {
    let m = byCluster.get(c);
    if (!m) byCluster.set(c, (m = new Map()));
    m.set(labels[i], (m.get(labels[i]) ?? 0) + 1);
  });
  const clusterSizes = counts(assign);
  const labelSizes = counts(labels);
  let majority = 0;
  let mi = 0;
  for (const [c, m] of byCluster) {
    majority += Math.max(...m.values());
    const nc = clusterSizes.get(c) ?? 0;
    for (const [label, nij] of m) mi += (nij / n) * Math.log((n * nij) / (nc * (labelSizes.get(label) ?? 0)));
  }
  const hc = entropy(clusterSizes.values(), n);
  const hl = entropy(labelSizes.values(), n);
  const denominator = (hc + hl) / 2;
  return {
    items: n,
    clusters: clusterSizes.size,
    labels: labelSizes.size,
    purity: n === 0 ? 1 : majority / n,
    // Both partitions trivial (one group each): identical, so 1.
    nmi: denominator === 0 ? 1 : Math.max(0, mi / denominator),
    singletons: [...clusterSizes.values()].filter((s) => s === 1).length,
  };
}
