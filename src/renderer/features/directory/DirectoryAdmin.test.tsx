// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AppError } from '../../../shared/api/errors.js';
import type { AccountSummary } from '../../../shared/auth/accounts.js';
import type { ClientProfile, Site } from '../../../shared/domain/index.js';
import type { Handlers } from '../../../shared/ipc/contract.js';
import { renderPage } from '../../testing/renderPage.js';
import { AdminPage } from '../admin/AdminPage.js';
import { SITE_PICKER_LIMIT } from './DirectoryTab.js';

const admin: AccountSummary = {
  id: 'u0',
  email: 'admin@callsign.demo',
  name: 'Ada Admin',
  role: 'admin',
  createdAt: '2026-01-01T00:00:00.000Z',
  totpEnabled: false,
  activeDevices: 1,
};
const site: Site = {
  id: 'site-1',
  name: 'Acme HQ',
  companyName: 'Acme',
  country: 'US',
  mainPhones: [],
  noClientEmailDomain: false,
  rmmAgentOptIn: false,
};

function handlers(): Partial<Handlers> {
  return {
    'admin.users': async () => ({ users: [admin] }),
    'admin.invite': async (invite) => ({ user: { id: 'u9', ...invite }, oneTimePassword: 'abcde-fghjk-mnpqr-stuvw' }),
    'admin.directoryList': async ({ collection }) => ({ items: collection === 'sites' ? [site] : [], next: null }),
    'admin.directorySave': async ({ record }) => ({ seq: 42, record }),
  };
}

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;
const type = (testId: string, value: string) => fireEvent.change(input(testId), { target: { value } });

afterEach(cleanup);

describe('directory and account administration screens', () => {
  it('adds an account and shows its one-time password once; the last administrator’s role is locked', async () => {
    const { calls } = renderPage(<AdminPage role="admin" />, { handlers: handlers() });
    const row = (await screen.findAllByTestId('account-row'))[0]!;
    expect(within(row).getByText(/last administrator keeps this role/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('account-add'));
    fireEvent.click(await screen.findByTestId('account-add-submit'));
    expect(await screen.findByText('Enter the email address the person signs in with.')).toBeTruthy();
    expect(calls.some((c) => c.channel === 'admin.invite')).toBe(false);
    type('account-name', 'Nia New');
    type('account-email', 'nia@callsign.demo');
    fireEvent.click(screen.getByTestId('account-add-submit'));
    expect((await screen.findByTestId('one-time-password')).textContent).toBe('abcde-fghjk-mnpqr-stuvw');
    expect(calls.find((c) => c.channel === 'admin.invite')?.payload).toEqual({
      name: 'Nia New',
      email: 'nia@callsign.demo',
      role: 'technician',
    });
    fireEvent.click(screen.getByTestId('one-time-password-done'));
    await waitFor(() => expect(screen.queryByTestId('one-time-password')).toBeNull());
  });

  it('disables an account after a confirmation, shows the Disabled chip, and never offers to disable the last admin', async () => {
    const tech: AccountSummary = {
      ...admin,
      id: 'u1',
      email: 'tech@callsign.demo',
      name: 'Tim Tech',
      role: 'technician',
    };
    const gone: AccountSummary = { ...admin, id: 'u2', email: 'old@callsign.demo', name: 'Olga Old', disabled: true };
    const { calls } = renderPage(<AdminPage role="admin" />, {
      handlers: {
        ...handlers(),
        'admin.users': async () => ({ users: [admin, tech, gone] }),
        'admin.changeRole': async ({ userId, disabled }) => ({ ...tech, id: userId, disabled: disabled ?? false }),
      },
    });
    const rows = await screen.findAllByTestId('account-row');
    const row = (email: string) => rows.find((r) => r.getAttribute('data-email') === email)!;
    // The disabled administrator does not count: the enabled one is the last and cannot be disabled.
    expect((within(row('admin@callsign.demo')).getByTestId('account-disable') as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(within(row('old@callsign.demo')).getByTestId('account-disabled').textContent).toBe('Disabled');
    expect(within(row('old@callsign.demo')).getByTestId('account-enable')).toBeTruthy();
    expect(within(row('tech@callsign.demo')).queryByTestId('account-disabled')).toBeNull();

    fireEvent.click(within(row('tech@callsign.demo')).getByTestId('account-disable'));
    expect((await screen.findByTestId('account-disable-dialog')).textContent).toMatch(/Disable Tim Tech's account\?/);
    expect(calls.some((c) => c.channel === 'admin.changeRole')).toBe(false);
    fireEvent.click(screen.getByTestId('account-disable-dialog-confirm'));
    await waitFor(() =>
      expect(calls.find((c) => c.channel === 'admin.changeRole')?.payload).toEqual({ userId: 'u1', disabled: true }),
    );
    await waitFor(() => expect(screen.queryByTestId('account-disable-dialog')).toBeNull());
  });

  it('validates a new site with the shared schema, naming each field, and saves it in one request', async () => {
    const { calls } = renderPage(<AdminPage role="admin" />, { url: '/admin?tab=sites', handlers: handlers() });
    fireEvent.click(await screen.findByTestId('site-add'));
    type('site-emailDomain', 'not a domain');
    fireEvent.click(screen.getByTestId('site-save'));
    expect(screen.getByText('Enter the site name.')).toBeTruthy();
    expect(screen.getByText(/Enter a bare domain such as acme\.com/)).toBeTruthy();
    expect(screen.getByTestId('site-save-invalid').textContent).toMatch(/Fix the 3 fields/);
    type('site-name', 'Globex East');
    type('site-companyName', 'Globex');
    type('site-emailDomain', 'globex.com');
    fireEvent.click(screen.getByTestId('site-save'));
    await waitFor(() => expect(calls.filter((c) => c.channel === 'admin.directorySave')).toHaveLength(1));
    const saved = calls.find((c) => c.channel === 'admin.directorySave')!.payload as { create: boolean; record: Site };
    expect(saved.create).toBe(true);
    expect(saved.record).toMatchObject({ name: 'Globex East', companyName: 'Globex', emailDomain: 'globex.com' });
    expect(saved.record.id).toMatch(/^site-[0-9a-f]{8}$/);
  });

  it('lists at most SITE_PICKER_LIMIT sites in the picker, and finds any other by typing', async () => {
    const many = Array.from({ length: SITE_PICKER_LIMIT + 50 }, (_, i) => ({
      ...site,
      id: `site-${i}`,
      name: `Branch ${i}`,
    }));
    renderPage(<AdminPage role="supervisor" />, {
      url: '/admin?tab=sites',
      handlers: { ...handlers(), 'admin.directoryList': async () => ({ items: many, next: null }) },
    });
    fireEvent.keyDown(await screen.findByTestId('directory-site-picker'), { key: 'ArrowDown' });
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(SITE_PICKER_LIMIT));
    input('directory-site-picker').focus();
    type('directory-site-picker', 'Branch 149');
    await waitFor(() => expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Branch 149 — Acme']));
  });

  it('shows a supervisor the site forms read-only, without Save or the spreadsheet', async () => {
    renderPage(<AdminPage role="supervisor" />, { url: '/admin?tab=sites', handlers: handlers() });
    fireEvent.keyDown(await screen.findByTestId('directory-site-picker'), { key: 'ArrowDown' });
    fireEvent.click(await screen.findByText('Acme HQ — Acme'));
    expect((await screen.findByTestId('site-name')).hasAttribute('disabled')).toBe(true);
    expect(input('site-name').value).toBe('Acme HQ');
    expect(screen.queryByTestId('site-save')).toBeNull();
    expect(screen.queryByTestId('site-add')).toBeNull();
    expect(screen.queryByTestId('sites-delete')).toBeNull();
    expect(screen.queryByTestId('directory-section-import')).toBeNull();
  });
  it('adds a group contact, lists it as an approver, and carries a rename into the rule it is listed in', async () => {
    const { calls } = renderPage(<AdminPage role="admin" />, {
      url: '/admin?tab=sites',
      handlers: {
        ...handlers(),
        'admin.directoryGet': async () => {
          throw new AppError('not_found', 'This site has no approval rules yet.');
        },
      },
    });
    fireEvent.keyDown(await screen.findByTestId('directory-site-picker'), { key: 'ArrowDown' });
    fireEvent.click(await screen.findByText('Acme HQ — Acme'));
    fireEvent.click(await screen.findByTestId('directory-section-approvals'));
    fireEvent.click(await screen.findByTestId('group-contact-add', {}, { timeout: 5000 }));
    type('group-contact-name-0', 'Front desk');
    type('group-0-phone-number-0', '503 555 0100');
    const approvers = screen.getByTestId('policy-approvers');
    fireEvent.keyDown(approvers, { key: 'ArrowDown' });
    fireEvent.click(await screen.findByRole('option', { name: 'Front desk' }));
    expect(screen.getByTestId('approver-chip').textContent).toBe('1. Front desk');
    type('group-contact-name-0', 'Reception');
    expect(screen.getByTestId('approver-chip').textContent).toBe('1. Reception');
    expect(screen.getByTestId('group-contact-remove-0').getAttribute('title')).toMatch(/in 1 rule/);
    fireEvent.click(screen.getByTestId('notification-contact-add'));
    type('notification-contact-name-0', 'IT lead');
    type('notification-contact-email-0', 'not-an-email');
    fireEvent.click(screen.getByTestId('policy-save'));
    expect(await screen.findByText(/Enter a valid email address, such as it-lead@acme.com/)).toBeTruthy();
    type('notification-contact-email-0', 'it-lead@acme.com');
    fireEvent.click(screen.getByTestId('policy-save'));
    await waitFor(() => expect(calls.filter((c) => c.channel === 'admin.directorySave')).toHaveLength(1));
    const { record } = calls.find((c) => c.channel === 'admin.directorySave')!.payload as {
      record: {
        groupContacts: unknown[];
        notificationContacts: unknown[];
        policies: Record<string, { approvers: unknown[] }>;
      };
    };
    const reception = { kind: 'group', name: 'Reception', phones: [{ number: '503 555 0100', type: 'office' }] };
    expect(record.groupContacts).toEqual([reception]);
    expect(record.policies.password_reset!.approvers).toEqual([reception]);
    expect(record.notificationContacts).toEqual([{ name: 'IT lead', email: 'it-lead@acme.com' }]);
    // Removing the contact takes it out of the rule too.
    fireEvent.click(screen.getByTestId('group-contact-remove-0'));
    expect(screen.queryByTestId('approver-chip')).toBeNull();
  }, 60_000);
  it('deletes a person and a site after a confirmation that says what goes with them', async () => {
    const riley: ClientProfile = {
      id: 'p1',
      siteId: 'site-1',
      firstName: 'Riley',
      lastName: 'Quinn',
      phones: [{ number: '+15035550101', type: 'office' }],
      thinClient: false,
      psaContact: false,
    };
    const { calls } = renderPage(<AdminPage role="admin" />, {
      url: '/admin?tab=sites',
      handlers: {
        ...handlers(),
        'admin.directoryList': async ({ collection }) => ({
          items: collection === 'sites' ? [site] : collection === 'profiles' ? [riley] : [],
          next: null,
        }),
        'admin.directoryDelete': async () => ({ seq: 43 }),
      },
    });
    fireEvent.keyDown(await screen.findByTestId('directory-site-picker'), { key: 'ArrowDown' });
    fireEvent.click(await screen.findByText('Acme HQ — Acme'));
    fireEvent.click(await screen.findByTestId('directory-section-people'));
    fireEvent.click(await screen.findByText('Riley Quinn'));
    fireEvent.click(await screen.findByTestId('profiles-delete'));
    const personDialog = await screen.findByTestId('profiles-delete-dialog');
    expect(personDialog.textContent).toMatch(/Delete Riley Quinn\?/);
    fireEvent.click(within(personDialog).getByTestId('profiles-delete-dialog-confirm'));
    await waitFor(() =>
      expect(calls.filter((c) => c.channel === 'admin.directoryDelete').map((c) => c.payload)).toEqual([
        { collection: 'profiles', id: 'p1' },
      ]),
    );
    await waitFor(() => expect(screen.queryByTestId('profiles-delete')).toBeNull()); // the form closed
    fireEvent.click(screen.getByTestId('sites-delete'));
    const siteDialog = await screen.findByTestId('sites-delete-dialog');
    expect(siteDialog.textContent).toMatch(/with its 1 person and its approval rules/);
    fireEvent.click(within(siteDialog).getByTestId('sites-delete-dialog-dismiss'));
    await waitFor(() => expect(screen.queryByTestId('sites-delete-dialog')).toBeNull());
    expect(calls.filter((c) => c.channel === 'admin.directoryDelete')).toHaveLength(1); // cancelled: nothing sent
  }, 60_000);
});
