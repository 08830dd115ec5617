// Flat config. The layer rules (DESIGN.md "Imports flow one way") use the standard
// `no-restricted-imports`; eslint.layers.test.ts proves each rule fires on a planted violation.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'stream',
  'url',
  'util',
  'worker_threads',
];
const pattern = (group, message) => ({ group, message });

export const layerRules = {
  shared: [
    pattern(['electron', 'electron/*'], 'src/shared is isomorphic: no Electron.'),
    pattern(nodeBuiltins, 'src/shared is isomorphic: no Node built-ins.'),
    pattern(
      ['react', 'react-dom', 'react/*', 'react-dom/*', '@mui/*', 'dexie', 'dexie-react-hooks'],
      'src/shared is isomorphic: no React, MUI or Dexie.',
    ),
    pattern(
      [
        '**/main/**',
        '**/server/**',
        '**/renderer/**',
        '**/preload/**',
        '../main',
        '../server',
        '../renderer',
        '../preload',
      ],
      'src/shared imports nothing else of ours.',
    ),
  ],
  renderer: [
    pattern(
      ['**/main/**', '**/server/**', '**/preload/**'],
      'The renderer talks to main only through window.callsign (src/shared/ipc).',
    ),
    pattern(['electron', 'electron/*'], 'The renderer never imports Electron.'),
    pattern(nodeBuiltins, 'The renderer runs in a sandboxed browser: no Node built-ins.'),
  ],
  main: [
    pattern(
      ['**/server/**', '**/renderer/**'],
      'src/main never imports the server or the renderer; the demo server runs as its own process.',
    ),
  ],
  mainServices: [
    pattern(['**/server/**', '**/renderer/**'], 'src/main never imports the server or the renderer.'),
    pattern(
      ['electron', 'electron/*', '**/electron/**'],
      'Main services are plain Node: Electron stays in src/main/electron.',
    ),
  ],
  server: [
    pattern(['**/main/**', '**/renderer/**', '**/preload/**', 'electron'], 'src/server never imports the desktop app.'),
  ],
  preload: [
    pattern(['**/main/**', '**/server/**', '**/renderer/**'], 'The preload only exposes the shared IPC contract.'),
  ],
};

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

/** Test support by name (STYLE.md 14): tests, `*.testkit.ts` helpers and `testing/` folders. */
const testSupportFiles = ['**/*.test.ts', '**/*.test.tsx', '**/*.testkit.ts', '**/*.testkit.tsx', '**/testing/**'];
const noTestSupport = pattern(
  ['*.testkit', '*.testkit.js', '*.testkit.ts', '*.testkit.tsx', '**/testing/**', 'testing/*', './testing/*'],
  'Production code never imports test support (*.testkit.ts, testing/): it does not ship.',
);
/**
 * One layer's rule twice: for its tests and test support as it is, and for its production files
 * with the test-support ban added (flat config replaces, not merges, a rule set twice for a file).
 */
const layer = (files, patterns) => [
  { files, rules: restrict(patterns) },
  { files, ignores: testSupportFiles, rules: restrict([...patterns, noTestSupport]) },
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'bench/results/**',
      'playwright-report/**',
      'test-results/**',
      'docs/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  ...layer(['src/shared/**/*.ts'], layerRules.shared),
  ...layer(['src/renderer/**/*.{ts,tsx}'], layerRules.renderer),
  ...layer(['src/main/**/*.ts'], layerRules.main),
  ...layer(['src/main/services/**/*.ts', 'src/main/bridge/**/*.ts'], layerRules.mainServices),
  ...layer(['src/server/**/*.ts'], layerRules.server),
  ...layer(['src/preload/**/*.ts'], layerRules.preload),
  ...layer(['bench/**/*.ts', 'bin/**/*.js'], []),
  { files: ['scripts/**', 'bench/**', 'e2e/**', 'bin/**'], rules: { 'no-console': 'off' } },
);
