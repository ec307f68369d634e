import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { countRules } from '../../language-server/cli/rules-command.js';
import { analysisOf, buildFiles, createTestServices, expectCleanParse, REPO_ROOT } from './helpers.js';

/**
 * Every rule of the built-in knowledge base fires on a minimal model and stays silent on a near
 * miss. The models are fixtures, `test/fixtures/rules/RULE.fires.tm` (whose first line says
 * `// expect: RULE@Subject`) and `RULE.near-miss.tm`, so a rule without both fails here.
 */
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'rules');
const services = createTestServices();
const builtin = services.moat.knowledge.KnowledgeBaseRegistry.resolve('moat:stride', URI.parse('file:///test/main.tm'))!;

function fixture(rule: string, variant: 'fires' | 'near-miss'): string {
    const file = path.join(FIXTURES, `${rule}.${variant}.tm`);
    if (!fs.existsSync(file)) throw new Error(`rule ${rule} has no fixture ${path.relative(REPO_ROOT, file)}`);
    return fs.readFileSync(file, 'utf8');
}

async function derivedOf(text: string) {
    const { 'main.tm': document } = await buildFiles({ 'main.tm': text });
    expectCleanParse(document);
    return analysisOf(document).derivedThreats;
}

describe('built-in rules', () => {
    test('at least 80 rules, 25 of them top, and every STRIDE letter covered by at least 6', () => {
        const counts = countRules(builtin.rules);
        expect(counts.rules).toBeGreaterThanOrEqual(80);
        expect(counts.top).toBeGreaterThanOrEqual(25);
        for (const [letter, count] of Object.entries(counts.byStride)) expect(count, `STRIDE ${letter}`).toBeGreaterThanOrEqual(6);
        for (const subject of ['actor', 'external', 'process', 'datastore', 'flow']) expect(counts.bySubject[subject], subject).toBeGreaterThan(0);
    });

    test.each(builtin.rules.map(rule => [rule.id, rule] as const))('%s carries severity, STRIDE, ASVS 5, CWE, ISO, a mitigation and a question', (_id, rule) => {
        expect(rule.severity).toBeDefined();
        expect(rule.stride.length).toBeGreaterThan(0);
        const schemes = rule.categorisation.map(categorisation => categorisation.scheme);
        expect(schemes).toEqual(expect.arrayContaining(['asvs', 'cwe', 'iso']));
        expect(rule.categorisation.filter(categorisation => categorisation.scheme === 'asvs').every(asvs => asvs.id.startsWith('v5.0.0-'))).toBe(true);
        expect(rule.mitigations.length).toBeGreaterThan(0);
        expect(rule.questions.length).toBeGreaterThan(0);
    });

    test.each(builtin.rules.map(rule => rule.id))('%s fires on its fixture and not on its near miss', async rule => {
        const fires = fixture(rule, 'fires');
        const expected = /^\/\/ expect: (\S+@\S+)/.exec(fires)?.[1];
        expect(expected, `${rule}.fires.tm must start with "// expect: ${rule}@Subject"`).toMatch(new RegExp(`^${rule}@`));
        expect((await derivedOf(fires)).map(threat => threat.id)).toContain(expected);
        expect((await derivedOf(fixture(rule, 'near-miss'))).filter(threat => threat.rule === rule).map(threat => threat.id)).toEqual([]);
    });

    test('every fixture belongs to a rule of the knowledge base', () => {
        const ids = new Set(builtin.rules.map(rule => rule.id));
        const orphans = fs.readdirSync(FIXTURES).map(file => file.replace(/\.(fires|near-miss)\.tm$/, '')).filter(rule => !ids.has(rule));
        expect(orphans).toEqual([]);
    });
});
