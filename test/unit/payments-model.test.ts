import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { beforeAll, describe, expect, test } from 'vitest';
import { collectFiles, loadModels } from '../../language-server/cli/load-models.js';
import { createMoatServices, type MoatLanguageServices } from '../../language-server/moat-module.js';
import type { ThreatModel } from '../../language-server/model/threat-model-types.js';
import { fixedClock, moat, previewDataOf, REPO_ROOT } from './helpers.js';

const SAMPLE = path.join(REPO_ROOT, 'samples', 'payments');

/** One reviewed derived threat of samples/payments/derived-threats.golden.json. */
interface GoldenEntry {
    id: string;
    status: string;
    verdict: 'true-positive' | 'false-positive';
    justification: string;
}

/** Rewrites every `file://` URI into a repo-relative path so the snapshot is machine-independent. */
function machineIndependent(model: ThreatModel): unknown {
    const relative = (uri: string) => uri.startsWith('file://')
        ? path.relative(REPO_ROOT, new URL(uri).pathname).split(path.sep).join('/')
        : uri;
    return JSON.parse(JSON.stringify(model, (key, value) =>
        (key === 'uri' || (key === 'files' && Array.isArray(value)))
            ? (Array.isArray(value) ? value.map(relative) : relative(value))
            : value));
}

describe('samples/payments', () => {
    let services: MoatLanguageServices;
    let documents: LangiumDocument[];
    let model: ThreatModel;

    beforeAll(async () => {
        services = createMoatServices(NodeFileSystem, fixedClock);
        documents = await loadModels(services, collectFiles([SAMPLE]));
        const root = documents.find(document => document.uri.path.endsWith('/samples/payments/model.tm'))!;
        model = services.moat.model.ThreatModelProvider.threatModel(root);
    });

    test('the model matches the snapshot', () => {
        expect(machineIndependent(model)).toMatchSnapshot();
    });

    test('the model spans every file of the sample', () => {
        const files = (machineIndependent(model) as ThreatModel).files;
        expect(files[0]).toBe('samples/payments/model.tm');
        expect([...files].sort()).toEqual(expect.arrayContaining([
            'samples/payments/checkout.tm', 'samples/payments/data.tm', 'samples/payments/operations.tm', 'samples/payments/platform.tm'
        ]));
    });

    test('it is a realistic size', () => {
        expect(model.elements.length).toBeGreaterThanOrEqual(25);
        expect(model.flows.length).toBeGreaterThanOrEqual(30);
        expect(model.boundaries.length).toBeGreaterThanOrEqual(3);
        expect(model.boundaries.some(boundary => boundary.parent !== undefined)).toBe(true);
        expect(model.threats.length).toBeGreaterThanOrEqual(8);
    });

    test('every flow joins declared elements and every element has a kind', () => {
        const ids = new Set(model.elements.map(element => element.id));
        for (const flow of model.flows) {
            expect(ids.has(flow.source), `${flow.id} source`).toBe(true);
            expect(ids.has(flow.target), `${flow.id} target`).toBe(true);
        }
        const nested = model.boundaries.filter(boundary => boundary.parent);
        for (const boundary of nested) expect(model.boundaries.map(b => b.id)).toContain(boundary.parent);
    });

    test('the derived threats are the reviewed ones of the golden file, with the statuses recorded there', () => {
        const root = documents.find(document => document.uri.path.endsWith('/samples/payments/model.tm'))!;
        const derived = services.moat.analysis.AnalysisProvider.analysis(root).derivedThreats
            .map(threat => ({ id: threat.id, status: threat.status }))
            .sort((a, b) => a.id.localeCompare(b.id));
        const golden = JSON.parse(fs.readFileSync(path.join(SAMPLE, 'derived-threats.golden.json'), 'utf8')) as GoldenEntry[];
        expect(derived).toEqual(golden.map(({ id, status }) => ({ id, status })));
        for (const entry of golden) {
            expect(entry.verdict, entry.id).toMatch(/^(true|false)-positive$/);
            expect(entry.justification.length, `${entry.id} needs a justification`).toBeGreaterThan(20);
            if (entry.verdict === 'false-positive') expect(entry.status, `${entry.id} is a false positive the model must dismiss`).toBe('not-applicable');
        }
    });

    test('no derived threat of the sample is left unaddressed', () => {
        const root = documents.find(document => document.uri.path.endsWith('/samples/payments/model.tm'))!;
        const unaddressed = services.moat.analysis.AnalysisProvider.analysis(root).derivedThreats.filter(threat => threat.status === 'unaddressed');
        expect(unaddressed.map(threat => threat.id)).toEqual([]);
    });

    test('no document of the sample has an error', () => {
        const errors = documents.flatMap(document => (document.diagnostics ?? [])
            .filter(diagnostic => diagnostic.severity === 1)
            .map(diagnostic => `${path.relative(REPO_ROOT, document.uri.fsPath)}:${diagnostic.range.start.line + 1} ${diagnostic.message}`));
        expect(errors).toEqual([]);
    });

    test('the preview (and the status bar it feeds) counts the open threats that moat check reports', async () => {
        const check = JSON.parse((await moat('check', '-f', 'json', SAMPLE)).stdout) as { openThreats: Record<string, number> };
        const reported = Object.values(check.openThreats).reduce((sum, count) => sum + count, 0);
        expect(reported).toBeGreaterThan(0);
        expect((await previewDataOf('samples/payments')).counts.openThreats).toBe(reported);
    });
});
