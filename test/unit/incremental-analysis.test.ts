import { TextDocument, URI, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
// @ts-expect-error: a plain ES module without type declarations.
import { generateModel } from '../../bench/generate-model.mjs';
import { analyseModel } from '../../language-server/analysis/analyse-model.js';
import type { Analysis } from '../../language-server/analysis/analysis-types.js';
import { navigationReach, readsLabels } from '../../language-server/analysis/navigation-reach.js';
import { isRule, type KnowledgeBaseFile } from '../../language-server/generated/ast.js';
import { buildFiles, createTestServices, seededRandom } from './helpers.js';

/**
 * After an edit, the analysis re-evaluates only the subjects within the rules' reach of what
 * changed and carries the other matches over. Chains of edits that change what rules read —
 * attributes, flows added and removed, ends moved, data, boundaries, names, elements deleted —
 * must give exactly the analysis of the same model analysed from scratch.
 */

type Edit = (lines: string[], pick: <T>(items: readonly T[]) => T) => void;

const indexOf = (lines: string[], pattern: RegExp, pick: <T>(items: readonly T[]) => T) => {
    const matching = lines.flatMap((line, index) => pattern.test(line) ? [index] : []);
    return matching.length > 0 ? pick(matching) : -1;
};
const replaceIn = (pattern: RegExp, line: RegExp, replacements: readonly string[]): Edit => (lines, pick) => {
    const at = indexOf(lines, line, pick);
    if (at >= 0) lines[at] = lines[at].replace(pattern, () => pick(replacements));
};
const elementIds = (lines: string[]) => lines.flatMap(line => /^\s*(?:actor|external|process|datastore) (\w+)/.exec(line)?.[1] ?? []);

/** Edits that change what rules read, written as a user would make them. */
const EDITS: Edit[] = [
    replaceIn(/\b(encrypted|exposed|hardened|rate-limited|sandboxed|backup)\b/, /^\s+(?:process|datastore|external|flow) .*\b(encrypted|exposed|hardened|rate-limited|sandboxed|backup)\b|^flow .*\bencrypted\b/, ['', 'trusted']),
    replaceIn(/protocol \w+/, /protocol \w+/, ['protocol http', 'protocol https', 'protocol sql', 'protocol grpc']),
    replaceIn(/classification \w+/, /^data .*classification/, ['classification public', 'classification restricted', 'classification internal']),
    replaceIn(/trust \w+/, /^\s+trust \w+/, ['trust untrusted', 'trust internal', 'trust partner']),
    replaceIn(/authenticates \S+/, /authenticates \S+/, ['authenticates none', 'authenticates oidc', 'authenticates password']),
    replaceIn(/ -> | <-> /, /^flow /, [' -> ', ' <-> ']),
    replaceIn(/carries \[[^\]]*\]/, /carries \[/, ['carries [D1]', 'carries [D2, D3]', 'carries []']),
    // A flow removed, or one added between two elements.
    (lines, pick) => {
        const at = indexOf(lines, /^flow /, pick);
        if (at >= 0) lines.splice(at, 1);
    },
    (lines, pick) => {
        const ids = elementIds(lines);
        lines.push(`flow ${pick(ids)} -> ${pick(ids)} "Added" { ${pick(['protocol http', 'encrypted', 'carries [D2]', 'protocol https  carries [D1, D3]'])} }`);
    },
    // A flow's end moved to another element.
    (lines, pick) => {
        const at = indexOf(lines, /^flow /, pick);
        if (at >= 0) lines[at] = lines[at].replace(/(-> |<-> )(\w+)/, (_, arrow: string) => `${arrow}${pick(elementIds(lines))}`);
    },
    // A one-line element deleted: the flows that named it now lead nowhere.
    (lines, pick) => {
        const at = indexOf(lines, /^\s*(?:actor|external|process|datastore) \w+ "[^"]*"( \{.*\})?$/, pick);
        if (at >= 0) lines.splice(at, 1);
    },
    // A one-line element renamed, or given another label.
    replaceIn(/^(\s*(?:actor|process) )(\w+)/, /^\s*(?:actor|process) \w+ "[^"]*"$/, ['$1Renamed']),
    replaceIn(/"[^"]*"/, /^\s*(?:actor|external|process|datastore) \w+ "/, ['"Relabelled"', '"Another label"'])
];

/** What a user sees of an analysis: every derived threat with its explanation and questions, and every question. */
const shown = (analysis: Analysis) => JSON.stringify({ derived: analysis.derivedThreats, questions: analysis.questions });

describe('incremental analysis after an edit', () => {
    test('each edit of a chain gives the analysis of the edited model from scratch, re-using the matches of untouched subjects', async () => {
        const services = createTestServices();
        const provider = services.moat.analysis.AnalysisProvider;
        const models = services.moat.model.ThreatModelProvider;
        const name = 'edited.tm';
        const uri = URI.parse(`file:///test/${name}`);
        const { [name]: document } = await buildFiles({ [name]: generateModel({ elements: 80 }) as string }, services);
        const next = seededRandom(7);
        const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
        let lines = document.textDocument.getText().split('\n');
        let carried = 0;
        for (let step = 0; step < 40; step++) {
            const before = provider.analysis(document);
            const explanations = new Set(before.derivedThreats.map(threat => threat.explanation));
            lines = [...lines];
            pick(EDITS)(lines, pick);
            services.shared.workspace.TextDocuments?.set(TextDocument.create(uri.toString(), 'moat', step + 2, lines.join('\n')));
            await services.shared.workspace.DocumentBuilder.update([uri], []);
            const edited = document as LangiumDocument;
            const incremental = provider.analysis(edited);
            const fresh = analyseModel(models.threatModel(edited), provider.knowledge(models.vocabulary(edited)));
            expect(shown(incremental), `edit ${step}`).toBe(shown(fresh));
            // A carried-over match keeps the explanation worked out before the edit.
            carried += incremental.derivedThreats.filter(threat => explanations.has(threat.explanation)).length;
        }
        expect(carried).toBeGreaterThan(1000);
    }, 120_000);

    test('a change as far from a subject as its rule reads is seen after the edit', async () => {
        const services = createTestServices();
        const kb = `knowledgebase "team:far" version "1.0.0"
attribute trust: ordered [untrusted, internal] on boundary
rule NESTED "Called from an untrusted zone" { applies-to process  when receives some (source.boundary.parent.trust == untrusted)  stride spoofing  severity low }
`;
        // P ← F ← E, in Inner, in Outer: Outer's trust is four steps from P.
        const model = (trust: string) => `model M "M" { knowledgebase "far.tmkb" }
boundary Outer "Outer" { trust ${trust}  boundary Inner "Inner" { actor E "E" } }
process P "P"
flow F: E -> P "calls"
`;
        const { 'main.tm': document } = await buildFiles({ 'far.tmkb': kb, 'main.tm': model('internal') }, services);
        const derived = () => services.moat.analysis.AnalysisProvider.analysis(document).derivedThreats.map(threat => threat.id);
        expect(derived()).toEqual([]);
        for (const [version, trust, expected] of [[2, 'untrusted', ['NESTED@P']], [3, 'internal', []]] as const) {
            services.shared.workspace.TextDocuments?.set(TextDocument.create(document.uri.toString(), 'moat', version, model(trust)));
            await services.shared.workspace.DocumentBuilder.update([document.uri], []);
            expect(derived()).toEqual(expected);
        }
    });

    test('a rule reaches as far as its navigation and quantifiers go', async () => {
        const kb = `knowledgebase "team:reach" version "1.0.0"
attribute trust: ordered [untrusted, internal] on boundary
attribute encrypted: boolean on flow
attribute pii: boolean on data
rule LOCAL "Local" { applies-to flow  when not encrypted  stride tampering  severity low }
rule ENDS "Ends" { applies-to flow  when source.boundary.trust < target.boundary.trust  stride tampering  severity low }
rule NESTED "Nested" { applies-to process  when receives some (source.boundary.parent.trust == untrusted)  stride spoofing  severity low }
rule DATA "Data" { applies-to process  when carries some (pii)  stride information-disclosure  severity low }
rule NAMED "Named" { applies-to flow  when target.label == "Legacy"  stride tampering  severity low }
`;
        const { 'rules.tmkb': document } = await buildFiles({ 'rules.tmkb': kb });
        const file = document.parseResult.value as KnowledgeBaseFile;
        const conditionsOf = (id: string) => file.members.filter(isRule).find(rule => rule.name === id)!.conditions;
        const reach = (id: string) => Math.max(...conditionsOf(id).map(navigationReach));
        expect(reach('LOCAL')).toBe(0);
        expect(reach('ENDS')).toBe(2);
        expect(reach('NESTED')).toBe(4);
        expect(reach('DATA')).toBe(2);
        expect(conditionsOf('NAMED').some(readsLabels)).toBe(true);
        expect(conditionsOf('ENDS').some(readsLabels)).toBe(false);
    });
});
