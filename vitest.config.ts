import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'eslint.layers.test.ts'],
    environment: 'node',
    testTimeout: 20000,
    pool: 'forks',
  },
});
