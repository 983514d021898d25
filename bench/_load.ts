/** Closed-loop load: `concurrency` clients, each firing its next request when the last returns. */
export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
}

export async function load(total: number, concurrency: number, fire: (i: number) => Promise<boolean>): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = process.hrtime.bigint();
  async function client() {
    while (next < total) {
      const i = next++;
      const t0 = process.hrtime.bigint();
      const ok = await fire(i).catch(() => false);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (!ok) errors++;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { requests: total, errors, seconds, throughput: total / seconds, p50: pct(50), p95: pct(95), p99: pct(99) };
}

export function report(name: string, r: LoadResult): void {
  console.log(`${name}.throughput ${r.throughput.toFixed(1)} req/s`);
  console.log(`${name}.p50 ${r.p50.toFixed(1)} ms`);
  console.log(`${name}.p95 ${r.p95.toFixed(1)} ms`);
  console.log(`${name}.errors ${r.errors} count`);
}
