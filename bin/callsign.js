#!/usr/bin/env node
// `npx callsign <command>` — desktop-side CLI (e.g. `callsign lookup +12065550101`).
import { register } from 'tsx/esm/api';

register();
await import('../src/main/cli/callsign.ts');
