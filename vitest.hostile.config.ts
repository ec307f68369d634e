import { defineConfig } from 'vitest/config';
import { tmkbAsText } from './vitest.config.js';

/** The hostile-input corpus: `npm run test:hostile` (slower than the unit suite; CI runs it). */
export default defineConfig({
    plugins: [tmkbAsText],
    define: { MOAT_VERSION: JSON.stringify('test') },
    test: {
        include: ['test/hostile/**/*.test.ts'],
        setupFiles: ['language-server/polyfills.ts'],
        testTimeout: 120000
    }
});
