import { describe, expect, it } from 'vitest';
import type { ApprovalListItem, ApprovalStats } from '../../shared/audit/index.js';
import { attachmentName } from './apiClient.js';
import { exportFileName } from './auditHandlers.js';
import { handlersBehindFakeServer, json, type Answer } from './fakeServerHarness.testkit.js';
import type { FileSaver } from './fileSaver.js';

const user = { id: 'u3', email: 'supervisor@callsign.demo', name: 'Sam Supervisor', role: 'supervisor' as const };
const item: ApprovalListItem = {
  id: '7d1c9d1e-8c1a-4a5e-9a53-0a1b2c3d4e5f',
  time: '2026-03-01T10:00:00.000Z',
  site: { id: 's1', name: 'Northwind HQ' },
  technician: { id: 'u1', name: 'Tess Tech' },
  callerName: 'Ann Caller',
  callerProfileId: 'p1',
  action: 'user.create_aduc',
  category: 'password_reset',
  outcome: 'approval_required',
  finalState: 'approved',
  ticket: 'T-1',
  approverName: 'Bo Boss',
  decisionMs: 60_000,
  flags: ['approver_not_listed'],
};
const stats: ApprovalStats = {
  perDay: [],
  timeToDecision: { overall: { count: 0, medianMs: null, p90Ms: null }, perDay: [] },
  escalationsBySite: [],
  topTechnicians: [],
  checkoutsByUser: [],
  flags: {},
};
const CSV = 'id,time\r\n1,2026\r\n';
const routes: Answer = ({ path }) => {
  if (path === '/v1/approvals') return json(200, { items: [item], nextCursor: 'c2' });
  if (path === '/v1/approvals/stats') return json(200, stats);
  if (path === '/v1/approvals/export')
    return new Response(CSV, {
      status: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="../callsign-approvals-x.csv"',
      },
    });
  return undefined;
};

async function signedIn(answer?: Answer, files?: FileSaver) {
  const h = handlersBehindFakeServer(user, routes, answer, files ? { files } : {});
  await h.client.invoke('session.login', { email: user.email, password: 'pw' });
  return h;
}

describe('approval review IPC channels', () => {
  it('sends every filter as the query string (booleans as true/false) and parses the page', async () => {
    const { client, calls } = await signedIn();
    const page = await client.invoke('audit.approvals', {
      siteId: 's1',
      technicianId: 'u1',
      flagged: true,
      q: 'urgent',
      from: '2026-03-01T00:00:00.000Z',
      limit: 200,
      cursor: 'c1',
    });
    expect(page).toEqual({ items: [item], nextCursor: 'c2' });
    await client.invoke('audit.approvalStats', { outcome: 'tier4', finalState: 'escalated_tier4' });
    expect(calls.slice(1)).toEqual([
      'GET /v1/approvals?from=2026-03-01T00%3A00%3A00.000Z&siteId=s1&technicianId=u1&q=urgent&flagged=true&sort=time_desc&limit=200&cursor=c1 Bearer AT1',
      'GET /v1/approvals/stats?outcome=tier4&finalState=escalated_tier4 Bearer AT1',
    ]);
  });

  it('refuses a malformed filter in main, before any server call', async () => {
    const { client, calls } = await signedIn();
    await expect(client.invoke('audit.approvals', { limit: 501 })).rejects.toMatchObject({ field: 'limit' });
    await expect(client.invoke('audit.approvals', { flag: 'nope' } as never)).rejects.toMatchObject({ field: 'flag' });
    await expect(client.invoke('audit.approvalsExport', { siteId: 's1' } as never)).rejects.toMatchObject({
      field: 'format',
    });
    expect(calls).toHaveLength(1);
  });

  it('passes 403 through and rejects a record that does not fit the schema', async () => {
    const { client } = await signedIn(({ path }) =>
      path === '/v1/approvals'
        ? json(403, { error: { code: 'forbidden', message: 'Your role cannot read the audit.' } })
        : path.startsWith('/v1/approvals/')
          ? json(200, { item: { id: 1 } })
          : undefined,
    );
    await expect(client.invoke('audit.approvals', {})).rejects.toMatchObject({ code: 'forbidden' });
    await expect(client.invoke('audit.approval', { id: 'a b' })).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringMatching(/^The server's answer to the approval record could not be read/),
    });
  });

  it('web bridge: hands the export to the renderer as bytes with a safe file name', async () => {
    const { client, calls } = await signedIn();
    const result = await client.invoke('audit.approvalsExport', { format: 'csv', siteId: 's1', flagged: true });
    expect(result).toEqual({
      via: 'renderer',
      filename: 'callsign-approvals-x.csv',
      contentType: 'text/csv; charset=utf-8',
      base64: Buffer.from(CSV).toString('base64'),
    });
    expect(calls.at(-1)).toBe('GET /v1/approvals/export?siteId=s1&flagged=true&format=csv Bearer AT1');
  });

  it('Electron: main saves through the save dialog, and says so when the person cancels', async () => {
    const saved: Array<{ name: string; text: string }> = [];
    let cancel = false;
    const files: FileSaver = {
      save: async (name, bytes) => {
        if (cancel) return null;
        saved.push({ name, text: Buffer.from(bytes).toString('utf8') });
        return { filename: 'chosen.csv' };
      },
    };
    const { client } = await signedIn(undefined, files);
    expect(await client.invoke('audit.approvalsExport', { format: 'csv' })).toEqual({
      via: 'main',
      saved: true,
      filename: 'chosen.csv',
    });
    expect(saved).toEqual([{ name: 'callsign-approvals-x.csv', text: CSV }]);
    cancel = true;
    expect(await client.invoke('audit.approvalsExport', { format: 'csv' })).toMatchObject({
      via: 'main',
      saved: false,
    });
  });

  it('an export error answer becomes the server’s AppError; a missing file name gets a dated one', async () => {
    const { client } = await signedIn(({ path }) =>
      path === '/v1/approvals/export'
        ? json(400, { error: { code: 'bad_request', message: 'Narrow the filter.', field: 'from' } })
        : undefined,
    );
    await expect(client.invoke('audit.approvalsExport', { format: 'xlsx' })).rejects.toMatchObject({
      code: 'bad_request',
      field: 'from',
    });
    expect(exportFileName('xlsx', new Date('2026-03-01T10:05:00Z'))).toBe('callsign-approvals-20260301-1005.xlsx');
  });
});

describe('attachmentName', () => {
  it('keeps a plain base name and drops folders, control characters and dot names', () => {
    expect(attachmentName('attachment; filename="a.csv"')).toBe('a.csv');
    expect(attachmentName("attachment; filename*=UTF-8''b%C3%A4.xlsx")).toBe('bä.xlsx');
    expect(attachmentName('attachment; filename="C:\\\\x\\\\..\\\\evil.csv"')).toBe('evil.csv');
    expect(attachmentName('attachment; filename="a\u0007b.csv"')).toBe('a_b.csv');
    expect(attachmentName('attachment; filename=".."')).toBeNull();
    expect(attachmentName(null)).toBeNull();
  });
});
