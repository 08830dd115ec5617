/**
 * Import jobs, held in this server process's memory (a plan can hold 20k profiles; it lives only
 * between preview and apply): a random token per upload, the phase and progress a desktop polls
 * for its progress bar, the preview when validated and the result when applied. Tokens expire
 * after `ttlMs` of inactivity; at most `maxJobs` are kept (the oldest finished one makes room).
 * Apply is single-flight per token: the phase moves to `applying` synchronously, so a second apply
 * of the same token — however many arrive at once — gets 409.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/api/index.js';
import type { ApplyImportRequest, ImportJobStatus, SheetFormat } from '../../../shared/directory/import/index.js';
import type { PreparedImport, ProfileImporter } from './ProfileImporter.js';

export interface ImportJobsOptions {
  ttlMs: number;
  maxJobs: number;
  now: () => number;
  /** Where a job's unexpected failure is logged (the request that started it has already answered). */
  logError: (context: Record<string, unknown>, message: string) => void;
}

interface Job {
  status: ImportJobStatus;
  prepared?: PreparedImport;
  /** Settles when the current phase's work ends (tests and the CLI wait on it). */
  work: Promise<void>;
}

const RUNNING = new Set(['validating', 'applying']);

export class ImportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly importer: ProfileImporter,
    private readonly options: ImportJobsOptions,
  ) {}

  /** Starts validating an uploaded file; answers at once with the job (phase `validating`). */
  start(siteId: string, bytes: Uint8Array, format: SheetFormat): ImportJobStatus {
    this.makeRoom();
    const token = randomBytes(24).toString('base64url');
    const job: Job = {
      status: { token, siteId, phase: 'validating', done: 0, total: 0, expiresAt: this.expiry() },
      work: Promise.resolve(),
    };
    this.jobs.set(token, job);
    job.work = this.run(job, 'ready', async () => {
      job.prepared = await this.importer.prepare(siteId, bytes, format, (done, total) =>
        Object.assign(job.status, { done, total }),
      );
      job.status.preview = job.prepared.preview;
    });
    return { ...job.status };
  }

  status(token: string): ImportJobStatus {
    const job = this.find(token);
    job.status.expiresAt = this.expiry();
    return { ...job.status };
  }

  /**
   * Starts applying a validated job and answers once it has started (phase `applying`): 409 when
   * the site's profiles changed since the preview (checked again inside the transaction).
   */
  async apply(token: string, actor: string, request: ApplyImportRequest): Promise<ImportJobStatus> {
    const job = this.find(token);
    const { phase } = job.status;
    if (phase !== 'ready' || !job.prepared) {
      throw new AppError(
        'conflict',
        phase === 'validating'
          ? 'This file is still being checked. Wait until its preview is ready, then apply it.'
          : phase === 'failed'
            ? 'This import failed. Import the file again.'
            : 'This import has already been applied (or is being applied). Import the file again to change more.',
      );
    }
    const prepared = job.prepared;
    // Checked here too, so a refusal is the answer to this request rather than a failed job.
    if (prepared.preview.counts.failed > 0 && !request.skipFailedRows) {
      throw new AppError(
        'bad_request',
        `skipFailedRows: ${prepared.preview.counts.failed} row(s) have errors. Fix them and import the file again, or apply with the failing rows left out.`,
        'skipFailedRows',
      );
    }
    Object.assign(job.status, { phase: 'applying', done: 0, total: prepared.plan.writes.length });
    try {
      await this.importer.assertFresh(prepared);
    } catch (e) {
      job.status.phase = 'failed';
      if (e instanceof AppError) job.status.error = e.toBody().error;
      throw e;
    }
    job.work = this.run(job, 'applied', async () => {
      job.status.result = await this.importer.apply(prepared, actor, request, (done) => (job.status.done = done));
      job.status.done = job.status.total;
    });
    return { ...job.status };
  }

  /** Resolves with the job's status once its current phase has finished (for tests and the CLI). */
  async settled(token: string): Promise<ImportJobStatus> {
    await this.find(token).work;
    return this.status(token);
  }

  private async run(job: Job, next: 'ready' | 'applied', work: () => Promise<void>): Promise<void> {
    try {
      await work();
      job.status.phase = next;
    } catch (e) {
      job.status.phase = 'failed';
      if (e instanceof AppError) job.status.error = e.toBody().error;
      else {
        this.options.logError(
          { err: e, siteId: job.status.siteId, phase: next === 'ready' ? 'validating' : 'applying' },
          'profile import failed',
        );
        job.status.error = {
          code: 'internal',
          message:
            'The import failed on the server and nothing was changed. Try again; if it keeps failing, ask your administrator to check the server log.',
        };
      }
    } finally {
      job.status.expiresAt = this.expiry();
    }
  }

  private find(token: string): Job {
    const job = this.jobs.get(token);
    if (!job || (job.status.expiresAt < this.options.now() && !RUNNING.has(job.status.phase))) {
      this.jobs.delete(token);
      throw new AppError(
        'not_found',
        'This import is unknown or has expired (imports are kept for 30 minutes, on the server that checked them). Import the file again.',
        'token',
      );
    }
    return job;
  }

  private expiry(): number {
    return this.options.now() + this.options.ttlMs;
  }

  private makeRoom(): void {
    const now = this.options.now();
    for (const [token, job] of this.jobs)
      if (job.status.expiresAt < now && !RUNNING.has(job.status.phase)) this.jobs.delete(token);
    if (this.jobs.size < this.options.maxJobs) return;
    const oldest = [...this.jobs].find(([, job]) => !RUNNING.has(job.status.phase));
    if (!oldest) throw new AppError('unavailable', 'Too many imports are running at once. Try again in a minute.');
    this.jobs.delete(oldest[0]);
  }
}
