/** Dispatches `callsign-server <command>`; bad usage prints the usage text and returns 2. */
import { generateCommand } from './generateCommand.js';
import { USAGE_ERROR, UsageError, type CliIo } from './io.js';
import { serveCommand } from './serveCommand.js';
import { USAGE } from './usage.js';

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve':
        return await serveCommand(rest, io);
      case 'generate':
        return await generateCommand(rest, io);
      case 'import':
      case 'export': {
        const { importCommand, exportCommand } = await import('./bundleCommands.js');
        return await (command === 'import' ? importCommand : exportCommand)(rest, io);
      }
      case 'import-profiles':
      case 'export-profiles': {
        const { importProfilesCommand, exportProfilesCommand } = await import('./profileSheetCommands.js');
        return await (command === 'import-profiles' ? importProfilesCommand : exportProfilesCommand)(rest, io);
      }
      case 'audit': {
        const { auditCommand } = await import('./auditCommand.js');
        return await auditCommand(rest, io);
      }
      case 'account': {
        const { accountCommand } = await import('./accountCommand.js');
        return await accountCommand(rest, io);
      }
      case 'vault': {
        const { vaultCommand } = await import('./vaultCommands.js');
        return await vaultCommand(rest, io);
      }
      case 'evaluate': {
        const { evaluateCommand } = await import('./evaluate.js');
        return await evaluateCommand(rest, io);
      }
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(USAGE);
        return 0;
      default:
        throw new UsageError(command ? `Unknown command "${command}".` : 'Give a command.');
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`${e.message}\n\n${USAGE}`);
    return USAGE_ERROR;
  }
}
