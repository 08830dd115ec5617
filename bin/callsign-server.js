#!/usr/bin/env node
// `npx callsign-server <command>` — runs the TypeScript server CLI through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
await import('../src/server/cli/main.ts');
