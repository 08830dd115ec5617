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

  // Test support (`*.testkit.ts`, `testing/`) never ships: production code may not import it.
  it.each([
    ['src/main/services/planted.ts', "import { json } from './fakeServerHarness.testkit.js';"],
    ['src/renderer/app/planted.tsx', "import { renderPage } from '../testing/renderPage.js';"],
    ['src/renderer/db/planted.ts', "import { unlinked } from './deviceChainFixtures.testkit.js';"],
    ['src/server/planted.ts', "import { createTestApp } from './testing/createTestApp.js';"],
    ['src/server/approvals/planted.ts', "import { deviceChain } from './testRecords.testkit.js';"],
    ['src/shared/identify/planted.ts', "import { site } from './testDirectory.testkit.js';"],
    ['bench/planted.ts', "import { site } from '../src/shared/identify/testDirectory.testkit.js';"],
  ])('production file %s rejects %s', async (file, code) => {
    expect(await restricted(file, code)).toEqual([expect.stringMatching(/test support/)]);
  });

  it.each([
    ['src/main/services/planted.test.ts', "import { json } from './fakeServerHarness.testkit.js';"],
    ['src/renderer/app/planted.test.tsx', "import { renderPage } from '../testing/renderPage.js';"],
    ['src/server/testing/planted.ts', "import { createTestApp } from './createTestApp.js';"],
    ['src/server/approvals/planted.testkit.ts', "import { x } from '../testing/testDatabase.js';"],
  ])('test file %s may import test support: %s', async (file, code) => {
    expect(await restricted(file, code)).toHaveLength(0);
  });

  it('test files keep their layer rules', async () => {
    expect(
      await restricted('src/renderer/app/planted.test.tsx', "import { x } from '../../server/app.js';"),
    ).not.toHaveLength(0);
  });
});
