import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_SITE } from '../../shared/approvals/exampleSite.js';
import { evaluateCommand } from './evaluate.js';

function sink() {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c.toString()));
  return { stream, text: () => chunks.join('') };
}

async function run(args: string[], input = '') {
  const stdout = sink();
  const stderr = sink();
  const code = await evaluateCommand(args, {
    stdin: Readable.from([input]),
    stdout: stdout.stream,
    stderr: stderr.stream,
  });
  const out = stdout.text();
  const lines = () =>
    out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return {
    code,
    out,
    stderr: stderr.text(),
    get lines() {
      return lines();
    },
  };
}

const line = (request: object, site: object = EXAMPLE_SITE) =>
  JSON.stringify({ site, request: { siteId: 'S1', ...request } });

describe('evaluate command', () => {
  it('writes one Decision per line and exits 0 when every line is valid', async () => {
    const input = [line({ action: 'password.reset' }), '', '   ', line({ action: 't4.vpn_access' })].join('\n');
    const { code, lines, stderr } = await run([], input);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(lines.map((l) => l.outcome)).toEqual(['approval_required', 'tier4']);
    expect(lines[0]).toEqual({
      outcome: 'approval_required',
      reasons: expect.arrayContaining(['password_reset policy: noApprovalNeeded is false']),
      steps: [
        { kind: 'dial', approver: 'Lee Chan', approverKind: 'client', number: '+12065550121', authenticate: false },
        { kind: 'dial', approver: 'Lee Chan', approverKind: 'client', number: '+12065550122', authenticate: false },
      ],
      templates: {},
      notices: [],
    });
  });

  it('answers invalid lines with an error naming the field, keeps going, and exits 2', async () => {
    const input = [
      line({ action: 'x' }),
      '{not json',
      line({ action: 'rmm.install', unmanagedMachine: 'yes' }),
      line({ action: 'mail.delete' }),
    ].join('\r\n');
    const { code, lines } = await run([], input);
    expect(code).toBe(2);
    expect(lines).toHaveLength(4);
    expect(lines[0]!.error).toMatch(/^request\.action: unknown action id "x"; use one of user\.create_aduc/);
    expect(lines[1]!.error).toMatch(/^input: not valid JSON/);
    expect(lines[2]!.error).toMatch(/^request\.unmanagedMachine: /);
    expect(lines[3]!.outcome).toBe('approval_required');
  });

  it('reports a site field by its path', async () => {
    const { lines } = await run(
      [],
      line(
        { action: 'password.reset' },
        { siteId: 'S1', policies: { password_reset: { authenticateCaller: 'email' } } },
      ),
    );
    expect(lines[0]!.error).toMatch(/^site\.policies\.password_reset\.authenticateCaller: /);
  });

  it('reads FILE when given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callsign-eval-'));
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, `${line({ action: 'rmm.reinstall_troubleshooting' })}\n`);
    const { code, lines } = await run([file], 'ignored');
    expect(code).toBe(0);
    expect(lines).toEqual([expect.objectContaining({ outcome: 'proceed' })]);
  });

  it('exits 2 with a clear message when FILE does not exist', async () => {
    const { code, lines, stderr } = await run(['/no/such/file.jsonl']);
    expect(code).toBe(2);
    expect(lines).toEqual([]);
    expect(stderr).toMatch(/\/no\/such\/file\.jsonl does not exist/);
  });

  it('prints help for --help, and rejects unknown flags or extra arguments with exit 2', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stderr).toBe('');
    expect(help.out).toMatch(/^Usage: callsign-server evaluate \[FILE\]/);
    expect((await run(['--strict'])).stderr).toMatch(/unexpected argument "--strict"/);
    expect((await run(['a.jsonl', 'b.jsonl'])).code).toBe(2);
  });

  it('an empty input writes nothing and exits 0', async () => {
    expect(await run([], '')).toMatchObject({ code: 0, lines: [] });
  });
});
