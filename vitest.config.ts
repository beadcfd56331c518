import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  // Examples import the package by its name, as a team's own tests would.
  resolve: { alias: [{ find: /^datasync-intent\/testing$/, replacement: src('testing.ts') }, { find: /^datasync-intent$/, replacement: src('index.ts') }] },
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Property tests and the CLI tests spawn processes; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
