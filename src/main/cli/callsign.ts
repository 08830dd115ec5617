/**
 * `npx callsign lookup <phone|email>` — screen pop from a softphone or script.
 * CALLSIGN_DATA_DIR must match the running app's (default: the per-user data folder).
 */
import envPaths from 'env-paths';
import { runCli } from './runCli.js';

const dataDir = process.env.CALLSIGN_DATA_DIR ?? envPaths('callsign', { suffix: '' }).data;
const { code, message } = await runCli(process.argv.slice(2), dataDir);
(code === 0 ? process.stdout : process.stderr).write(message + '\n');
process.exit(code);
