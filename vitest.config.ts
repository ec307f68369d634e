import { defineConfig, type Plugin } from 'vitest/config';

/** Loads `.tmkb` files as text, as esbuild's `text` loader does for the bundles. */
export const tmkbAsText: Plugin = {
    name: 'tmkb-as-text',
    transform(code, id) {
        return id.endsWith('.tmkb') ? { code: `export default ${JSON.stringify(code)};`, map: null } : undefined;
    }
};

export default defineConfig({
    plugins: [tmkbAsText],
    define: { MOAT_VERSION: JSON.stringify('test') },
    test: {
        include: ['test/unit/**/*.test.ts'],
        setupFiles: ['language-server/polyfills.ts'],
        testTimeout: 20000
    }
});
