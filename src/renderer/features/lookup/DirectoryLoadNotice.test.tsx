// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { createCallerIndex, identifyCaller } from '../../../shared/identify/index.js';
import { AppProviders } from '../../app/AppProviders.js';
import { createI18n } from '../../app/i18n/createI18n.js';
import { createQueryClient } from '../../app/queryClient.js';
import type { Services } from '../../app/services.js';
import type { CallsignDb } from '../../db/CallsignDb.js';
import { DirectoryIndexStore } from './DirectoryIndexStore.js';
import { DirectoryLoadNotice } from './DirectoryLoadNotice.js';
import { loadDirectoryReported } from './loadDirectoryReported.js';

afterEach(cleanup);

/** A cache whose IndexedDB cannot be opened (private mode, disk full, a broken profile). */
const brokenDb = {
  meta: { bulkGet: () => Promise.reject(new DOMException('The database is closed', 'InvalidStateError')) },
  indexSnapshots: { get: () => Promise.reject(new DOMException('The database is closed', 'InvalidStateError')) },
  siteChunks: { toArray: () => Promise.reject(new DOMException('The database is closed', 'InvalidStateError')) },
  siteProfiles: { toArray: () => Promise.reject(new DOMException('The database is closed', 'InvalidStateError')) },
  referenceChunks: { toArray: () => Promise.reject(new DOMException('The database is closed', 'InvalidStateError')) },
} as unknown as CallsignDb;

describe('the offline directory cannot be opened', () => {
  it('logs the failure with context and shows what no longer works', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const directory = new DirectoryIndexStore({ createIndex: createCallerIndex, identify: identifyCaller });
    directory.whenLoaded.catch(() => {}); // awaited by sync, which reports its own failure
    render(
      <AppProviders
        i18n={createI18n()}
        queryClient={createQueryClient()}
        services={{ directory } as unknown as Services}
      >
        <DirectoryLoadNotice />
      </AppProviders>,
    );
    expect(screen.queryByTestId('directory-load-failed')).toBeNull();
    await loadDirectoryReported(directory, brokenDb);
    expect(directory.loadFailed).toBe(true);
    expect((await screen.findByTestId('directory-load-failed')).textContent).toMatch(
      /offline directory could not be opened/,
    );
    expect(error).toHaveBeenCalledWith(
      expect.stringMatching(/offline directory/),
      expect.objectContaining({ name: 'InvalidStateError' }),
    );
    error.mockRestore();
  });
});

describe('damaged records found at load', () => {
  it('tells the user they were dropped and are being downloaded again', async () => {
    const directory = {
      loadFailed: false,
      cacheRepairs: [{ kind: 'site', id: 's3', reason: 'name: expected string' }],
    };
    render(
      <AppProviders
        i18n={createI18n()}
        queryClient={createQueryClient()}
        services={
          { directory: { ...directory, subscribe: () => () => {}, getVersion: () => 1 } } as unknown as Services
        }
      >
        <DirectoryLoadNotice />
      </AppProviders>,
    );
    expect((await screen.findByTestId('directory-repaired')).textContent).toBe(
      'One damaged record was found in the offline directory and dropped; it is being downloaded again.',
    );
  });
});
