import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runMoat } from '../../language-server/cli/program.js';
import { IssueCodes } from '../../language-server/validation/issue-codes.js';
import { REPO_ROOT } from './helpers.js';

interface Run { code: number; stdout: string; stderr: string }

/** Runs `moat ARGS` from the repository root and captures its output. */
async function moat(...argv: string[]): Promise<Run> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runMoat(argv, { cwd: REPO_ROOT, stdout: text => out.push(text), stderr: text => err.push(text) });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const LINE = /^\S+:\d+:\d+ (error|warning|info) [a-z-]+ .+/;

describe('moat check', () => {
    test('the payments sample is clean: exit 0 and a summary', async () => {
        const run = await moat('check', 'samples/payments');
        expect(run.code).toBe(0);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/^0 errors, 0 warnings, 0 infos in \d+ files$/);
    });

    test('the invalid samples exit 1 and report every code but lexing-error', async () => {
        const run = await moat('check', 'samples/invalid');
        expect(run.code).toBe(1);
        const lines = run.stdout.split('\n');
        for (const line of lines) expect(line).toMatch(LINE);
        const codes = new Set(lines.map(line => line.split(' ')[2]));
        const expected = Object.values(IssueCodes).filter(code => code !== IssueCodes.LexingError);
        expect([...expected].filter(code => !codes.has(code))).toEqual([]);
        expect(run.stderr).toMatch(/^[1-9]\d* errors?, \d+ warnings?, \d+ infos? in 22 files$/);
    });

    test('text lines name repo-relative files with one-based positions', async () => {
        const run = await moat('check', 'samples/invalid/self-flow.tm');
        expect(run.code).toBe(1);
        expect(run.stdout).toMatch(/^samples\/invalid\/self-flow\.tm:5:6 error self-flow .*Worker/m);
    });

    test('--format json lists diagnostics with file, line, column and code', async () => {
        const run = await moat('check', '--format', 'json', 'samples/invalid');
        expect(run.code).toBe(1);
        const report = JSON.parse(run.stdout) as {
            files: string[]; summary: Record<string, number>;
            diagnostics: { file: string; line: number; column: number; code: string; severity: string; message: string }[];
        };
        expect(report.files).toContain(path.join('samples', 'invalid', 'self-flow.tm'));
        expect(report.diagnostics.length).toBeGreaterThan(20);
        for (const diagnostic of report.diagnostics) {
            expect(diagnostic.file).toMatch(/^samples\/invalid\/.+\.tm$/);
            expect(diagnostic.line).toBeGreaterThanOrEqual(1);
            expect(diagnostic.column).toBeGreaterThanOrEqual(1);
            expect(diagnostic.code).toMatch(/^[a-z-]+$/);
            expect(diagnostic.message).not.toBe('');
        }
        expect(report.diagnostics).toContainEqual(expect.objectContaining({
            file: 'samples/invalid/self-flow.tm', line: 5, code: 'self-flow', severity: 'error'
        }));
        expect(report.summary.error).toBe(report.diagnostics.filter(d => d.severity === 'error').length);
    });

    test('--format json on a clean model has no diagnostics', async () => {
        const run = await moat('check', '-f', 'json', 'samples/payments');
        expect(run.code).toBe(0);
        expect(JSON.parse(run.stdout).diagnostics).toEqual([]);
    });

    test('a missing path exits 2 naming the path', async () => {
        const run = await moat('check', 'samples/no-such-model.tm');
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('samples/no-such-model.tm');
    });

    test('warnings alone pass by default and fail with --fail-on warning', async () => {
        const file = 'test/fixtures/warnings-only.tm';
        const plain = await moat('check', file);
        expect(plain.code).toBe(0);
        expect(plain.stdout).toMatch(/^test\/fixtures\/warnings-only\.tm:4:\d+ warning duplicate-setting /);
        expect(plain.stderr).toBe('0 errors, 1 warning, 0 infos in 1 file');
        expect((await moat('check', '--fail-on', 'warning', file)).code).toBe(1);
        expect((await moat('check', '--fail-on', 'error', file)).code).toBe(0);
    });
});

describe('usage', () => {
    test('--help exits 0 and describes check', async () => {
        const run = await moat('--help');
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('check');
    });

    test('check --help exits 0 and lists its options', async () => {
        const run = await moat('check', '--help');
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('--fail-on');
        expect(run.stdout).toContain('--format');
    });

    test('an unknown option exits 2', async () => {
        const run = await moat('check', '--no-such-option', 'samples/payments');
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('--no-such-option');
    });

    test('an invalid --format value exits 2', async () => {
        expect((await moat('check', '--format', 'xml', 'samples/payments')).code).toBe(2);
    });

    test('check with no paths exits 2', async () => {
        expect((await moat('check')).code).toBe(2);
    });

    test('an unknown command exits 2', async () => {
        expect((await moat('frobnicate')).code).toBe(2);
    });
});
