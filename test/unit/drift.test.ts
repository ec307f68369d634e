import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { globToRegExp } from '../../language-server/cli/glob.js';
import { moatIn, REPO_ROOT } from './helpers.js';

/** A repository with the payments model in models/ and some of the code its elements stand for. */
function repository(): { folder: string; write: (file: string, text: string) => void; commit: () => void } {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'moat-drift-'));
    fs.cpSync(path.join(REPO_ROOT, 'samples', 'payments'), path.join(folder, 'models'), { recursive: true });
    const write = (file: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
        fs.writeFileSync(path.join(folder, file), text);
    };
    write('web/checkout/app.ts', 'export const app = 1;\n');
    write('docs/notes.md', 'notes\n');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=Test', ...args], { cwd: folder });
    git('init', '-q');
    const commit = () => {
        git('add', '-A');
        git('commit', '-q', '-m', 'change');
    };
    commit();
    return { folder, write, commit };
}

describe('code globs', () => {
    test.each([
        ['web/checkout/**', 'web/checkout/app.ts', true], ['web/checkout/**', 'web/checkout/deep/x/y.ts', true], ['web/checkout/**', 'web/checkoutx/a.ts', false],
        ['src/*.ts', 'src/a.ts', true], ['src/*.ts', 'src/a/b.ts', false], ['src/**/*.ts', 'src/a.ts', true], ['src/**/*.ts', 'src/a/b/c.ts', true],
        ['services/payment/', 'services/payment/main.go', true], ['**/Dockerfile', 'deploy/api/Dockerfile', true], ['app.{ts,js}', 'app.js', true],
        ['a?c.txt', 'abc.txt', true], ['a?c.txt', 'a/c.txt', false], ['src/(x).ts', 'src/(x).ts', true]
    ])('%s matches %s: %s', (glob, file, expected) => {
        expect(globToRegExp(glob).test(file)).toBe(expected);
    });
});

describe('moat drift', () => {
    test('code that changed while its model did not is drift; changing the model file settles it', async () => {
        const repo = repository();
        repo.write('web/checkout/app.ts', 'export const app = 2;\n');
        repo.write('docs/notes.md', 'more notes\n');
        const run = await moatIn(repo.folder, 'drift', 'models', '--base', 'HEAD', '--fail', '--policy', 'none');
        expect(run.code).toBe(1);
        expect(run.stdout).toMatch(/^models\/checkout\.tm:\d+ code-changed ShopperBrowser: 1 file of its code changed since HEAD \(web\/checkout\/app\.ts\) but models\/checkout\.tm did not/m);
        expect(run.stdout.split('\n')).toHaveLength(1);

        fs.appendFileSync(path.join(repo.folder, 'models', 'checkout.tm'), '\n// Reviewed with the checkout change.\n');
        const settled = await moatIn(repo.folder, 'drift', 'models', '--base', 'HEAD', '--fail', '--policy', 'none');
        expect(settled.code).toBe(0);
        expect(settled.stderr).toBe('0 drift findings since HEAD');
    });

    test('new flows of classified data and new boundary crossings are flagged for review', async () => {
        const repo = repository();
        fs.appendFileSync(path.join(repo.folder, 'models', 'checkout.tm'), '\nflow OrderExport: OrderService -> FraudDataProvider "Basket export" { carries [OrderDetails] }\n');
        const run = await moatIn(repo.folder, 'drift', 'models', '--base', 'HEAD', '-f', 'json');
        expect(run.code).toBe(0);
        const { findings } = JSON.parse(run.stdout) as { findings: { kind: string; subject: string; file: string }[] };
        expect(findings.map(finding => [finding.kind, finding.subject, finding.file])).toEqual([
            ['classified-flows', 'OrderExport', 'models/checkout.tm'], ['boundary-crossings', 'OrderExport', 'models/checkout.tm']
        ]);
    });

    test('--base is required and must name a revision', async () => {
        const repo = repository();
        expect((await moatIn(repo.folder, 'drift', 'models')).code).toBe(2);
        const unknown = await moatIn(repo.folder, 'drift', 'models', '--base', 'nope-xyz');
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toMatch(/^moat: git diff failed/);
    });
});
