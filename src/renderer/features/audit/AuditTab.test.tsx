// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AuditEntry, AuditVerification } from '../../../shared/api/audit.js';
import { AppError } from '../../../shared/api/errors.js';
import type { Handlers } from '../../../shared/ipc/contract.js';
import { renderPage } from '../../testing/renderPage.js';
import { AuditPage } from './AuditPage.js';

const entry = (seq: number, type: string, over: Partial<AuditEntry> = {}): AuditEntry => ({
  seq,
  at: new Date(Date.UTC(2026, 2, 1, 10, 0, seq)).toISOString(),
  actor: 'u3',
  type,
  subject: 'supervisor@callsign.demo',
  data: { method: 'password', deviceName: 'Desk, "A"' },
  prevHash: 'p'.repeat(64),
  hash: `${seq}`.padStart(64, 'a'),
  ...over,
});
// 150 entries: seq 150 (newest) … 1; every seq divisible by 3 a failed sign-in by an email address.
const ALL = Array.from({ length: 150 }, (_, i) => 150 - i).map((seq) =>
  seq % 3 === 0
    ? entry(seq, 'auth.sign_in_failed', {
        actor: 'tech@callsign.demo',
        subject: 'tech@callsign.demo',
        data: { reason: '=cmd|calc' },
      })
    : entry(seq, 'auth.sign_in'),
);

function handlers(
  verification: AuditVerification = { intact: true, brokenAt: null, entries: 150, head: 'abcdef0123456789'.repeat(4) },
): Partial<Handlers> {
  return {
    'admin.users': async () => ({
      users: [
        {
          id: 'u3',
          email: 'supervisor@callsign.demo',
          name: 'Sam',
          role: 'supervisor',
          createdAt: '2026-01-01T00:00:00.000Z',
          totpEnabled: false,
          activeDevices: 1,
        },
      ],
    }),
    'audit.list': async ({ before, type, limit }) => {
      const rows = ALL.filter((e) => (before === undefined || e.seq < before) && (!type || e.type === type));
      const page = rows.slice(0, limit);
      return { entries: page, next: rows.length > limit ? page[page.length - 1]!.seq : null };
    },
    'audit.verify': async () => verification,
  };
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('AuditTab', () => {
  it('shows the newest entries with labels and actor emails, loads older ones and filters by type', async () => {
    const { calls } = renderPage(<AuditPage />, { url: '/audit', handlers: handlers() });
    const rows = await screen.findAllByTestId('audit-row');
    expect(rows).toHaveLength(100);
    expect(within(rows[0]!).getByTestId('audit-event').textContent).toBe('Sign-in failed');
    expect(within(rows[1]!).getByTestId('audit-event').textContent).toBe('Signed in');
    await waitFor(() => expect(rows[1]!.textContent).toContain('supervisor@callsign.demo')); // actor u3 shown by email
    expect(rows[1]!.textContent).toContain('method: password · deviceName: Desk, "A"');
    expect(screen.getByTestId('audit-count').textContent).toBe('100 entries loaded');

    fireEvent.click(screen.getByTestId('audit-load-more'));
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(150));
    expect(screen.getByTestId('audit-end')).toBeTruthy();
    expect(calls.filter((c) => c.channel === 'audit.list').map((c) => c.payload)).toEqual([
      { limit: 100 },
      { limit: 100, before: 51 },
    ]);

    fireEvent.mouseDown(screen.getByTestId('audit-type-filter'));
    fireEvent.click(await screen.findByTestId('audit-type-auth.sign_in_failed'));
    await waitFor(() =>
      expect(
        screen.getAllByTestId('audit-row').every((r) => r.getAttribute('data-type') === 'auth.sign_in_failed'),
      ).toBe(true),
    );
    expect(screen.getAllByTestId('audit-row')).toHaveLength(50);
    expect(calls.at(-1)).toEqual({ channel: 'audit.list', payload: { limit: 100, type: 'auth.sign_in_failed' } });
  });

  it('from an approval record: starts at its entry, marks its entries and links back to the timeline', async () => {
    const rid = '7d1c9d1e-8c1a-4a5e-9a53-0a1b2c3d4e5f';
    const base = handlers();
    const { calls } = renderPage(<AuditPage />, {
      url: `/audit?at=40&subject=${rid}`,
      handlers: {
        ...base,
        'audit.list': async (p) => {
          const page = await base['audit.list']!(p);
          return {
            ...page,
            entries: page.entries.map((e) => (e.seq === 40 ? { ...e, type: 'approval.stored', subject: rid } : e)),
          };
        },
      },
    });
    const rows = await screen.findAllByTestId('audit-row');
    expect(calls.find((c) => c.channel === 'audit.list')?.payload).toEqual({ limit: 100, before: 41 });
    expect(rows[0]!.getAttribute('data-marked')).toBe('true');
    expect(rows[1]!.getAttribute('data-marked')).toBeNull();
    expect(screen.getByTestId('audit-starts-at').textContent).toContain('Showing the trail from entry #40');
    expect(within(rows[0]!).getByTestId('audit-open-record').getAttribute('href')).toBe(
      `/audit/approvals?record=${rid}`,
    );
    expect(within(rows[1]!).queryByTestId('audit-open-record')).toBeNull();
  });

  it('verifies the chain: intact in green with the head, broken in red naming the entry', async () => {
    renderPage(<AuditPage />, { url: '/audit', handlers: handlers() });
    await screen.findAllByTestId('audit-row');
    fireEvent.click(screen.getByTestId('audit-verify'));
    const ok = await screen.findByTestId('audit-verify-result');
    expect(ok.getAttribute('data-intact')).toBe('true');
    expect(ok.textContent).toBe('Chain intact — 150 entries, head abcdef012345…');
    cleanup();

    renderPage(<AuditPage />, {
      url: '/audit',
      handlers: handlers({ intact: false, brokenAt: 42, entries: 150, head: 'x'.repeat(64) }),
    });
    fireEvent.click(await screen.findByTestId('audit-verify'));
    const broken = await screen.findByTestId('audit-verify-result');
    expect(broken.getAttribute('data-intact')).toBe('false');
    expect(broken.textContent).toBe('Chain broken at entry #42 — entries from there on cannot be trusted.');
  });

  it('exports every matching entry on the server (not only the loaded page) as CSV, quoting and neutralising formula cells', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (blobs.push(b), 'blob:audit'));
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderPage(<AuditPage />, { url: '/audit', handlers: handlers() });
    expect(await screen.findAllByTestId('audit-row')).toHaveLength(100); // one page loaded…
    fireEvent.click(screen.getByTestId('audit-export'));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect((await blobs[0]!.text()).split('\r\n')).toHaveLength(152); // …all 150 exported: header, rows, the empty string after the last CRLF

    fireEvent.mouseDown(await screen.findByTestId('audit-type-filter'));
    fireEvent.click(await screen.findByTestId('audit-type-auth.sign_in_failed'));
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(50));
    fireEvent.click(screen.getByTestId('audit-export'));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(2));
    const lines = (await blobs[1]!.text()).split('\r\n');
    expect(lines[0]).toBe('seq,time,type,event,actor,subject,data,hash');
    expect(lines).toHaveLength(52);
    expect(lines[1]).toBe(
      `150,${ALL[0]!.at},auth.sign_in_failed,Sign-in failed,tech@callsign.demo,tech@callsign.demo,"{""reason"":""=cmd|calc""}",${ALL[0]!.hash}`,
    );
  });

  it('explains an empty log and offers a retry on error', async () => {
    renderPage(<AuditPage />, {
      url: '/audit',
      handlers: { 'admin.users': async () => ({ users: [] }), 'audit.list': async () => ({ entries: [], next: null }) },
    });
    expect((await screen.findByTestId('audit-empty')).textContent).toContain('No audit entries yet.');
    expect(screen.getByTestId('audit-export')).toHaveProperty('disabled', true);
    cleanup();

    let fail = true;
    renderPage(<AuditPage />, {
      url: '/audit',
      handlers: {
        ...handlers(),
        'audit.list': async (p) => {
          if (fail) throw new AppError('server_unreachable', 'Couldn’t reach the server.');
          return handlers()['audit.list']!(p);
        },
      },
    });
    const error = await screen.findByTestId('audit-error', undefined, { timeout: 5000 });
    expect(error.textContent).toContain('Couldn’t reach the server.');
    fail = false;
    fireEvent.click(within(error).getByRole('button'));
    expect(await screen.findAllByTestId('audit-row')).toHaveLength(100);
  });

  it('has a page of its own; the Admin page keeps only Accounts and Devices', async () => {
    renderPage(<AuditPage />, { url: '/audit', handlers: handlers() });
    expect(screen.getByTestId('audit-page').textContent).toContain('Audit trail');
    expect(await screen.findAllByTestId('audit-row')).toHaveLength(100);
  });
});
