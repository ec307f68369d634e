import { defineConfig } from 'vitest/config';
import { tmkbAsText } from './vitest.config.js';

/** The language-server soak suite over stdio (edit bursts, open/close rounds, cancellation, fuzzed input): `npm run test:soak`. */
export default defineConfig({
    plugins: [tmkbAsText],
    define: { MOAT_VERSION: JSON.stringify('test') },
    test: {
        include: ['test/soak/**/*.test.ts'],
        setupFiles: ['language-server/polyfills.ts'],
        // Each file spawns its own server; one at a time so timings and memory are not skewed by a neighbour on 2 cores.
        fileParallelism: false,
        testTimeout: 120000,
        hookTimeout: 60000
    }
});
