/**
 * One server that shares its processor equally among the requests in it (processor sharing):
 * the model of one Node.js event loop interleaving the requests it has started, each needing
 * some CPU time. Requests of each kind arrive at random (a Poisson stream); what comes out is
 * each kind's response times in ms. No database, no second core, no garbage collection: what the
 * queue alone makes of the requests' CPU (docs/decisions/046-…).
 */
export type RequestKind = { name: string; perSecond: number; cpuMs: number };

/**
 * Each request's CPU is drawn within ±spread of its kind's mean: 0.2 by default, a guess of the
 * order of what bench:cpu's rounds vary by (it cannot see single requests). The p95s hardly move with it.
 */
export type Simulation = { seconds: number; seed: number; spread?: number };

export function simulateProcessorSharing(kinds: readonly RequestKind[], { seconds, seed, spread = 0.2 }: Simulation): Map<string, number[]> {
  const random = mulberry32(seed);
  const arrivals: { at: number; kind: RequestKind }[] = [];
  // The clock runs in ms, as the CPU times do.
  for (const kind of kinds) {
    const perMs = kind.perSecond / 1000;
    for (let at = exponential(random, perMs); at < seconds * 1000; at += exponential(random, perMs)) arrivals.push({ at, kind });
  }
  arrivals.sort((a, b) => a.at - b.at);

  const times = new Map(kinds.map((k) => [k.name, [] as number[]]));
  // Every request in the server gets the same share, so one clock of service given to each
  // (`served`) says when each is done: when it reaches what it had been given on arrival plus its CPU.
  let served = 0;
  let now = 0;
  const inside: { doneAt: number; arrived: number; kind: string }[] = [];
  let next = 0;
  while (next < arrivals.length || inside.length > 0) {
    const soonest = inside.reduce((min, r) => Math.min(min, r.doneAt), Infinity);
    const finishAt = inside.length > 0 ? now + (soonest - served) * inside.length : Infinity;
    const arrival = arrivals[next];
    if (arrival && arrival.at <= finishAt) {
      if (inside.length > 0) served += (arrival.at - now) / inside.length;
      now = arrival.at;
      const cpu = arrival.kind.cpuMs * (1 + spread * (2 * random() - 1));
      inside.push({ doneAt: served + cpu, arrived: now, kind: arrival.kind.name });
      next++;
    } else {
      served = soonest;
      now = finishAt;
      for (let i = inside.length - 1; i >= 0; i--) {
        // Requests of equal remaining CPU end together; sums of shares differ from it by rounding only.
        if (inside[i]!.doneAt <= served + 1e-9) {
          times.get(inside[i]!.kind)!.push(now - inside[i]!.arrived);
          inside.splice(i, 1);
        }
      }
    }
  }
  return times;
}

const exponential = (random: () => number, rate: number) => -Math.log(1 - random()) / rate;

/** A small seeded generator, so that a model's run can be repeated exactly. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
