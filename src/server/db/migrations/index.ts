/** Static migration list (no file-system scanning, so it works bundled). Append; never edit. */
import type { Migration } from 'kysely';
import * as m0001 from './0001_initial.js';
import * as m0002approvals from './0002_approvals.js';
import * as m0003platform from './0003_platform.js';
import * as m0004rateLimits from './0004_rate_limits.js';
import * as m0005vault from './0005_vault.js';
import * as m0007auditAnchor from './0007_audit_anchor.js';
import * as m0006keysAtRest from './0006_keys_at_rest.js';
import * as m0008cti from './0008_cti.js';
import * as m0009approvalReview from './0009_approval_review.js';
import * as m0010userDisabled from './0010_user_disabled.js';
import * as m0011passwordChange from './0011_password_change.js';
import * as m0012credentialFeedBackOffice from './0012_credential_feed_back_office.js';
import * as m0013importJobs from './0013_import_jobs.js';
import * as m0014mailQueue from './0014_mail_queue.js';

export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_approvals': m0002approvals,
  '0003_platform': m0003platform,
  '0004_rate_limits': m0004rateLimits,
  '0005_vault': m0005vault,
  '0007_audit_anchor': m0007auditAnchor,
  '0006_keys_at_rest': m0006keysAtRest,
  '0008_cti': m0008cti,
  '0009_approval_review': m0009approvalReview,
  '0010_user_disabled': m0010userDisabled,
  '0011_password_change': m0011passwordChange,
  '0012_credential_feed_back_office': m0012credentialFeedBackOffice,
  '0013_import_jobs': m0013importJobs,
  '0014_mail_queue': m0014mailQueue,
};
