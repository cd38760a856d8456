// A tiny weighted logistic regression (Newton's method on a handful of signals) that maps the
// classifier's raw signals to a calibrated probability, fitted on cross-validated predictions.

export interface Calibrator {
  /** Coefficients per signal, then the intercept last. */
  coef: Float64Array;
}

export function calibrate(c: Calibrator, signals: number[]): number {
  let z = c.coef[signals.length];
  for (let i = 0; i < signals.length; i++) z += c.coef[i] * signals[i];
  return 1 / (1 + Math.exp(-z));
}

/** Solves A x = b in place (Gaussian elimination with partial pivoting); A is n×n row-major. */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r * n + col]) > Math.abs(a[piv * n + col])) piv = r;
    if (piv !== col) {
      for (let k = 0; k < n; k++) [a[col * n + k], a[piv * n + k]] = [a[piv * n + k], a[col * n + k]];
      [b[col], b[piv]] = [b[piv], b[col]];
    }
    const d = a[col * n + col] || 1e-12;
    for (let r = col + 1; r < n; r++) {
      const f = a[r * n + col] / d;
      if (f === 0) continue;
      for (let k = col; k < n; k++) a[r * n + k] -= f * a[col * n + k];
      b[r] -= f * b[col];
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r];
    for (let k = r + 1; k < n; k++) s -= a[r * n + k] * x[k];
    x[r] = s / (a[r * n + r] || 1e-12);
  }
  return x;
}

/**
 * Fits P(target | signals). A small ridge keeps it stable when a signal is constant or the
 * classes are separable (tiny KBs).
 */
export function fitCalibrator(
  xs: number[][],
  targets: boolean[],
  weights: number[],
  ridge = 1e-2,
): Calibrator {
  const d = (xs[0]?.length ?? 0) + 1;
  let coef = new Float64Array(d);
  for (let iter = 0; iter < 30; iter++) {
    const h = new Float64Array(d * d);
    const g = new Float64Array(d);
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      const p = calibrate({ coef }, x);
      const wi = weights[i];
      const r = wi * (p - (targets[i] ? 1 : 0));
      const s = wi * Math.max(p * (1 - p), 1e-9);
      for (let a = 0; a < d; a++) {
        const xa = a < d - 1 ? x[a] : 1;
        g[a] += r * xa;
        for (let b = 0; b <= a; b++) h[a * d + b] += s * xa * (b < d - 1 ? x[b] : 1);
      }
    }
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < a; b++) h[b * d + a] = h[a * d + b];
      h[a * d + a] += ridge;
      g[a] += ridge * coef[a];
    }
    const step = solve(h, g, d);
    let change = 0;
    const next = new Float64Array(d);
    for (let a = 0; a < d; a++) {
      next[a] = coef[a] - step[a];
      change = Math.max(change, Math.abs(step[a]));
    }
    coef = next;
    if (change < 1e-6) break;
  }
  return { coef };
}
