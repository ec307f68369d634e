import '../language-server/polyfills.js';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { analyseModel } from '../language-server/analysis/analyse-model.js';
import { ModelIndex } from '../language-server/analysis/model-index.js';
import { deriveThreats } from '../language-server/analysis/rule-engine.js';
import { createMoatServices } from '../language-server/moat-module.js';
import { markdownReport } from '../language-server/report/markdown-report.js';
import { reportData } from '../language-server/report/report-data.js';
// @ts-expect-error: a plain ES module without type declarations.
import { editOffset, generateModel } from './generate-model.mjs';

/** One measured model size. */
export interface BenchResult {
    elements: number;
    lines: number;
    coldMs: number;
    editRebuildMs: number;
    /** While typing: the median of one-character edits made one after another on the same document (the JIT warm). */
    typingMs: number;
    peakRssMb: number;
    /** Of the cold build, the linking phase alone (scoping and reference resolution). */
    linkMs: number;
    /** Heap in use with the model built, after a full garbage collection (needs --expose-gc). */
    retainedHeapMb: number;
    diagnostics: number;
    /** The STRIDE analysis of the built model with the full built-in knowledge base: rules, addressing, questions. */
    analysisMs: number;
    /** Indexing the model for rule evaluation (nodes, attribute slots, neighbours). */
    indexMs: number;
    /** Evaluating every rule on every element and flow of the indexed model. */
    ruleEvaluationMs: number;
    derivedThreats: number;
    rules: number;
    /** `moat report` on the built model: report data and Markdown with the Mermaid DFD. */
    reportMs: number;
}

const RUNS = 3;
/** Rule evaluations per measured run. */
const RULE_REPEATS = 7;
/** One-character edits in a row for the typing figure. */
const TYPING_EDITS = 10;

/**
 * Cold build (parse, index, link, validate, model) of a new document and the rebuild after a
 * one-character edit, in one long-lived set of services as in the language server. A warm-up build
 * of the same model first pays for the parser's construction and the JIT, which a server pays once.
 */
async function measure(elements: number, folder: string): Promise<BenchResult> {
    const text: string = generateModel({ elements });
    const services = createMoatServices(NodeFileSystem);
    const builder = services.shared.workspace.DocumentBuilder;
    const documents = services.shared.workspace.LangiumDocuments;
    const cold: number[] = [];
    const links: number[] = [];
    let scopesDone = 0;
    builder.onBuildPhase(DocumentState.ComputedScopes, () => { scopesDone = performance.now(); });
    builder.onBuildPhase(DocumentState.Linked, () => { links.push(performance.now() - scopesDone); });
    const edits: number[] = [];
    let diagnostics = 0;
    let retainedHeapMb = 0;
    const analyses: AnalysisTiming[] = [];
    const reports: number[] = [];
    for (let run = -1; run < RUNS; run++) {
        const file = path.join(folder, `bench-${elements}-${run + 1}.tm`);
        const uri = URI.file(file);
        fs.writeFileSync(file, text);
        const started = performance.now();
        const document = await documents.getOrCreateDocument(uri);
        await builder.build([document], { validation: true });
        services.moat.model.ThreatModelProvider.threatModel(document);
        const coldMs = performance.now() - started;
        diagnostics = document.diagnostics?.length ?? 0;
        (globalThis as { gc?: () => void }).gc?.();
        retainedHeapMb = Math.round(process.memoryUsage().heapUsed / 2 ** 20);

        if (run >= 0) {
            measureAnalysis(document, services, analyses);
            const reportStarted = performance.now();
            const analysis = services.moat.analysis.AnalysisProvider.analysis(document);
            markdownReport(reportData(analysis, folder), analysis);
            reports.push(performance.now() - reportStarted);
        }

        const offset: number = editOffset(text);
        fs.writeFileSync(file, `${text.slice(0, offset)}x${text.slice(offset)}`);
        const editStarted = performance.now();
        await builder.update([uri], []);
        services.moat.model.ThreatModelProvider.threatModel(documents.getDocument(uri) as LangiumDocument);
        const editMs = performance.now() - editStarted;
        await builder.update([], [uri]);
        if (run < 0) links.length = 0;
        if (run >= 0) {
            cold.push(coldMs);
            edits.push(editMs);
        }
    }
    // Peak memory as before the typing figure was added: the typing edits run after it is read.
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const typing = await measureTyping(path.join(folder, `bench-${elements}-typing.tm`), text, services);
    return {
        elements, lines: text.split('\n').length, coldMs: median(cold), linkMs: median(links.filter((_, index) => index % 2 === 0)), editRebuildMs: median(edits), typingMs: median(typing),
        peakRssMb, retainedHeapMb, diagnostics,
        analysisMs: median(analyses.map(timing => timing.analysisMs)), indexMs: median(analyses.map(timing => timing.indexMs)),
        ruleEvaluationMs: median(analyses.map(timing => timing.ruleEvaluationMs)),
        derivedThreats: analyses[0]?.derivedThreats ?? 0, rules: analyses[0]?.rules ?? 0,
        reportMs: median(reports)
    };
}

/**
 * Edits as typing makes them: a model opened and built once more, then TYPING_EDITS one-character
 * edits in a row (the character of the edit rebuild inserted and removed in turn), each rebuilt as
 * above. The first edit after opening a model pays for code the cold build did not run (the JIT
 * is still warming the edit path); these show what each keystroke costs after that.
 */
async function measureTyping(file: string, text: string, services: ReturnType<typeof createMoatServices>): Promise<number[]> {
    const documents = services.shared.workspace.LangiumDocuments;
    const builder = services.shared.workspace.DocumentBuilder;
    const uri = URI.file(file);
    fs.writeFileSync(file, text);
    await builder.build([await documents.getOrCreateDocument(uri)], { validation: true });
    const offset: number = editOffset(text);
    const times: number[] = [];
    for (let edit = 0; edit < TYPING_EDITS; edit++) {
        fs.writeFileSync(file, edit % 2 === 0 ? `${text.slice(0, offset)}x${text.slice(offset)}` : text);
        const started = performance.now();
        await builder.update([uri], []);
        services.moat.model.ThreatModelProvider.threatModel(documents.getDocument(uri) as LangiumDocument);
        times.push(performance.now() - started);
    }
    await builder.update([], [uri]);
    return times;
}

interface AnalysisTiming { analysisMs: number; indexMs: number; ruleEvaluationMs: number; derivedThreats: number; rules: number }

/**
 * The analysis on its own, from the built threat model (as after an edit, when the model is rebuilt),
 * each part after a full garbage collection: indexing the model, rule evaluation over every element
 * and flow with the full knowledge base (depth full), then the whole analysis (index, rules,
 * addressing, questions).
 */
function measureAnalysis(document: LangiumDocument, services: ReturnType<typeof createMoatServices>, timings: AnalysisTiming[]): void {
    const model = services.moat.model.ThreatModelProvider.threatModel(document);
    const knowledge = services.moat.analysis.AnalysisProvider.knowledge(services.moat.model.ThreatModelProvider.vocabulary(document));
    const full = { ...model, settings: { ...model.settings, depth: 'full' as const } };
    // The build just before leaves garbage; collect it so the engine is timed, not the build's leftovers.
    (globalThis as { gc?: () => void }).gc?.();
    // Rule evaluation is short and this machine is noisy: the median of several evaluations, each on a fresh index.
    const indexTimes: number[] = [];
    const ruleTimes: number[] = [];
    let derived: unknown[] = [];
    for (let repeat = 0; repeat < RULE_REPEATS; repeat++) {
        const indexStarted = performance.now();
        const index = new ModelIndex(full, knowledge.slots);
        const ruleStarted = performance.now();
        derived = deriveThreats(index, knowledge, full.settings);
        ruleTimes.push(performance.now() - ruleStarted);
        indexTimes.push(ruleStarted - indexStarted);
    }
    const ruleEvaluationMs = median(ruleTimes);
    (globalThis as { gc?: () => void }).gc?.();
    const started = performance.now();
    analyseModel(full, knowledge);
    timings.push({
        analysisMs: performance.now() - started, indexMs: median(indexTimes), ruleEvaluationMs, derivedThreats: derived.length, rules: knowledge.rules.length
    });
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return Math.round(sorted[Math.floor(sorted.length / 2)]);
}

/** Runs the sizes given on the command line (default 100, 1000, 10000) and prints JSON lines. */
async function main(): Promise<void> {
    const sizes = process.argv.slice(2).map(Number).filter(n => n > 0);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'moat-bench-'));
    try {
        for (const size of sizes.length > 0 ? sizes : [100, 1000, 10000]) {
            console.log(JSON.stringify(await measure(size, folder)));
        }
    } finally {
        fs.rmSync(folder, { recursive: true, force: true });
    }
}

void main();
