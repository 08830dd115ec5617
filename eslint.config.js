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
  { files: ['src/shared/**/*.ts'], rules: restrict(layerRules.shared) },
  { files: ['src/renderer/**/*.{ts,tsx}'], rules: restrict(layerRules.renderer) },
  { files: ['src/main/**/*.ts'], rules: restrict(layerRules.main) },
  { files: ['src/main/services/**/*.ts', 'src/main/bridge/**/*.ts'], rules: restrict(layerRules.mainServices) },
  { files: ['src/server/**/*.ts'], rules: restrict(layerRules.server) },
  { files: ['src/preload/**/*.ts'], rules: restrict(layerRules.preload) },
  { files: ['scripts/**', 'bench/**', 'e2e/**', 'bin/**'], rules: { 'no-console': 'off' } },
);
