import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderOutbox } from '../notify/FolderOutbox.js';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';

let t: TestApp;
let token: string;
let dir: string;
let clock: number;

async function setup(demo = true) {
  clock = Date.parse('2026-03-01T10:00:00Z');
  dir = mkdtempSync(join(tmpdir(), 'cs-sms-'));
  t = await createTestApp({
    now: () => clock,
    ...(demo ? { approvals: { mailer: new FolderOutbox(join(dir, 'outbox'), () => clock) } } : {}),
  });
  token = (await t.login()).accessToken;
}
afterEach(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const send = (payload: unknown, auth = token) =>
  t.app.inject({ method: 'POST', url: '/v1/sms/codes', headers: bearer(auth), payload: payload as object });
const check = (id: string, code: string, auth = token) =>
  t.app.inject({ method: 'POST', url: `/v1/sms/codes/${id}/check`, headers: bearer(auth), payload: { code } });
const outbox = () => t.app.inject({ method: 'GET', url: '/v1/outbox', headers: bearer(token) });
/** The code, read from the demo outbox as the caller would read it off their phone. */
async function lastCode(): Promise<string> {
  const text: string = (await outbox()).json().messages[0].text;
  return /verification code is (\d{6})\./.exec(text)![1]!;
}
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('POST /v1/sms/codes', () => {
  it("sends a 6-digit code by email-to-SMS to the caller's first SMS-capable mobile", async () => {
    await setup();
    const res = await send({ siteId: 'site-northwind', purpose: 'caller', profileId: 'prof-dana' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      codeId: expect.any(String),
      sentTo: '+1 ••• ••• 0101',
      expiresAt: '2026-03-01T10:05:00.000Z',
    });

    const list = await outbox();
    expect(list.statusCode).toBe(200);
    const [message] = list.json().messages;
    expect(message).toMatchObject({
      to: ['2065550101@txt.att.com'],
      subject: 'Verification code',
      sentAt: '2026-03-01T10:00:00.000Z',
    });
    expect(message.text).toMatch(
      /^Northwind IT Help Desk: your verification code is \d{6}\. It expires in 5 minutes\.$/,
    );
    const code = await lastCode();
    expect(JSON.stringify(body)).not.toContain(code);
    // The .eml is a real message for the same gateway address.
    const eml = readdirSync(join(dir, 'outbox')).find((f) => f.endsWith('.eml'))!;
    expect(readFileSync(join(dir, 'outbox', eml), 'utf8')).toMatch(/^To: 2065550101@txt\.att\.com$/m);

    // Stored only as a salted hash; the audit event names the recipient but not the code.
    const row = (await t.get('select * from sms_codes'))!;
    expect(row).toMatchObject({ id: body.codeId, sent_to: '+1 ••• ••• 0101', checks: 0, used_at: null });
    expect(String(row.code_hash)).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(code);
    const [event] = await t.services.audit.list({ type: 'sms.code_sent' });
    expect(event).toMatchObject({
      subject: body.codeId,
      data: { siteId: 'site-northwind', purpose: 'caller', profileId: 'prof-dana', sentTo: '+1 ••• ••• 0101' },
    });
    expect(JSON.stringify(await t.services.audit.list({ limit: 1000 }))).not.toContain(code);
  });

  it("reaches approvers by number (only the site's approver phones) or by the approver's own phones", async () => {
    await setup();
    const morgan = await send({
      siteId: 'site-northwind',
      purpose: 'approver',
      number: '+12065550121',
      smsGateway: '@txt.att.com',
    });
    expect(morgan.statusCode).toBe(201);
    expect(morgan.json().sentTo).toBe('+1 ••• ••• 0121');
    const luis = await send({ siteId: 'site-fabrikam', purpose: 'approver', number: '(312) 555-0144' });
    expect(luis.statusCode).toBe(201);
    expect((await outbox()).json().messages.map((m: { to: string[] }) => m.to[0])).toEqual([
      '3125550144@tmomail.net',
      '2065550121@txt.att.com',
    ]);

    const stranger = await send({
      siteId: 'site-northwind',
      purpose: 'approver',
      number: '+12065550177',
      smsGateway: '@txt.att.com',
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error).toMatchObject({ code: 'bad_request', field: 'number' });
    const otherGateway = await send({
      siteId: 'site-northwind',
      purpose: 'approver',
      number: '+12065550121',
      smsGateway: '@vtext.com',
    });
    expect(otherGateway.json().error.field).toBe('smsGateway');
    const harriet = await send({ siteId: 'site-contoso-london', purpose: 'approver', number: '07700 900456' });
    expect(harriet.statusCode).toBe(400);
    expect(harriet.json().error.message).toMatch(/Harriet Clarke has no mobile phone with an SMS gateway/);
    expect((await outbox()).json().messages).toHaveLength(2);
  });

  it('refuses what it cannot send, naming the field', async () => {
    await setup();
    const cases: Array<[unknown, number, string | undefined]> = [
      [{ siteId: 'site-nope', purpose: 'caller', profileId: 'prof-dana' }, 404, 'siteId'],
      [{ siteId: 'site-northwind', purpose: 'caller' }, 400, 'profileId'],
      [{ siteId: 'site-northwind', purpose: 'caller', profileId: 'prof-oliver' }, 404, 'profileId'], // another site's person
      [{ siteId: 'site-contoso-london', purpose: 'caller', profileId: 'prof-oliver' }, 400, 'profileId'], // no SMS gateway
      [{ siteId: 'site-northwind', purpose: 'approver' }, 400, 'number'],
      [{ siteId: 'site-northwind', purpose: 'auditor', profileId: 'prof-dana' }, 400, 'purpose'],
      [{ purpose: 'caller', profileId: 'prof-dana' }, 400, 'siteId'],
    ];
    for (const [payload, status, field] of cases) {
      const res = await send(payload);
      expect([res.statusCode, res.json().error.field], JSON.stringify(payload)).toEqual([status, field]);
    }
    expect(
      (await send({ siteId: 'site-northwind', purpose: 'caller', profileId: 'prof-dana' }, 'csa_not-a-token'))
        .statusCode,
    ).toBe(401);
    expect((await outbox()).json().messages).toHaveLength(0);
  });

  it('without the demo outbox: 503 naming SMTP_URL, and GET /v1/outbox is 404', async () => {
    await setup(false);
    const res = await send({ siteId: 'site-northwind', purpose: 'caller', profileId: 'prof-dana' });
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toMatchObject({ code: 'unavailable', message: expect.stringContaining('SMTP_URL') });
    expect(await t.get('select count(*) as n from sms_codes')).toEqual({ n: 0 });
    const box = await outbox();
    expect(box.statusCode).toBe(404);
    expect(box.json().error.code).toBe('not_found');
  });
});

describe('POST /v1/sms/codes/:id/check', () => {
  it('accepts the right code once, counting wrong tries', async () => {
    await setup();
    const { codeId } = (await send({ siteId: 'site-northwind', purpose: 'caller', profileId: 'prof-dana' })).json();
    const code = await lastCode();
    const bad = await check(codeId, wrong(code));
    expect(bad.statusCode).toBe(200);
    expect(bad.json()).toEqual({ ok: false, attemptsLeft: 2, reason: 'wrong_code' });
    expect((await check(codeId, code)).json()).toEqual({ ok: true, attemptsLeft: 0 });
    expect((await check(codeId, code)).json()).toEqual({ ok: false, attemptsLeft: 0, reason: 'already_used' });
    const events = await t.services.audit.list({ type: 'sms.code_checked' });
    expect(events.map((e) => e.data.ok)).toEqual([false, true]);
  });

  it("allows at most 3 checks (the wizard's limit), then the code is dead even when right", async () => {
    await setup();
    const { codeId } = (await send({ siteId: 'site-northwind', purpose: 'caller', profileId: 'prof-dana' })).json();
    const code = await lastCode();
    const left = [];
    for (let i = 0; i < 3; i++) left.push((await check(codeId, wrong(code))).json());
    expect(left.map((r) => r.attemptsLeft)).toEqual([2, 1, 0]);
    expect(left[2]).toEqual({ ok: false, attemptsLeft: 0, reason: 'too_many_attempts' });
    expect((await check(codeId, code)).json()).toEqual({ ok: false, attemptsLeft: 0, reason: 'too_many_attempts' });
  });

  it('counts wrong checks per person: a re-sent code keeps the count, and the audit says what the answer said', async () => {
    await setup();
    const dana = { siteId: 'site-northwind', purpose: 'caller', profileId: 'prof-dana' };
    const first = (await send(dana)).json().codeId;
    const answers = [(await check(first, wrong(await lastCode()))).json()];
    const second = (await send(dana)).json().codeId;
    answers.push((await check(second, wrong(await lastCode()))).json());
    expect(answers.map((a) => a.attemptsLeft)).toEqual([2, 1]);
    const audited = await t.services.audit.list({ type: 'sms.code_checked' });
    expect(audited.map((e) => e.data.attemptsLeft).sort()).toEqual([1, 2]);
    // The last try still works with the right code.
    expect((await check(second, await lastCode())).json()).toEqual({ ok: true, attemptsLeft: 0 });
    // Another person (or the same one after the code lifetime) starts afresh.
    clock += 5 * 60_000 + 1;
    const later = (await send(dana)).json().codeId;
    expect((await check(later, wrong(await lastCode()))).json().attemptsLeft).toBe(2);
  });

  it('counts no more than 3 checks, and accepts a right code once, under many concurrent checks', async () => {
    await setup();
    const { codeId } = (await send({ siteId: 'site-northwind', purpose: 'caller', profileId: 'prof-dana' })).json();
    const code = await lastCode();
    const guesses = await Promise.all(Array.from({ length: 20 }, () => check(codeId, wrong(code))));
    expect(guesses.every((r) => r.statusCode === 200 && r.json().ok === false)).toBe(true);
    expect(await t.services.audit.list({ type: 'sms.code_checked' })).toHaveLength(3);
    expect(guesses.filter((r) => r.json().reason === 'wrong_code')).toHaveLength(2);
    const row = await t.get<{ checks: number }>('select checks from sms_codes where id = ?', codeId);
    expect(Number(row!.checks)).toBe(3);

    clock += 5 * 60_000 + 1; // past the dead code's lifetime, so the new one starts afresh
    await send({ siteId: 'site-northwind', purpose: 'caller', profileId: 'prof-dana' }); // a fresh code
    const fresh = (await t.all<{ id: string }>('select id from sms_codes where id <> ?', codeId))[0]!.id;
    const right = await lastCode();
    const tries = await Promise.all(Array.from({ length: 20 }, () => check(fresh, right)));
    expect(tries.filter((r) => r.json().ok === true)).toHaveLength(1);
    expect(tries.filter((r) => r.statusCode === 200 && r.json().ok === false)).toHaveLength(19);
  });

  it('expires after 5 minutes (injected clock)', async () => {
    await setup();
    const { codeId } = (await send({ siteId: 'site-northwind', purpose: 'caller', profileId: 'prof-dana' })).json();
    const code = await lastCode();
    clock += 5 * 60_000 - 1;
    expect((await check(codeId, wrong(code))).json().reason).toBe('wrong_code');
    clock += 1;
    expect((await check(codeId, code)).json()).toEqual({ ok: false, attemptsLeft: 0, reason: 'expired' });
  });

  it('rejects a malformed code or id, an unknown id and another technician', async () => {
    await setup();
    const { codeId } = (await send({ siteId: 'site-northwind', purpose: 'caller', profileId: 'prof-dana' })).json();
    const malformed = await check(codeId, '12345');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatchObject({ field: 'code', message: expect.stringContaining('6-digit') });
    expect((await check('not-a-uuid', '123456')).json().error.field).toBe('id');
    expect((await check('7f1d5c3e-2b8a-4c1e-9d3f-0a1b2c3d4e5f', '123456')).statusCode).toBe(404);
    const other = (await t.login('noc@callsign.demo')).accessToken;
    expect((await check(codeId, '123456', other)).statusCode).toBe(404);
    expect((await check(codeId, '123456', 'csa_nope')).statusCode).toBe(401);
  });

  it('never writes a code to the log, an error message or a response', async () => {
    await setup();
    const sent = await send({ siteId: 'site-northwind', purpose: 'caller', profileId: 'prof-dana' });
    const code = await lastCode();
    const responses = [sent.body];
    responses.push((await check(sent.json().codeId, wrong(code))).body);
    responses.push((await check(sent.json().codeId, code)).body);
    responses.push((await check(sent.json().codeId, code)).body);
    responses.push((await check(sent.json().codeId, `${code}0`)).body); // malformed: echoes no input
    const approver = await send({ siteId: 'site-northwind', purpose: 'approver', number: '+12065550121' });
    const approverCode = await lastCode();
    responses.push(approver.body, (await check(approver.json().codeId, approverCode)).body);

    const log = t.logs.join('');
    expect(t.logs.length).toBeGreaterThan(10);
    for (const c of [code, approverCode]) {
      // As a whole number: a 6-digit run inside a longer one (a response time, a uuid) is not the code.
      const alone = new RegExp(`(?<![0-9])${c}(?![0-9])`);
      expect(log).not.toMatch(alone);
      for (const r of responses) expect(r).not.toMatch(alone);
    }
  });

  it('limits codes per recipient (3 in 5 minutes) and per technician (20 in 10 minutes), with Retry-After', async () => {
    await setup();
    const dana = { siteId: 'site-northwind', purpose: 'caller', profileId: 'prof-dana' };
    for (let i = 0; i < 3; i++) expect((await send(dana)).statusCode).toBe(201);
    const refused = await send(dana);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({
      code: 'rate_limited',
      message: expect.stringContaining('3 codes in the last 5 minutes'),
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Someone else at the site can still get a code; after the window Dana can too.
    expect((await send({ siteId: 'site-northwind', purpose: 'approver', number: '+12065550121' })).statusCode).toBe(
      201,
    );
    clock += 5 * 60_000 + 1;
    expect((await send(dana)).statusCode).toBe(201);
    // 20 requests per technician (refused ones count too): 6 so far, so 14 more pass the limit —
    // here to be turned down as numbers that are not the site's approvers — and the rest get 429.
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++)
      statuses.push(
        (await send({ siteId: 'site-northwind', purpose: 'approver', number: `+1206555${1000 + i}` })).statusCode,
      );
    expect(statuses).toEqual([...Array(14).fill(400), ...Array(6).fill(429)]);
    expect((await send(dana)).json().error.message).toContain('asked for 20 codes in the last 10 minutes');
    const other = (await t.login('noc@callsign.demo')).accessToken;
    expect(
      (await send({ siteId: 'site-northwind', purpose: 'approver', number: '+12065550121' }, other)).statusCode,
    ).toBe(201);
  });
});
