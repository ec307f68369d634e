import { defineConfig } from 'vitest/config';

/** The suites that drive a real VS Code (code-server in headless Chromium): `npm run test:e2e`. */
export default defineConfig({
    test: {
        include: ['test/e2e/**/*.e2e.test.ts'],
        // Each file starts its own code-server and browser: one at a time keeps a 2-core CI machine responsive.
        fileParallelism: false,
        // Starting VS Code takes seconds, and language features arrive asynchronously after that.
        testTimeout: 120_000,
        hookTimeout: 180_000,
        teardownTimeout: 30_000,
        // What a test polls for crosses the browser, the extension host and the language server: on a
        // loaded 2-core machine that takes longer than vitest's default second.
        expect: { poll: { timeout: 30_000, interval: 250 } }
    }
});
