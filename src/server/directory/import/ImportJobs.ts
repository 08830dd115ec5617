/**
 * Import jobs, kept in the database (table `import_jobs`, migration 0013) so that every server process
 * sharing it answers for every job: behind a load balancer a desktop's polls and its apply may reach
 * any of them. Before, jobs lived in the memory of the process that checked the file, and a poll that
 * reached another one was told the import was unknown.
 *
 * A job: a random token per upload (only its SHA-256 is stored), the phase and progress a desktop
 * polls for its progress bar, the preview when validated, the plan between preview and apply, and
 * the result when applied. The process that received the upload validates it; the one that received
 * the apply applies it; each writes its progress to the row as it goes (a few writes a second at
 * most) and a heartbeat every few seconds. A job whose heartbeat stops (its process ended or hung)
 * is reported failed: nothing was changed (an apply is one transaction). Tokens expire after `ttlMs`
 * of inactivity; at most `maxJobs` are kept (the oldest finished one makes room).
 * Apply is single-flight per token across processes: the phase moves from `ready` to `applying` in
 * one conditional update, so of any number of applies of one token, however many arrive at once at
 * whichever processes, one starts and the others get 409.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/api/index.js';
import type {
  ApplyImportRequest,
  ImportJobStatus,
  ImportPhase,
  SheetFormat,
} from '../../../shared/directory/import/index.js';
import type { Database } from '../../db/schema.js';
import type { PreparedImport, ProfileImporter } from './ProfileImporter.js';

export interface ImportJobsOptions {
  ttlMs: number;
  maxJobs: number;
  now: () => number;
  /** Where a job's unexpected failure is logged (the request that started it has already answered). */
  logError: (context: Record<string, unknown>, message: string) => void;
  /** How often a running job's process writes that it is alive (default 5 s). */
  heartbeatMs?: number;
}

/** What the row's `status` JSON holds: the job's status less what has a column of its own. */
type Progress = Pick<ImportJobStatus, 'done' | 'total' | 'preview' | 'result' | 'error'>;

const RUNNING: ReadonlySet<string> = new Set(['validating', 'applying']);
/** Heartbeats missed before a running job counts as stopped. */
const MISSED_BEATS = 6;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

const STOPPED = {
  code: 'unavailable',
  message:
    'The server that was working on this import stopped before it finished; nothing was changed. Import the file again.',
};

const INTERNAL = {
  code: 'internal',
  message:
    'The import failed on the server and nothing was changed. Try again; if it keeps failing, ask your administrator to check the server log.',
};

export class ImportJobs {
  /** The work this process runs, by token hash: `settled` waits on it (tests and the CLI). */
  private readonly local = new Map<string, Promise<void>>();
  private readonly heartbeatMs: number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly importer: ProfileImporter,
    private readonly options: ImportJobsOptions,
  ) {
    this.heartbeatMs = options.heartbeatMs ?? 5_000;
  }

  /** Starts validating an uploaded file; answers at once with the job (phase `validating`). */
  async start(siteId: string, bytes: Uint8Array, format: SheetFormat): Promise<ImportJobStatus> {
    await this.makeRoom();
    const token = randomBytes(24).toString('base64url');
    const key = hashOf(token);
    const progress: Progress = { done: 0, total: 0 };
    const now = this.options.now();
    const expiresAt = this.expiry();
    await this.db
      .insertInto('import_jobs')
      .values({
        token_hash: key,
        site_id: siteId,
        phase: 'validating',
        status: JSON.stringify(progress),
        prepared: null,
        expires_at: expiresAt,
        heartbeat_at: now,
      })
      .execute();
    this.track(
      key,
      this.run(key, siteId, 'validating', async (report) => {
        const prepared = await this.importer.prepare(siteId, bytes, format, (done, total) => report({ done, total }));
        return { phase: 'ready', progress: { ...report.last, preview: prepared.preview }, prepared };
      }),
    );
    return { token, siteId, phase: 'validating', ...progress, expiresAt };
  }

  async status(token: string): Promise<ImportJobStatus> {
    const job = await this.find(token);
    const expiresAt = this.expiry();
    await this.db
      .updateTable('import_jobs')
      .set({ expires_at: expiresAt })
      .where('token_hash', '=', hashOf(token))
      .execute();
    return { ...job, expiresAt };
  }

  /**
   * Starts applying a validated job and answers once it has started (phase `applying`): 409 when
   * the site's profiles changed since the preview (checked again inside the transaction).
   */
  async apply(token: string, actor: string, request: ApplyImportRequest): Promise<ImportJobStatus> {
    const key = hashOf(token);
    const job = await this.find(token);
    if (job.phase !== 'ready') throw conflict(job.phase);
    // Checked here too, so a refusal is the answer to this request rather than a failed job.
    const failed = job.preview?.counts.failed ?? 0;
    if (failed > 0 && !request.skipFailedRows) {
      throw new AppError(
        'bad_request',
        `skipFailedRows: ${failed} row(s) have errors. Fix them and import the file again, or apply with the failing rows left out.`,
        'skipFailedRows',
      );
    }
    const row = await this.db
      .selectFrom('import_jobs')
      .select('prepared')
      .where('token_hash', '=', key)
      .executeTakeFirst();
    const prepared = row?.prepared ? (JSON.parse(row.prepared) as PreparedImport) : undefined;
    if (!prepared) throw conflict('applied');
    const progress: Progress = { done: 0, total: prepared.plan.writes.length, preview: job.preview };
    // The claim: one conditional update, so one apply wins across every process.
    const claimed = await this.db
      .updateTable('import_jobs')
      .set({ phase: 'applying', status: JSON.stringify(progress), heartbeat_at: this.options.now() })
      .where('token_hash', '=', key)
      .where('phase', '=', 'ready')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw conflict('applying');
    try {
      await this.importer.assertFresh(prepared);
    } catch (e) {
      await this.finish(key, 'failed', { ...progress, error: e instanceof AppError ? e.toBody().error : INTERNAL });
      throw e;
    }
    this.track(
      key,
      this.run(key, job.siteId, 'applying', async (report) => {
        report.last = progress;
        const result = await this.importer.apply(prepared, actor, request, (done) =>
          report({ done, total: progress.total }),
        );
        return { phase: 'applied', progress: { ...progress, done: progress.total, result } };
      }),
    );
    return { ...job, phase: 'applying', ...progress };
  }

  /** Resolves with the job's status once its current phase has finished (for tests and the CLI). */
  async settled(token: string): Promise<ImportJobStatus> {
    await this.local.get(hashOf(token));
    return this.status(token);
  }

  private track(key: string, work: Promise<void>): void {
    this.local.set(key, work);
    void work.finally(() => {
      if (this.local.get(key) === work) this.local.delete(key);
    });
  }

  /**
   * Runs one phase's work with its progress and heartbeat written to the row, then writes where it
   * ended. Never rejects: a failure is the job's `failed` phase (logged when it is not an AppError).
   */
  private async run(
    key: string,
    siteId: string,
    phase: ImportPhase,
    work: (
      report: ((p: Pick<Progress, 'done' | 'total'>) => void) & { last: Progress },
    ) => Promise<{ phase: ImportPhase; progress: Progress; prepared?: PreparedImport }>,
  ): Promise<void> {
    // Progress writes are chained (in order) and never awaited by the work; the end waits for them.
    let writes: Promise<unknown> = Promise.resolve();
    const write = (set: { status?: string }) => {
      writes = writes
        .then(() =>
          this.db
            .updateTable('import_jobs')
            .set({ ...set, heartbeat_at: this.options.now() })
            .where('token_hash', '=', key)
            .where('phase', '=', phase)
            .execute(),
        )
        .catch((err: unknown) =>
          this.options.logError({ err, siteId, phase }, 'could not save the progress of a profile import'),
        );
    };
    const report = Object.assign(
      (p: Pick<Progress, 'done' | 'total'>) => {
        report.last = { ...report.last, ...p };
        write({ status: JSON.stringify(report.last) });
      },
      { last: { done: 0, total: 0 } as Progress },
    );
    const beat = setInterval(() => write({}), this.heartbeatMs);
    beat.unref?.();
    let end: { phase: ImportPhase; progress: Progress; prepared?: PreparedImport };
    try {
      end = await work(report);
    } catch (e) {
      if (!(e instanceof AppError)) this.options.logError({ err: e, siteId, phase }, 'profile import failed');
      end = {
        phase: 'failed',
        progress: { ...report.last, error: e instanceof AppError ? e.toBody().error : INTERNAL },
      };
    } finally {
      clearInterval(beat);
    }
    await writes;
    try {
      // Only over its own phase: a job reported stopped meanwhile (its process hung) stays failed, and
      // the person imports again; except an apply that did commit, whose result is the truth.
      const over: ImportPhase[] = end.phase === 'applied' ? ['applying', 'failed'] : [phase];
      await this.finish(key, end.phase, end.progress, end.prepared, over);
    } catch (err) {
      this.options.logError({ err, siteId, phase }, 'could not save where a profile import ended');
    }
  }

  /**
   * Writes the phase a job ended in (when it is in one of `over`); the plan is kept only while the job
   * is ready to apply.
   */
  private async finish(
    key: string,
    phase: ImportPhase,
    progress: Progress,
    prepared?: PreparedImport,
    over: ImportPhase[] = ['applying'],
  ) {
    await this.db
      .updateTable('import_jobs')
      .set({
        phase,
        status: JSON.stringify(progress),
        prepared: prepared ? JSON.stringify(prepared) : null,
        expires_at: this.expiry(),
        heartbeat_at: this.options.now(),
      })
      .where('token_hash', '=', key)
      .where('phase', 'in', over)
      .execute();
  }

  private async find(token: string): Promise<ImportJobStatus> {
    const row = await this.db
      .selectFrom('import_jobs')
      .select(['site_id', 'phase', 'status', 'expires_at', 'heartbeat_at'])
      .where('token_hash', '=', hashOf(token))
      .executeTakeFirst();
    const now = this.options.now();
    if (!row || (Number(row.expires_at) < now && !RUNNING.has(row.phase))) {
      if (row) await this.db.deleteFrom('import_jobs').where('token_hash', '=', hashOf(token)).execute();
      throw new AppError(
        'not_found',
        'This import is unknown or has expired (imports are kept for 30 minutes). Import the file again.',
        'token',
      );
    }
    const progress = JSON.parse(row.status) as Progress;
    const job = { token, siteId: row.site_id, phase: row.phase as ImportPhase, expiresAt: Number(row.expires_at) };
    if (RUNNING.has(row.phase) && this.stopped(Number(row.heartbeat_at))) {
      // Its process is gone: say so, once, for every process that is asked.
      await this.db
        .updateTable('import_jobs')
        .set({ phase: 'failed', status: JSON.stringify({ ...progress, error: STOPPED }), prepared: null })
        .where('token_hash', '=', hashOf(token))
        .where('phase', '=', row.phase)
        .execute();
      return { ...job, ...progress, phase: 'failed', error: STOPPED };
    }
    return { ...job, ...progress };
  }

  private stopped(heartbeatAt: number): boolean {
    return this.options.now() - heartbeatAt > this.heartbeatMs * MISSED_BEATS;
  }

  private expiry(): number {
    return this.options.now() + this.options.ttlMs;
  }

  /** Drops expired and stopped jobs; past `maxJobs`, the oldest finished one. */
  private async makeRoom(): Promise<void> {
    const now = this.options.now();
    const rows = await this.db
      .selectFrom('import_jobs')
      .select(['token_hash', 'phase', 'expires_at', 'heartbeat_at'])
      .orderBy('heartbeat_at')
      .execute();
    const running = (r: (typeof rows)[number]) => RUNNING.has(r.phase) && !this.stopped(Number(r.heartbeat_at));
    const gone = rows.filter((r) => !running(r) && Number(r.expires_at) < now).map((r) => r.token_hash);
    const kept = rows.filter((r) => !gone.includes(r.token_hash));
    if (kept.length >= this.options.maxJobs) {
      const oldest = kept.find((r) => !running(r));
      if (!oldest) throw new AppError('unavailable', 'Too many imports are running at once. Try again in a minute.');
      gone.push(oldest.token_hash);
    }
    if (gone.length) await this.db.deleteFrom('import_jobs').where('token_hash', 'in', gone).execute();
  }
}

function conflict(phase: string): AppError {
  return new AppError(
    'conflict',
    phase === 'validating'
      ? 'This file is still being checked. Wait until its preview is ready, then apply it.'
      : phase === 'failed'
        ? 'This import failed. Import the file again.'
        : 'This import has already been applied (or is being applied). Import the file again to change more.',
  );
}
