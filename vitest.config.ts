import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Hang guards, not speed checks: the suite must pass on a busy 2-core machine, where a test of
    // real git and real processes that takes 4 s idle took 19 s. Speed is the bench's job.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
