// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { pickPasswordReset, renderWizardPage as setup } from './wizardPage.testkit.js';

afterEach(cleanup);

describe('ApprovalWizardPage', () => {
  it('proceed: previews, completes and writes a completed record to the outbox', async () => {
    const { db } = await setup();
    expect((await screen.findByTestId('security-references')).textContent).toContain('Verify the caller first');
    fireEvent.change(screen.getByTestId('ticket-input'), { target: { value: 'T-100' } });
    await pickPasswordReset('self');
    expect((await screen.findByTestId('preview-outcome')).textContent).toContain('Proceed');
    expect(screen.getByTestId('preview-reasons').textContent).toContain(
      "The site's rules for “Password reset” say no approval is needed.",
    );
    expect(screen.getByTestId('preview-reasons').textContent).not.toMatch(/noApprovalNeeded|policy:/);
    fireEvent.click(screen.getByTestId('start-call'));
    expect(screen.getByTestId('final-state').textContent).toBe('Completed');
    fireEvent.click(screen.getByTestId('complete'));
    await waitFor(async () => expect(await db.approvals.count()).toBe(1));
    const [row] = await db.approvals.toArray();
    expect(row?.record).toMatchObject({
      finalState: 'completed',
      ticket: 'T-100',
      caller: { profileId: 'p-dana', name: 'Dana Reyes' },
      technician: { id: 'u1', name: 'Tess Tech' },
    });
    expect(row?.uploadState).toBe('pending');
    expect((await screen.findByTestId('record-saved')).textContent).toContain('waiting to upload');
  });

  it('approval required: every planned dial unanswered → waiting for approver, with only legal buttons offered', async () => {
    const { db } = await setup();
    await pickPasswordReset('other');
    expect((await screen.findByTestId('preview-outcome')).textContent).toBe('Approval required');
    expect(screen.getAllByTestId('plan-dial')).toHaveLength(2);
    fireEvent.click(screen.getByTestId('start-call'));
    expect(screen.getAllByTestId('dial-step')).toHaveLength(2);
    expect(screen.queryByTestId('approve')).toBeNull(); // not reachable before the approver answers
    expect(screen.getByTestId('dial-number').textContent).toBe('+1 206 555 0121');
    fireEvent.click(screen.getByTestId('dial-no-answer'));
    expect(screen.getByTestId('dial-number').textContent).toBe('+1 206 555 0122');
    fireEvent.keyDown(window, { key: '3' }); // busy
    expect(screen.getByTestId('final-state').textContent).toBe('Waiting for approver');
    expect(screen.queryByTestId('dial-answered')).toBeNull();
    await waitFor(async () => expect(await db.approvals.count()).toBe(1));
    const [row] = await db.approvals.toArray();
    expect(row?.record.finalState).toBe('waiting_for_approver');
    expect(row?.record.events.map((e) => e.type === 'dialed' && e.result)).toEqual(['no_answer', 'busy']);
    expect(row?.record.events.every((e) => typeof e.at === 'string')).toBe(true);
  });

  it('approval required: answered → approved with the note', async () => {
    const { db } = await setup();
    await pickPasswordReset('other');
    fireEvent.click(await screen.findByTestId('start-call'));
    fireEvent.click(screen.getByTestId('dial-answered'));
    fireEvent.change(screen.getByTestId('decision-note'), { target: { value: 'OK from Lee' } });
    fireEvent.click(screen.getByTestId('approve'));
    expect(screen.getByTestId('final-state').textContent).toBe('Approved');
    await waitFor(async () => expect(await db.approvals.count()).toBe(1));
    const [row] = await db.approvals.toArray();
    expect(row?.record.events.at(-1)).toMatchObject({
      type: 'approverDecided',
      decision: 'approved',
      note: 'OK from Lee',
    });
  });
});
