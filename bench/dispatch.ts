/**
 * Dispatch, batch mode: the optimal assignment (Kuhn–Munkres, `munkres`) of pending orders to
 * workers over a score matrix, in process, on random scores with a third of the pairs infeasible
 * (as distance, skill and time filters leave them). Prints the median and p95 of several solves.
 * Not yet here: recommend over 10 000 workers with and without Redis (see docs/BENCHMARKS.md).
 */
import { optimalAssignment } from '../src/plugins/dispatch/server/src/domain/assignment';

function matrix(rows: number, cols: number, seed: number): number[][] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => (next() < 0.33 ? 0 : Math.round(next() * 1000) / 10 + 0.1)));
}

function time(rows: number, cols: number, runs: number) {
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const m = matrix(rows, cols, 42 + r);
    const t0 = process.hrtime.bigint();
    optimalAssignment(m);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(samples.length / 2)], p95: samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.95))] };
}

export default async function run(): Promise<void> {
  time(50, 100, 3); // warm-up
  for (const [rows, cols, runs] of [
    [200, 500, 10],
    [200, 1000, 5],
    [500, 500, 5],
    [1000, 2000, 3],
  ]) {
    const { p50, p95 } = time(rows, cols, runs);
    console.log(`dispatch_batch_${rows}x${cols}.p50 ${p50.toFixed(1)} ms`);
    console.log(`dispatch_batch_${rows}x${cols}.p95 ${p95.toFixed(1)} ms`);
  }
}

if (require.main === module) void run();
