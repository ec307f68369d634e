import * as path from 'node:path';

/**
 * The folder of the installed package, where `docs/` and `knowledge/` live. The bundles run from
 * `dist/`, one folder down; under vitest this module runs from `language-server/workspace/`.
 */
export function packageRoot(): string {
    // __dirname: the bundle's folder in dist/, or this module's folder under vitest (which defines it).
    const here = __dirname;
    return path.basename(here) === 'dist' ? path.dirname(here) : path.resolve(here, '..', '..');
}
