// @vitest-environment jsdom
// Issue 14 items 1 and 2: Esc never ends a request, cancelling asks first, and the site message is
// pinned on every step with a read confirmation before the request goes ahead.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { pickPasswordReset, renderWizardPage } from './wizardPage.testkit.js';

const MESSAGE = 'Email is down tonight 22:00–23:00 for maintenance. Do not reset passwords for the finance team.';

afterEach(cleanup);

/** Lets pending effects and IndexedDB writes settle, so "nothing was written" is a real observation. */
const settle = () => new Promise((r) => setTimeout(r, 50));

async function toApproverDecision() {
  await pickPasswordReset('other');
  fireEvent.click(await screen.findByTestId('start-call'));
  fireEvent.click(screen.getByTestId('dial-answered'));
  expect(screen.getByTestId('call-runner').dataset.status).toBe('awaiting_decision');
}

describe('Esc never ends a request', () => {
  it('Esc in the note field keeps the request open with the note, and writes nothing', async () => {
    const { db } = await renderWizardPage();
    await toApproverDecision();
    const note = screen.getByTestId('decision-note') as HTMLTextAreaElement;
    fireEvent.change(note, { target: { value: 'Lee is checking with finance' } });
    fireEvent.keyDown(note, { key: 'Escape' });
    fireEvent.keyDown(window, { key: 'Escape' });
    await settle();
    expect(screen.getByTestId('call-runner').dataset.status).toBe('awaiting_decision');
    expect((screen.getByTestId('decision-note') as HTMLTextAreaElement).value).toBe('Lee is checking with finance');
    expect(screen.queryByTestId('final-state')).toBeNull();
    expect(await db.approvals.count()).toBe(0);
  });

  it('Esc in a code field keeps the typed code and the request', async () => {
    const sent = { codeId: 'c1', sentTo: '+12065550101', expiresAt: new Date(Date.now() + 300_000).toISOString() };
    const { db } = await renderWizardPage({}, { 'sms.send': () => sent });
    const search = await screen.findByTestId('action-search');
    fireEvent.change(search, { target: { value: 'create active directory user' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    fireEvent.click(await screen.findByTestId('start-call')); // new_user_account: caller SMS code first
    expect(screen.getByTestId('call-runner').dataset.status).toBe('authenticating_caller');
    fireEvent.click(screen.getByTestId('caller-code-send'));
    const code = await screen.findByTestId('caller-code-input');
    fireEvent.change(code, { target: { value: '1234' } });
    fireEvent.keyDown(code, { key: 'Escape' });
    await settle();
    expect(screen.getByTestId('call-runner').dataset.status).toBe('authenticating_caller');
    expect((screen.getByTestId('caller-code-input') as HTMLInputElement).value).toBe('1234');
    expect(await db.approvals.count()).toBe(0);
  });

  it('Cancel asks first, quoting the note; Esc in the confirmation keeps the request; confirming records Cancelled', async () => {
    const { db } = await renderWizardPage();
    await toApproverDecision();
    fireEvent.change(screen.getByTestId('decision-note'), { target: { value: 'Caller hung up' } });
    fireEvent.click(screen.getByTestId('cancel'));
    const dialog = await screen.findByTestId('cancel-confirm');
    expect(dialog.textContent).toContain('“Caller hung up”');
    fireEvent.keyDown(within(dialog).getByTestId('cancel-confirm-confirm'), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('cancel-confirm')).toBeNull());
    expect(screen.getByTestId('call-runner').dataset.status).toBe('awaiting_decision');
    expect((screen.getByTestId('decision-note') as HTMLTextAreaElement).value).toBe('Caller hung up');

    fireEvent.click(screen.getByTestId('cancel'));
    fireEvent.click(await screen.findByTestId('cancel-confirm-confirm'));
    expect(screen.getByTestId('final-state').textContent).toBe('Canceled'); // en-US spelling (en-GB: Cancelled)
    await waitFor(async () => expect(await db.approvals.count()).toBe(1));
    const [row] = await db.approvals.toArray();
    expect(row?.record.finalState).toBe('cancelled');
    expect(row?.record.events.at(-1)).toMatchObject({ type: 'cancelled', note: 'Caller hung up' });
  });

  it('"Record: code not sent" (offline) also asks first, and Esc there keeps the request', async () => {
    const unreachable = () => {
      throw Object.assign(new Error('down'), { code: 'server_unreachable', message: 'down' });
    };
    const { db } = await renderWizardPage({}, { 'sms.send': unreachable });
    const search = await screen.findByTestId('action-search');
    fireEvent.change(search, { target: { value: 'create active directory user' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    fireEvent.click(await screen.findByTestId('start-call'));
    fireEvent.change(screen.getByTestId('decision-note'), { target: { value: 'Dana on a cell' } });
    fireEvent.click(screen.getByTestId('caller-code-send'));
    fireEvent.click(await screen.findByTestId('caller-code-unsent'));
    const dialog = await screen.findByTestId('caller-code-unsent-confirm');
    expect(dialog.textContent).toContain('Dana on a cell');
    fireEvent.keyDown(within(dialog).getByTestId('caller-code-unsent-confirm-confirm'), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('caller-code-unsent-confirm')).toBeNull());
    expect(screen.getByTestId('call-runner').dataset.status).toBe('authenticating_caller');
    expect(await db.approvals.count()).toBe(0);

    fireEvent.click(screen.getByTestId('caller-code-unsent'));
    fireEvent.click(await screen.findByTestId('caller-code-unsent-confirm-confirm'));
    expect(screen.getByTestId('final-state').textContent).toBe('Canceled'); // en-US spelling (en-GB: Cancelled)
    await waitFor(async () => expect(await db.approvals.count()).toBe(1));
    const [row] = await db.approvals.toArray();
    expect(row?.record.events.at(-1)).toMatchObject({
      type: 'cancelled',
      note: 'SMS code could not be sent (server unreachable) — Dana on a cell',
    });
  });

  it('C opens the confirmation; other shortcuts are off while it is open', async () => {
    const { db } = await renderWizardPage();
    await toApproverDecision();
    fireEvent.keyDown(document.body, { key: 'c' });
    const dialog = await screen.findByTestId('cancel-confirm');
    fireEvent.keyDown(document.body, { key: 'a' }); // would approve without the dialog
    await settle();
    expect(screen.getByTestId('call-runner').dataset.status).toBe('awaiting_decision');
    fireEvent.click(within(dialog).getByTestId('cancel-confirm-dismiss'));
    await waitFor(() => expect(screen.queryByTestId('cancel-confirm')).toBeNull());
    expect(await db.approvals.count()).toBe(0);
  });
});

describe('The site message follows the site through the wizard', () => {
  it('is pinned on every step: action, questions, preview, call runner and the final state', async () => {
    await renderWizardPage({ siteMessage: MESSAGE });
    const seen: string[] = [];
    const expectBanner = async (step: string) => {
      const banner = await screen.findByTestId('site-message');
      expect(banner.textContent).toContain('Do not reset passwords for the finance team.');
      expect(banner.dataset.pinned).toBe('true');
      seen.push(step);
    };
    await screen.findByTestId('action-search');
    await expectBanner('action');
    const search = screen.getByTestId('action-search');
    fireEvent.change(search, { target: { value: 'forgot password' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    await screen.findByTestId('question-subject');
    await expectBanner('questions');
    fireEvent.click(within(screen.getByTestId('question-subject')).getByLabelText("Another user's account"));
    fireEvent.click(screen.getByTestId('questions-next'));
    await screen.findByTestId('preview-outcome');
    await expectBanner('preview');
    fireEvent.click(screen.getByTestId('site-message-ack'));
    fireEvent.click(screen.getByTestId('start-call'));
    await expectBanner('dial');
    fireEvent.click(screen.getByTestId('dial-answered'));
    await expectBanner('decision');
    fireEvent.click(screen.getByTestId('approve'));
    expect(screen.getByTestId('final-state').textContent).toBe('Approved');
    await expectBanner('final');
    expect(seen).toEqual(['action', 'questions', 'preview', 'dial', 'decision', 'final']);
  });

  it('a password reset at a site whose message names it waits for the read confirmation, quoting the sentence', async () => {
    await renderWizardPage({ siteMessage: MESSAGE });
    await pickPasswordReset('other');
    const confirm = await screen.findByTestId('site-message-confirm');
    expect(confirm.dataset.namesAction).toBe('true');
    expect(within(confirm).getByTestId('site-message-named').textContent).toBe(
      'It says: “Do not reset passwords for the finance team.”',
    );
    expect(within(confirm).getByTestId('site-message-quote').textContent).toBe(MESSAGE);
    const start = screen.getByTestId('start-call') as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    fireEvent.click(start);
    expect(screen.queryByTestId('call-runner')).toBeNull();
    fireEvent.click(screen.getByTestId('site-message-ack'));
    expect(start.disabled).toBe(false);
    fireEvent.click(start);
    expect(screen.getByTestId('call-runner')).toBeTruthy();
  });

  it('an action the message does not name still asks (every site message is critical), without claiming it names it', async () => {
    await renderWizardPage({ siteMessage: MESSAGE });
    const search = await screen.findByTestId('action-search');
    fireEvent.change(search, { target: { value: 'vpn access' } });
    expect(screen.getAllByTestId('action-option')[0]?.textContent).toContain('Grant new VPN access');
    fireEvent.keyDown(search, { key: 'Enter' });
    const confirm = await screen.findByTestId('site-message-confirm');
    expect(confirm.dataset.namesAction).toBe('false');
    expect(within(confirm).queryByTestId('site-message-named')).toBeNull();
    expect((screen.getByTestId('start-call') as HTMLButtonElement).disabled).toBe(true);
  });

  it('going back to change the request asks again', async () => {
    await renderWizardPage({ siteMessage: MESSAGE });
    await pickPasswordReset('other');
    fireEvent.click(await screen.findByTestId('site-message-ack'));
    fireEvent.click(screen.getByTestId('change-action'));
    await pickPasswordReset('self');
    expect((await screen.findByTestId('site-message-ack')) as HTMLInputElement).toHaveProperty('checked', false);
    expect((screen.getByTestId('start-call') as HTMLButtonElement).disabled).toBe(true);
  });

  it('a site without a message shows no banner and no confirmation', async () => {
    await renderWizardPage();
    await pickPasswordReset('other');
    await screen.findByTestId('preview-outcome');
    expect(screen.queryByTestId('site-message')).toBeNull();
    expect(screen.queryByTestId('site-message-confirm')).toBeNull();
    expect((screen.getByTestId('start-call') as HTMLButtonElement).disabled).toBe(false);
  });
});
