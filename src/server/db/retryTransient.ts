/**
 * PostgreSQL may end one of several concurrent transactions with a deadlock or serialization failure
 * (SQLSTATE 40P01, 40001); its docs say to run such a transaction again. The transaction is
 * all-or-nothing, so `run` — the whole transaction — is retried a few times with a short random wait.
 */
const TRANSIENT = new Set(['40P01', '40001']);

export async function retryTransient<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (attempt >= attempts || typeof code !== 'string' || !TRANSIENT.has(code)) throw err;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
    }
  }
}
