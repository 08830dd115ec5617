/**
 * One run at a time, and a trigger is never lost: a call while a run is under way waits for it and
 * then starts one more run (so whatever changed after the running one started is picked up); calls
 * while that next run is still waiting share it. For the directory sync (queries.ts): TanStack Query
 * cancels an in-flight fetch when a refetch or an invalidation asks for a new one (`cancelRefetch`,
 * the default), but a cancelled sync does not stop — it would go on writing pages beside the new run.
 */
export function serialRuns<T>(run: () => Promise<T>): () => Promise<T> {
  let current: Promise<T> | null = null;
  let next: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const p: Promise<T> = run().finally(() => {
      if (current === p) current = null;
    });
    current = p;
    return p;
  };
  return () => {
    if (!current) return start();
    next ??= current
      .then(
        () => undefined,
        () => undefined, // the running one's failure is its own callers' to handle
      )
      .then(() => {
        next = null;
        return start();
      });
    return next;
  };
}
