/**
 * `callsign-server account create --email E --role R [--name N] [--password-stdin]` and
 * `callsign-server account reset-password --email E [--password-stdin]`: the first administrator of a
 * real deployment (no `--demo` needed), and a way back in when every admin password is lost.
 *
 * The password comes from the first line of stdin with `--password-stdin` (never a flag: flags show
 * up in `ps` and shell history), else a random one is generated and printed once to stdout. It is
 * never logged or stored in plain text. The same policy as the admin API applies (accountAdminRoutes),
 * and each change is audited (`account.created` / `account.changed`, actor `cli`); a reset ends the
 * account's sessions on every device. Exit codes: 0 done, 1 refused (policy, duplicate, unknown), 2 usage.
 */
import { randomBytes } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { AppError, Role } from '../../shared/api/index.js';
import { NewAccount } from '../admin/accountAdminRoutes.js';
import { createServices } from '../app.js';
import { cliServerKey } from './cliServerKey.js';
import { UsageError, type CliIo } from './io.js';
import { openDataDirDatabase } from './openDataDirDatabase.js';
import { parseFlags } from './options.js';

const CLI_ACTOR = 'cli';

/** 18 random bytes as base64url: 24 characters, 144 bits. */
const generatePassword = () => randomBytes(18).toString('base64url');

async function readPassword(io: CliIo): Promise<string> {
  const first = (await text(io.stdin)).split(/\r?\n/)[0] ?? '';
  return first;
}

function parseEmail(command: string, email: string | undefined): string {
  if (!email) throw new UsageError(`${command}: give --email, the address the person signs in with.`);
  const parsed = NewAccount.shape.email.safeParse(email.trim());
  if (!parsed.success) throw new UsageError(`${command}: --email "${email}" is not an e-mail address.`);
  return parsed.data.toLowerCase();
}

function refuse(io: CliIo, message: string): number {
  io.stderr.write(`${message}\n`);
  return 1;
}

export async function accountCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create' && sub !== 'reset-password')
    throw new UsageError(
      sub
        ? `account: unknown subcommand "${sub}"; use "account create" or "account reset-password".`
        : 'account: give a subcommand: "account create" or "account reset-password".',
    );
  const command = `account ${sub}`;
  const { values } = parseFlags(command, rest, {
    'data-dir': { type: 'string' },
    email: { type: 'string' },
    'password-stdin': { type: 'boolean' },
    ...(sub === 'create' ? { role: { type: 'string' }, name: { type: 'string' } } : {}),
  } as const);
  const email = parseEmail(command, values.email);
  let role: Role | undefined;
  if (sub === 'create') {
    const parsed = Role.safeParse(values.role);
    if (!parsed.success)
      throw new UsageError(`${command}: give --role, one of ${Role.options.join(', ')} (got "${values.role ?? ''}").`);
    role = parsed.data;
  }

  const generated = !values['password-stdin'];
  const password = generated ? generatePassword() : await readPassword(io);
  const policy = NewAccount.shape.password.safeParse(password);
  if (!policy.success)
    return refuse(io, `${command}: the password is not accepted: ${policy.error.issues[0]?.message ?? 'invalid'}.`);

  const { database, where } = await openDataDirDatabase(values['data-dir'], io);
  try {
    const services = createServices(database, { serverKey: cliServerKey(values['data-dir'], io.env) });
    let verb: string;
    if (sub === 'create') {
      const name = (typeof values.name === 'string' ? values.name.trim() : '') || email.split('@')[0]!;
      await services.platform.accounts.create({ email, name, role: role!, password }, CLI_ACTOR);
      verb = `Created ${role} account ${email} in ${where}`;
    } else {
      const user = await services.users.findByEmail(email);
      if (!user)
        return refuse(io, `${command}: there is no account for ${email}. Check the address, or use "account create".`);
      await services.platform.accounts.change(user.id, { password }, CLI_ACTOR);
      verb = `Reset the password of ${email} in ${where}; its sessions on every device have ended`;
    }
    io.stdout.write(
      generated
        ? `${verb}. Generated password: ${password}\nIt is shown only this once: hand it over securely and have it changed.\n`
        : `${verb}.\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof AppError) return refuse(io, `${command}: ${e.message}`);
    throw e;
  } finally {
    await database.close();
  }
}
