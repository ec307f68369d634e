import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { copySample, mermaidBlocks, moat, moatIn, writePaymentsV2 } from './helpers.js';


describe('moat diff', () => {
    test('two versions of a folder: new flow, boundary crossing, classified data, threat and mitigation changes', async () => {
        const folder = copySample();
        fs.cpSync(path.join(folder, 'payments'), path.join(folder, 'payments-v2'), { recursive: true });
        writePaymentsV2(path.join(folder, 'payments-v2'));
        const json = JSON.parse((await moatIn(folder, 'diff', '-f', 'json', 'payments', 'payments-v2')).stdout) as { models: Record<string, unknown>[] };
        expect(json.models).toHaveLength(1);
        const [model] = json.models as unknown as {
            file: string; elements: { added: string[] }; flows: { added: string[] }; mitigations: { changed: { id: string; changes: string[] }[] };
            threats: { id: string; change: string; before?: { status: string }; after?: { status: string } }[];
            newBoundaryCrossings: { flow: string }[]; newClassifiedFlows: { flow: string; data: string[] }[];
        }[];
        expect(model.file).toBe('model.tm');
        expect(model.elements.added).toEqual(['AnalyticsVendor']);
        expect(model.flows.added).toEqual(['OrderExport']);
        expect(model.mitigations.changed).toEqual([{ id: 'KafkaTls', changes: ['status: in-progress → done'] }]);
        expect(model.threats).toEqual(expect.arrayContaining([
            expect.objectContaining({ id: 'WarehouseReportTampering', change: 'status', before: expect.objectContaining({ status: 'open' }), after: expect.objectContaining({ status: 'accepted' }) })
        ]));
        expect(model.threats.some(threat => threat.change === 'new' && threat.id.endsWith('@OrderExport'))).toBe(true);
        expect(model.newBoundaryCrossings.map(crossing => crossing.flow)).toContain('OrderExport');
        expect(model.newClassifiedFlows).toEqual([{ flow: 'OrderExport', data: ['OrderDetails'] }]);
    });

    test('the Markdown of the change matches its golden file and draws only the changed neighbourhood', async () => {
        const folder = copySample();
        fs.cpSync(path.join(folder, 'payments'), path.join(folder, 'payments-v2'), { recursive: true });
        writePaymentsV2(path.join(folder, 'payments-v2'));
        const markdown = (await moatIn(folder, 'diff', 'payments', 'payments-v2')).stdout;
        expect(markdown).toMatchSnapshot();
        const [diagram] = mermaidBlocks(markdown);
        expect(diagram).toContain('"Marketing analytics vendor"');
        expect(diagram).toContain('class n');
        expect(diagram.split('\n').filter(line => /^ {2}n\d+[[(]/.test(line)).length).toBeLessThan(10);
    });

    test('between two git revisions of the sample, in a temporary repository', async () => {
        const folder = copySample();
        const git = (...args: string[]) => execFileSync('git', args, { cwd: folder, encoding: 'utf8' });
        git('init', '-q');
        git('-c', 'user.email=t@example.org', '-c', 'user.name=Test', 'add', '.');
        git('-c', 'user.email=t@example.org', '-c', 'user.name=Test', 'commit', '-q', '-m', 'v1');
        writePaymentsV2(path.join(folder, 'payments'));
        const working = JSON.parse((await moatIn(folder, 'diff', '-f', 'json', 'payments', '--base', 'HEAD')).stdout) as { models: { flows: { added: string[] } }[] };
        expect(working.models[0].flows.added).toEqual(['OrderExport']);
        git('-c', 'user.email=t@example.org', '-c', 'user.name=Test', 'commit', '-q', '-am', 'v2');
        const revisions = JSON.parse((await moatIn(folder, 'diff', '-f', 'json', 'payments', '--base', 'HEAD~1', '--head', 'HEAD')).stdout) as { models: { file: string; flows: { added: string[] } }[] };
        expect(revisions.models.map(model => [model.file, model.flows.added])).toEqual([['payments/model.tm', ['OrderExport']]]);
        const same = await moatIn(folder, 'diff', 'payments', '--base', 'HEAD');
        expect(same.stdout).toContain('No change to the threat model.');
    });

    test('--fail-on new-unmitigated-high fails a change that brings a new open high threat', async () => {
        const folder = copySample();
        fs.cpSync(path.join(folder, 'payments'), path.join(folder, 'payments-v2'), { recursive: true });
        fs.appendFileSync(path.join(folder, 'payments-v2', 'checkout.tm'), '\nflow PlainCard: Shopper -> ApiGateway "Card in clear" { protocol http  carries [CardNumber] }\n');
        const run = await moatIn(folder, 'diff', '--fail-on', 'new-unmitigated-high', 'payments', 'payments-v2');
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(/^moat: the change brings \d+ new unmitigated threat\(s\): .*@PlainCard/);
        expect((await moatIn(folder, 'diff', 'payments', 'payments-v2')).code).toBe(0);
        expect((await moatIn(folder, 'diff', '--fail-on', 'new-unmitigated-high', 'payments', 'payments')).code).toBe(0);
    });

    test('usage errors exit 2 with a message', async () => {
        expect((await moat('diff', 'samples/payments')).code).toBe(2);
        const unknown = await moat('diff', 'samples/payments', '--base', 'no-such-revision-xyz');
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toMatch(/^moat: git rev-parse failed/);
    });
});
