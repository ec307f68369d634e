import { defineConfig } from 'vitest/config';
import { tmkbAsText } from './vitest.config.js';

/** The suites that drive Debian's Chromium (`apt-get install chromium`): `npm run test:browser`. */
export default defineConfig({
    plugins: [tmkbAsText],
    define: { MOAT_VERSION: JSON.stringify('test') },
    test: {
        include: ['test/browser/**/*.test.ts'],
        setupFiles: ['language-server/polyfills.ts'],
        testTimeout: 60000,
        hookTimeout: 60000
    }
});
