import autocannon from 'autocannon';

export interface LoadResult {
  /** 2xx responses per second over the measured run. */
  rps: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  /** Milliseconds (autocannon's resolution is 1 ms). */
  latency: { mean: number; p50: number; p90: number; p99: number; max: number };
}

/** Hard cap on requests per run, far above what one Node process serves: bounds a run by count as well as time. */
const MAX_REQUESTS_PER_SECOND = 200_000;

/**
 * Drives `url` with autocannon from this process (the servers under test are other processes).
 * Only 127.0.0.1 may be loaded; a run is bounded by `duration`, by a request cap and by a hard stop.
 */
export async function runLoad(options: {
  url: string;
  duration: number;
  connections: number;
  headers?: Record<string, string>;
}): Promise<LoadResult> {
  const target = new URL(options.url);
  if (target.hostname !== '127.0.0.1') throw new Error(`load goes to 127.0.0.1 only, not ${target.hostname}`);
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.duration,
    pipelining: 1,
    timeout: 10,
    headers: options.headers ?? {},
    maxOverallRequests: Math.max(options.connections, MAX_REQUESTS_PER_SECOND * options.duration),
  });
  const hardStop = setTimeout(() => instance.stop(), (options.duration + 15) * 1000);
  try {
    const r = await instance;
    const seconds = r.duration > 0 ? r.duration : options.duration;
    return {
      rps: r['2xx'] / seconds,
      ok: r['2xx'],
      non2xx: r.non2xx,
      errors: r.errors,
      timeouts: r.timeouts,
      seconds,
      latency: {
        mean: r.latency.mean,
        p50: r.latency.p50,
        p90: r.latency.p90,
        p99: r.latency.p99,
        max: r.latency.max,
      },
    };
  } finally {
    clearTimeout(hardStop);
  }
}
