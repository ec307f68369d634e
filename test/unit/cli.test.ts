import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { IssueCodes } from '../../language-server/validation/issue-codes.js';
import { moat, REPO_ROOT } from './helpers.js';


const LINE = /^\S+:\d+:\d+ (error|warning|info|hint) [a-z-]+ .+/;

describe('moat check', () => {
    test('the payments sample is clean: exit 0 and a summary', async () => {
        const run = await moat('check', 'samples/payments');
        expect(run.code).toBe(0);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/^0 errors, 0 warnings, 0 infos in \d+ files; open threats: 0 critical, 0 high, \d medium, \d+ low$/);
    });

    test('the invalid samples exit 1 and report every code but lexing-error and too-many-diagnostics', async () => {
        const run = await moat('check', '--hints', 'samples/invalid');
        expect(run.code).toBe(1);
        const lines = run.stdout.split('\n');
        for (const line of lines) expect(line).toMatch(LINE);
        const codes = new Set(lines.map(line => line.split(' ')[2]));
        // Lexing errors are covered by tests; more than 5,000 diagnostics would drown the samples.
        const expected = Object.values(IssueCodes).filter(code => code !== IssueCodes.LexingError && code !== IssueCodes.TooManyDiagnostics);
        expect([...expected].filter(code => !codes.has(code))).toEqual([]);
        const files = fs.readdirSync(path.join(REPO_ROOT, 'samples', 'invalid')).filter(name => /\.tm(kb)?$/.test(name)).length;
        expect(run.stderr).toMatch(new RegExp(`^[1-9]\\d* errors?, \\d+ warnings?, \\d+ infos? in ${files} files; open threats: `));
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
            expect(diagnostic.file).toMatch(/^samples\/invalid\/.+\.tm(kb)?$/);
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

    test('--format json on a clean model has no diagnostics but hints (its open STRIDE questions)', async () => {
        const run = await moat('check', '-f', 'json', 'samples/payments');
        expect(run.code).toBe(0);
        const diagnostics = JSON.parse(run.stdout).diagnostics as { severity: string; code: string }[];
        expect(diagnostics.filter(diagnostic => diagnostic.severity !== 'hint')).toEqual([]);
        for (const { code } of diagnostics) expect(['unanswered-question', 'unmotivated-threat']).toContain(code);
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
        expect(plain.stderr).toBe('0 errors, 1 warning, 0 infos in 1 file; open threats: 0 critical, 0 high, 0 medium, 0 low');
        expect((await moat('check', '--fail-on', 'warning', file)).code).toBe(1);
        expect((await moat('check', '--fail-on', 'error', file)).code).toBe(0);
    });
});

describe('moat check --fail-on a threat severity', () => {
    test('an open high threat fails --fail-on high and passes --fail-on critical', async () => {
        const file = 'samples/invalid/unaddressed-threat.tm';
        const json = JSON.parse((await moat('check', '-f', 'json', file)).stdout) as { openThreats: Record<string, number> };
        expect(json.openThreats.high).toBeGreaterThan(0);
        expect(json.openThreats.critical).toBe(0);
        expect((await moat('check', '--fail-on', 'high', file)).code).toBe(1);
        expect((await moat('check', '--fail-on', 'critical', file)).code).toBe(0);
        expect((await moat('check', file)).code).toBe(0);
    });

    test('a model whose threats are all addressed passes --fail-on low', async () => {
        expect((await moat('check', '--fail-on', 'low', 'test/fixtures/warnings-only.tm')).code).toBe(0);
    });
});

describe('moat threats', () => {
    test('lists derived threats with severity, status, STRIDE letters and title', async () => {
        const run = await moat('threats', 'samples/invalid/unaddressed-threat.tm');
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(/^samples\/invalid\/unaddressed-threat\.tm: \d+ threats, \d+ open or unaddressed$/m);
        expect(run.stdout).toMatch(/^high +unaddressed +IT +WEB-TLS-01@Pay +Unencrypted traffic crosses a trust boundary$/m);
    });

    test('--format json gives declared and derived threats with their explanation', async () => {
        const run = await moat('threats', '-f', 'json', 'samples/invalid/unmitigated-threat.tm', 'samples/invalid/unaddressed-threat.tm');
        const report = JSON.parse(run.stdout) as { models: { file: string; threats: { id: string; origin: string; status: string; explanation?: string[] }[] }[] };
        expect(report.models.map(model => model.file)).toEqual(['samples/invalid/unaddressed-threat.tm', 'samples/invalid/unmitigated-threat.tm']);
        const tls = report.models[0].threats.find(threat => threat.id === 'WEB-TLS-01@Pay')!;
        expect(tls).toMatchObject({ origin: 'derived', status: 'unaddressed' });
        expect(tls.explanation).toContain('crosses-boundary (Dmz)');
        expect(report.models[1].threats.find(threat => threat.id === 'StoredXss')).toMatchObject({ origin: 'declared', status: 'open' });
    });

    test('a file imported by a model is listed as part of that model, once', async () => {
        const report = JSON.parse((await moat('threats', '-f', 'json', 'samples/payments')).stdout) as { models: { file: string }[] };
        expect(report.models.map(model => model.file)).toEqual(['samples/payments/model.tm']);
    });
});

describe('moat rules', () => {
    test('--counts prints the built-in knowledge base\'s rules per STRIDE letter, subject and severity', async () => {
        const run = await moat('rules', '--counts');
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(/^moat:stride \S+: \d+ rules, \d+ marked top$/m);
        expect(run.stdout).toMatch(/^ {2}by STRIDE letter: S \d+, T \d+, R \d+, I \d+, D \d+, E \d+$/m);
        expect(run.stdout).toMatch(/^ {2}by severity: +critical \d+, high \d+, medium \d+, low \d+, info \d+$/m);
    });

    test('lists a team knowledge base\'s rules by file; a missing file exits 2', async () => {
        const run = await moat('rules', 'samples/invalid/unsatisfiable-condition.tmkb');
        expect(run.stdout).toMatch(/^samples\/invalid\/unsatisfiable-condition\.tmkb \(of acme:transport 1\.0\.0\): 1 rules/m);
        expect(run.stdout).toMatch(/^ACME-TLS-01 +high +flow +T +Plain HTTP into the DMZ$/m);
        const missing = await moat('rules', 'no-such.tmkb');
        expect(missing.code).toBe(2);
        expect(missing.stderr).toBe("moat: cannot read 'no-such.tmkb': no such file");
    });
});

describe('moat questions', () => {
    test('lists the open questions with their location, subject and category', async () => {
        const run = await moat('questions', 'samples/invalid/unanswered-question.tm');
        expect(run.stdout).toContain('samples/invalid/unanswered-question.tm:6:9 Worker spoofing How does Worker authenticate its callers and the services it calls?');
        expect(run.stdout).not.toMatch(/ Operator spoofing /);
        expect(run.stderr).toMatch(/^\d+ open questions$/);
    });

    test('--all includes answered questions with their status; JSON carries the answer', async () => {
        const text = await moat('questions', '--all', 'samples/invalid/unanswered-question.tm');
        expect(text.stdout).toContain('Operator spoofing [answered] How does Operator prove who it is');
        const json = JSON.parse((await moat('questions', '--all', '-f', 'json', 'samples/invalid/unanswered-question.tm')).stdout) as { questions: { id: string; answer?: string }[] };
        expect(json.questions.find(question => question.id === 'spoofing@Operator')?.answer).toBe('Signs in with SSO and a hardware key');
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
