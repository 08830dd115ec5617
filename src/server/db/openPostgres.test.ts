import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgres } from './openPostgres.js';

describe('openPostgres when the database cannot be reached', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('says it could not connect, with the URL redacted and the cause, instead of blaming the schema update', async () => {
    // A port that accepts and at once closes: the first query fails the way an unreachable server does.
    server = createServer((socket) => socket.destroy()).listen(0, '127.0.0.1');
    await new Promise((resolve) => server!.once('listening', resolve));
    const port = (server.address() as { port: number }).port;
    const error = await openPostgres(`postgres://callsign:s3cret-pw@127.0.0.1:${port}/callsign`).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(
      new RegExp(
        `^Could not connect to the database postgres://callsign:\\*\\*\\*@127\\.0\\.0\\.1:${port}/callsign: .+\\. Check that PostgreSQL is running`,
      ),
    );
    expect(error?.message).not.toContain('s3cret-pw');
  });
});
