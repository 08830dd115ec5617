/** Static migration list (no file-system scanning, so it works bundled). Append; never edit. */
import type { Migration } from 'kysely';
import * as m0001 from './0001_initial.js';

export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
};
