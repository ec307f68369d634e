import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import AjvModule from 'ajv';
import AjvDraft04Module from 'ajv-draft-04';
import { describe, expect, test } from 'vitest';
import type { CheckReport } from '../../language-server/cli/check-report.js';
import { DiagnosticHelp } from '../../language-server/cli/diagnostic-help.js';
import { MAX_SARIF_RESULTS, sarifLog } from '../../language-server/cli/sarif-log.js';
import { copySample, moat, moatIn, REPO_ROOT, writePaymentsV2 } from './helpers.js';

const SCHEMAS = path.join(REPO_ROOT, 'test', 'fixtures', 'schemas');
// Both packages are CommonJS with the class also on `.default`, which is how NodeNext types see them.
const validateSarif = new AjvDraft04Module.default({ strict: false, allErrors: true }).compile(JSON.parse(fs.readFileSync(path.join(SCHEMAS, 'sarif-schema-2.1.0.json'), 'utf8')));
const validateCodeClimate = new AjvModule.default({ strict: false, allErrors: true }).compile(JSON.parse(fs.readFileSync(path.join(SCHEMAS, 'codeclimate.json'), 'utf8')));
const DOCS = 'https://example.org/moat/docs/diagnostics.md';

interface SarifResult {
    ruleId: string; ruleIndex: number; level: string; message: { text: string };
    locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    partialFingerprints: Record<string, string>;
}
interface SarifRule { id: string; help?: { markdown: string }; helpUri: string; properties: { tags: string[]; 'security-severity'?: string } }
interface SarifLog { runs: { tool: { driver: { rules: SarifRule[] } }; results: SarifResult[]; invocations?: unknown[] }[] }

async function sarifOf(...paths: string[]): Promise<SarifLog> {
    const run = await moat('check', '--format', 'sarif', '--docs-url', DOCS, ...paths);
    return JSON.parse(run.stdout) as SarifLog;
}

/** A temporary folder with one model file, for runs that edit it. */
function tempModel(text: string): { folder: string; write: (next: string) => void } {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'moat-sarif-'));
    const write = (next: string) => fs.writeFileSync(path.join(folder, 'shop.tm'), next);
    write(text);
    return { folder, write };
}

describe('moat check --format sarif', () => {
    test('the invalid samples give a log that validates against the SARIF 2.1.0 schema', async () => {
        for (const hints of [[], ['--hints']]) {
            const run = await moat('check', '--format', 'sarif', ...hints, 'samples/invalid');
            expect(run.code).toBe(1);
            const log = JSON.parse(run.stdout);
            expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
        }
    });

    test('one reporting rule per diagnostic code and per knowledge-base rule, referenced by id and index', async () => {
        const [run] = (await sarifOf('samples/invalid')).runs;
        const rules = run.tool.driver.rules;
        expect(new Set(rules.map(rule => rule.id)).size).toBe(rules.length);
        for (const result of run.results) expect(rules[result.ruleIndex].id).toBe(result.ruleId);
        const selfFlow = rules.find(rule => rule.id === 'self-flow')!;
        expect(selfFlow.helpUri).toBe(`${DOCS}#self-flow`);
        expect(selfFlow.help?.markdown).toContain('**Trigger:**');
        const tls = rules.find(rule => rule.id === 'WEB-TLS-01')!;
        expect(tls.properties['security-severity']).toBe('8.0');
        expect(tls.properties.tags).toEqual(expect.arrayContaining(['security', 'stride/I', 'stride/T', 'external/cwe/cwe-319']));
        const tlsResult = run.results.find(result => result.ruleId === 'WEB-TLS-01')!;
        expect(tlsResult.locations[0].physicalLocation.artifactLocation.uri).toBe('samples/invalid/unaddressed-threat.tm');
        expect(tlsResult.level).toBe('warning');
    });

    test('fingerprints stay the same when lines move, and differ between findings', async () => {
        const model = 'actor Shopper "Shopper"\nboundary Dmz "DMZ" { process Web "Web app" }\nflow Pay: Shopper -> Web "Pay" { protocol http }\nflow Loop: Web -> Web "Retry"\n';
        const { folder, write } = tempModel(model);
        const before = (JSON.parse((await moatIn(folder, 'check', '-f', 'sarif', 'shop.tm')).stdout) as SarifLog).runs[0].results;
        write(`// A comment and blank lines move everything down.\n\n\n${model}`);
        const after = (JSON.parse((await moatIn(folder, 'check', '-f', 'sarif', 'shop.tm')).stdout) as SarifLog).runs[0].results;
        const key = (results: SarifResult[]) => results.map(result => `${result.ruleId} ${result.partialFingerprints['moat/v1']}`).sort();
        expect(key(after)).toEqual(key(before));
        expect(after[0].locations[0].physicalLocation.region.startLine).toBe(before[0].locations[0].physicalLocation.region.startLine + 3);
        expect(new Set(before.map(result => result.partialFingerprints['moat/v1'])).size).toBe(before.length);
    });

    test('model text is text: a hostile label is a JSON string in messages and escaped in Markdown help', async () => {
        const kb = 'knowledgebase "evil:kb"\nattribute protocol: enum [http, https] on flow\n'
            + 'rule EVIL-01 "<img src=x onerror=alert(1)> `code` | pipe" { applies-to flow  when protocol == http  stride tampering  severity high  mitigation "**bold** [link](javascript:alert(1))"  question "?" }\n';
        const { folder } = tempModel('model Shop "Shop" { knowledgebase "evil.tmkb" }\nactor U "U"\nprocess Web "<script>alert(1)</script>"\nflow Pay: U -> Web { protocol http }\n');
        fs.writeFileSync(path.join(folder, 'evil.tmkb'), kb);
        const log = JSON.parse((await moatIn(folder, 'check', '-f', 'sarif', 'shop.tm')).stdout) as SarifLog;
        expect(validateSarif(log)).toBe(true);
        const rule = log.runs[0].tool.driver.rules.find(candidate => candidate.id === 'EVIL-01')!;
        expect(rule.help!.markdown).toContain('\\<img src=x onerror=alert(1)\\> \\`code\\` \\| pipe');
        expect(rule.help!.markdown).toContain('\\*\\*bold\\*\\* \\[link\\](javascript:alert(1))');
        expect(rule.help!.markdown).not.toMatch(/(^|[^\\])<img/);
    });

    test('no more results than GitHub accepts, the most severe kept, with a notification', () => {
        const diagnostic = (line: number, severity: 'error' | 'warning') => ({
            file: 'big.tm', line, column: 1, endLine: line, endColumn: 2, severity, code: 'self-flow', message: `Flow ${line} goes to itself.`
        });
        const report: CheckReport = {
            files: ['big.tm'], summary: { error: 10, warning: MAX_SARIF_RESULTS, info: 0, hint: 0 },
            diagnostics: [...Array.from({ length: MAX_SARIF_RESULTS }, (_, line) => diagnostic(line + 1, 'warning')), ...Array.from({ length: 10 }, (_, line) => diagnostic(line + 1, 'error'))]
        };
        const log = sarifLog(report, { ruleExamples: new Map(), help: new DiagnosticHelp() }) as SarifLog;
        expect(log.runs[0].results).toHaveLength(MAX_SARIF_RESULTS);
        expect(log.runs[0].results.filter(result => result.level === 'error')).toHaveLength(10);
        expect(JSON.stringify(log.runs[0].invocations)).toContain(`of ${MAX_SARIF_RESULTS + 10} results`);
    });

    test('the log of the second version of the payments sample matches its golden file', async () => {
        const folder = copySample();
        writePaymentsV2(path.join(folder, 'payments'));
        const log = JSON.parse((await moatIn(folder, 'check', '-f', 'sarif', '--docs-url', DOCS, 'payments')).stdout) as SarifLog;
        expect(validateSarif(log)).toBe(true);
        expect(log.runs[0].results.map(result => result.ruleId)).toContain('FLOW-DEP-01');
        expect(log).toMatchSnapshot();
    });

    test('the hostile-label fixture gives valid SARIF and Code Climate with its text as plain strings', async () => {
        const sarif = JSON.parse((await moat('check', '-f', 'sarif', 'test/fixtures/hostile/hostile.tm')).stdout) as SarifLog;
        expect(validateSarif(sarif)).toBe(true);
        const issues = JSON.parse((await moat('check', '-f', 'codeclimate', 'test/fixtures/hostile/hostile.tm')).stdout) as object[];
        for (const issue of issues) expect(validateCodeClimate(issue)).toBe(true);
        expect(sarif.runs[0].results.length).toBeGreaterThan(5);
        expect(issues).toHaveLength(sarif.runs[0].results.length);
    });

    test('the log of a sample matches its golden file', async () => {
        expect(await sarifOf('samples/invalid/unaddressed-threat.tm', 'samples/invalid/self-flow.tm')).toMatchSnapshot();
    });
});

describe('moat check --format codeclimate', () => {
    test('every issue validates against GitLab\'s schema and shares its fingerprint with SARIF', async () => {
        const issues = JSON.parse((await moat('check', '-f', 'codeclimate', 'samples/invalid')).stdout) as { fingerprint: string; check_name: string; severity: string }[];
        expect(issues.length).toBeGreaterThan(20);
        for (const issue of issues) expect(validateCodeClimate(issue), JSON.stringify(validateCodeClimate.errors)).toBe(true);
        for (const issue of issues) expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
        const sarif = (await sarifOf('samples/invalid')).runs[0].results.map(result => result.partialFingerprints['moat/v1']);
        expect(new Set(issues.map(issue => issue.fingerprint))).toEqual(new Set(sarif));
    });
});
