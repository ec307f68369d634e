import '../language-server/polyfills.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createMoatServices } from '../language-server/moat-module.js';
import { markdownReport } from '../language-server/report/markdown-report.js';
import { reportData } from '../language-server/report/report-data.js';
import { diagramGraph } from '../language-server/render/diagram-graph.js';
import { checkFormatting, knowledgeBaseFormatting, knowledgeBaseTexts } from './formatter-property.js';
import { mutate, mutationArbitrary } from './mutations.js';

/**
 * `npm run fuzz -- [--runs N] [--seed S]`: property-based fuzzing of the whole pipeline with
 * fast-check. Inputs are mutations of the repository's models (token deletions, duplications,
 * swaps, splices, random Unicode); each goes through parse, link, validation, the STRIDE analysis,
 * the threat model, the diagram graph and the Markdown report in one long-lived set of services,
 * as in the language server. Properties: nothing throws, each input takes under the time bound,
 * a known model built after it is still analysed the same way, and an input that parses (a `.tm`,
 * or a mutated knowledge base) formats idempotently, keeping its comments and its syntax tree.
 */
const TIME_BOUND_MS = 5000;

function option(name: string, fallback: number): number {
    const index = process.argv.indexOf(`--${name}`);
    return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

function corpus(root: string): string[] {
    const files = [
        ...fs.readdirSync(path.join(root, 'samples', 'invalid')).filter(name => name.endsWith('.tm')).map(name => path.join(root, 'samples', 'invalid', name)),
        ...fs.readdirSync(path.join(root, 'samples', 'payments')).filter(name => name.endsWith('.tm')).map(name => path.join(root, 'samples', 'payments', name)),
        path.join(root, 'test', 'fixtures', 'hostile', 'hostile.tm'), path.join(root, 'test', 'fixtures', 'design-example.tm')
    ];
    return files.filter(file => fs.existsSync(file)).map(file => fs.readFileSync(file, 'utf8'));
}

async function main(): Promise<void> {
    const runs = option('runs', 1000);
    const seed = option('seed', Date.now() % 2 ** 31);
    const root = path.resolve(__dirname, '..');
    const texts = corpus(root);
    const services = createMoatServices(NodeFileSystem);
    const documents = services.shared.workspace.LangiumDocuments;
    const builder = services.shared.workspace.DocumentBuilder;
    const canary = 'actor User "User"\nboundary Dmz "DMZ" { process Web "Web" }\nflow Pay: User -> Web { protocol http }\n';
    let count = 0;
    let slowest = 0;
    const formatted = { models: 0, knowledgeBases: 0 };
    // Langium turns an exception in a check into one diagnostic and a log line: for the fuzzer, that is a failure too.
    const caught: string[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => {
        caught.push(args.map(String).join(' ').split('\n')[0]);
    };
    const started = performance.now();
    const build = async (text: string) => {
        const uri = URI.parse(`memory:///fuzz/input-${++count}.tm`);
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        documents.addDocument(document);
        await builder.build([document], { validation: true });
        const analysis = services.moat.analysis.AnalysisProvider.analysis(document);
        markdownReport(reportData(analysis, root), analysis);
        diagramGraph(analysis);
        // Through the builder, as the language server closes a document: it also drops the
        // document's index entries and build state (a bare deleteDocument kept every input's tree
        // reachable, and a 100,000-input run ran out of heap after ~37 minutes).
        await builder.update([], [uri]);
        return analysis;
    };
    let lastFailure = '';
    const property = fc.asyncProperty(fc.nat(texts.length - 1), fc.array(mutationArbitrary(), { minLength: 1, maxLength: 8 }), async (which, mutations) => {
        try {
            await check(mutate(texts[which], mutations));
        } catch (error) {
            lastFailure = error instanceof Error ? error.stack ?? error.message : String(error);
            throw error;
        }
    });
    const check = async (input: string) => {
        const before = performance.now();
        caught.length = 0;
        await build(input);
        if (caught.length > 0) throw new Error(`an exception was caught and logged: ${caught[0]}`);
        const took = performance.now() - before;
        slowest = Math.max(slowest, took);
        if (took > TIME_BOUND_MS) throw new Error(`took ${Math.round(took)} ms`);
        const formatting = await checkFormatting(services, input, 'tm');
        if (formatting.parsed) formatted.models++;
        if (formatting.problem) throw new Error(formatting.problem);
        const canaryAnalysis = await build(canary);
        if (!canaryAnalysis.derivedThreats.some(threat => threat.id === 'WEB-TLS-01@Pay')) throw new Error('a known model is no longer analysed correctly after this input');
    };
    try {
        await fc.assert(property, { numRuns: runs, seed, verbose: 1 });
        await fc.assert(knowledgeBaseFormatting(services, knowledgeBaseTexts(root), () => formatted.knowledgeBases++), { numRuns: runs, seed, verbose: 1 });
    } catch (error) {
        console.error = log;
        console.error(`The last failure: ${lastFailure}`);
        throw error;
    } finally {
        console.error = log;
    }
    console.log(`fuzz: ${runs} inputs, seed ${seed}, ${((performance.now() - started) / 1000).toFixed(1)} s, slowest input ${Math.round(slowest)} ms, `
        + `formatted the ${formatted.models} .tm and ${formatted.knowledgeBases} of ${runs} .tmkb inputs that parsed, no failure`);
}

main().catch(error => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
});
