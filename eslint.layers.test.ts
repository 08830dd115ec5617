// Proves the layer rules in eslint.config.js fire: lint planted violations (and clean twins) as if
// they were files in each layer, with the project's real config.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: import.meta.dirname });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['src/shared/domain/planted.ts', "import { app } from 'electron';"],
    ['src/shared/domain/planted.ts', "import { readFileSync } from 'node:fs';"],
    ['src/shared/domain/planted.ts', "import React from 'react';"],
    ['src/shared/domain/planted.ts', "import Dexie from 'dexie';"],
    ['src/shared/domain/planted.ts', "import { x } from '../../main/services/handlers.js';"],
    ['src/renderer/app/planted.ts', "import { x } from '../../main/services/handlers.js';"],
    ['src/renderer/app/planted.ts', "import { x } from '../../server/app.js';"],
    ['src/main/services/planted.ts', "import { x } from '../../server/app.js';"],
    ['src/main/services/planted.ts', "import { app } from 'electron';"],
    ['src/server/planted.ts', "import { x } from '../main/services/handlers.js';"],
    ['src/preload/planted.ts', "import { x } from '../renderer/main.js';"],
  ])('%s rejects %s', async (file, code) => {
    expect(await restricted(file, code)).not.toHaveLength(0);
  });

  it.each([
    ['src/shared/domain/planted.ts', "import { z } from 'zod';"],
    ['src/renderer/app/planted.ts', "import { Site } from '../../shared/domain/index.js';"],
    ['src/main/electron/planted.ts', "import { app } from 'electron';"],
    ['src/server/planted.ts', "import { Site } from '../shared/domain/index.js';"],
  ])('%s allows %s', async (file, code) => {
    expect(await restricted(file, code)).toHaveLength(0);
  });
});
