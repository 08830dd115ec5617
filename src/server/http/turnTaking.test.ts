import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTurnTaking } from './turnTaking.js';

/** A manual event loop: `run()` runs one scheduled turn; `clock` advances as admitted work "runs". */
function harness(costPerRequestMs: number, sliceMs = 15) {
  let clock = 0;
  const turns: Array<() => void> = [];
  const admittedPerTurn: number[] = [];
  const order: number[] = [];
  const t = createTurnTaking({ sliceMs, now: () => clock, schedule: (turn) => void turns.push(turn) });
  return {
    t,
    order,
    admittedPerTurn,
    enqueue(id: number) {
      t.wait(() => {
        order.push(id);
        clock += costPerRequestMs;
      });
    },
    run() {
      const turn = turns.shift();
      if (!turn) return false;
      const before = order.length;
      turn();
      admittedPerTurn.push(order.length - before);
      clock += 0.1; // the poll phase between turns
      return true;
    },
    get scheduledTurns() {
      return turns.length;
    },
  };
}

describe('turn taking', () => {
  it('admits in arrival order, whatever the pattern of arrivals and turns', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 30 }),
        (arrivals, cost) => {
          const h = harness(cost);
          let next = 0;
          for (const burst of arrivals) {
            for (let i = 0; i < burst; i++) h.enqueue(next++);
            h.run();
          }
          while (h.run());
          expect(h.order).toEqual(Array.from({ length: next }, (_, i) => i));
          expect(h.t.waiting).toBe(0);
        },
      ),
    );
  });

  it('keeps each turn near the slice once it has measured the cost: 10 ms requests go 1 per turn, 1 ms ones ~15', () => {
    const slow = harness(10);
    for (let i = 0; i < 100; i++) slow.enqueue(i);
    while (slow.run());
    expect(slow.admittedPerTurn.slice(5).every((n) => n <= 2)).toBe(true);

    const cheap = harness(1);
    for (let i = 0; i < 300; i++) cheap.enqueue(i);
    while (cheap.run());
    const steady = cheap.admittedPerTurn.slice(10, -1);
    expect(Math.min(...steady)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...steady)).toBeLessThanOrEqual(16);
  });

  it('schedules one turn at a time and none when idle', () => {
    const h = harness(1);
    h.enqueue(1);
    h.enqueue(2);
    expect(h.scheduledTurns).toBe(1);
    while (h.run());
    expect(h.scheduledTurns).toBe(0);
    h.enqueue(3);
    expect(h.scheduledTurns).toBe(1);
  });
});
