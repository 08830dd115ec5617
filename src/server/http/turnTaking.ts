/**
 * Requests take turns, a few per event-loop iteration, so a busy server keeps accepting connections.
 *
 * Why: Node (libuv 1.46, Node 20) accepts ONE new connection per event-loop iteration — measured
 * here with a bare `net` server: 100 connections opened at once were accepted at one per
 * iteration. Without turns an iteration runs every ready request back to back, so with 100 busy
 * keep-alive connections an iteration lasts 100 × the request cost (≈1 s for 10 ms sync pages),
 * a connection opened meanwhile waits ~1 s per connection ahead of it in the accept queue, and
 * autocannon's 10 s timeout fires (bench/server.ts: 26–62 timeouts per 20 s run, while the
 * server's own response times stayed under 300 ms). With turns, an iteration runs at most
 * `sliceMs` worth of requests; the rest wait in FIFO order for the next iteration, which first
 * accepts the next connection and reads new sockets. Throughput is unchanged (the same work runs,
 * only in more iterations); waiting is fairer (strict arrival order instead of epoll order).
 *
 * How many per turn: the average cost per admitted request, measured as the time between the
 * start of one turn and the next divided by the requests it admitted (a moving average).
 */
export interface TurnTaking {
  /** Calls `admit` in a later turn, in arrival order. */
  wait(admit: () => void): void;
  /** Requests waiting for a turn (for tests and diagnostics). */
  readonly waiting: number;
}

export interface TurnOptions {
  /** Work per iteration to aim for (default 15 ms). */
  sliceMs?: number;
  now?: () => number;
  /** How the next turn is scheduled; `setImmediate` runs it in the next iteration's check phase. */
  schedule?: (turn: () => void) => void;
}

export function createTurnTaking(options: TurnOptions = {}): TurnTaking {
  const sliceMs = options.sliceMs ?? 15;
  const now = options.now ?? (() => performance.now());
  const schedule = options.schedule ?? ((turn) => void setImmediate(turn));
  const queue: Array<() => void> = [];
  let head = 0;
  let scheduled = false;
  let costMs = 1; // per request, moving average
  let lastTurn: { at: number; admitted: number } | null = null;

  const turn = () => {
    scheduled = false;
    const at = now();
    if (lastTurn && lastTurn.admitted > 0) costMs = 0.8 * costMs + (0.2 * (at - lastTurn.at)) / lastTurn.admitted;
    const perTurn = Math.max(1, Math.min(64, Math.floor(sliceMs / Math.max(costMs, 0.05))));
    let admitted = 0;
    while (admitted < perTurn && head < queue.length) {
      const admit = queue[head]!;
      queue[head++] = undefined as never;
      admitted++;
      admit();
    }
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
    }
    lastTurn = { at, admitted };
    if (head < queue.length) {
      scheduled = true;
      schedule(turn);
    } else {
      lastTurn = null; // idle: the gap until the next request is not request cost
    }
  };

  return {
    wait(admit) {
      queue.push(admit);
      if (!scheduled) {
        scheduled = true;
        schedule(turn);
      }
    },
    get waiting() {
      return queue.length - head;
    },
  };
}
