import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'vitest';
import { EmptyFileSystem, TextDocument, URI, type LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { NodeFileSystem } from 'langium/node';
import { collectFiles, loadModels } from '../../language-server/cli/load-models.js';
import { analysesOf } from '../../language-server/cli/model-roots.js';
import { runMoat } from '../../language-server/cli/program.js';
import { previewData } from '../../language-server/lsp/preview-data.js';
import type { PreviewData } from '../../language-server/protocol.js';
import { createMoatServices, type MoatLanguageServices } from '../../language-server/moat-module.js';
import type { Analysis } from '../../language-server/analysis/analysis-types.js';
import type { ThreatModel } from '../../language-server/model/threat-model-types.js';
// @ts-expect-error: a plain ES module without type declarations.
import { mulberry32 } from '../../bench/generate-model.mjs';

/** The fixed "today" of every test, so acceptance expiry does not depend on the calendar. */
export const TODAY = '2026-11-23';

/** The repository root. */
export const REPO_ROOT = path.resolve(__dirname, '../..');

/** The clock override every test uses. */
export const fixedClock = { workspace: { Clock: () => ({ today: () => TODAY }) } };

/** Fresh in-memory services with a fixed clock. */
export function createTestServices(): MoatLanguageServices {
    return createMoatServices(EmptyFileSystem, fixedClock);
}

let counter = 0;

/** Which services built each document (the threat model must come from the same services). */
const servicesOf = new WeakMap<LangiumDocument, MoatLanguageServices>();

/** Parses, links and validates one `.tm` text in fresh services. */
export async function parseModel(text: string, name?: string): Promise<LangiumDocument> {
    const file = name ?? `model-${++counter}.tm`;
    const documents = await buildFiles({ [file]: text });
    return documents[file];
}

/** Builds several files together (paths relative to file:///test/); returns the documents by path. */
export async function buildFiles(files: Record<string, string>, services: MoatLanguageServices = createTestServices()): Promise<Record<string, LangiumDocument>> {
    const workspace = services.shared.workspace;
    const result: Record<string, LangiumDocument> = {};
    for (const [name, text] of Object.entries(files)) {
        const document = workspace.LangiumDocumentFactory.fromString(text, URI.parse('file:///test/' + name));
        workspace.LangiumDocuments.addDocument(document);
        result[name] = document;
        servicesOf.set(document, services);
    }
    await workspace.DocumentBuilder.build(Object.values(result), { validation: true });
    return result;
}

/** The diagnostic's code, Langium's built-in ones from `data.code`. */
export function codeOf(diagnostic: Diagnostic): string | undefined {
    const code = diagnostic.code ?? (diagnostic.data as { code?: string } | undefined)?.code;
    return code === undefined ? undefined : String(code);
}

/** Every diagnostic code of a document. */
export function codesOf(document: LangiumDocument): string[] {
    return (document.diagnostics ?? []).map(codeOf).filter((code): code is string => code !== undefined);
}

/** Diagnostics of a document with a given code. */
export function diagnosticsWithCode(document: LangiumDocument, code: string): Diagnostic[] {
    return (document.diagnostics ?? []).filter(diagnostic => codeOf(diagnostic) === code);
}

/** Error-severity diagnostics. */
export function errorsOf(document: LangiumDocument): Diagnostic[] {
    return (document.diagnostics ?? []).filter(diagnostic => diagnostic.severity === 1);
}

/** The threat model of a built document. */
export function threatModelOf(document: LangiumDocument, services?: MoatLanguageServices): ThreatModel {
    const owner = services ?? servicesOf.get(document);
    if (!owner) throw new Error(`no services built ${document.uri.toString()}`);
    return owner.moat.model.ThreatModelProvider.threatModel(document);
}

/** Asserts that a document lexed and parsed without errors. */
export function expectCleanParse(document: LangiumDocument): void {
    expect(document.parseResult.lexerErrors.map(error => error.message)).toEqual([]);
    expect(document.parseResult.parserErrors.map(error => error.message)).toEqual([]);
}

/** Builds one `.tm` text that must parse cleanly, and returns it with its threat model. */
export async function modelOf(text: string): Promise<{ document: LangiumDocument; model: ThreatModel }> {
    const document = await parseModel(text);
    expectCleanParse(document);
    return { document, model: threatModelOf(document) };
}

/** The STRIDE analysis of a built document (derived threats and questions). */
export function analysisOf(document: LangiumDocument): Analysis {
    const owner = servicesOf.get(document);
    if (!owner) throw new Error(`no services built ${document.uri.toString()}`);
    return owner.moat.analysis.AnalysisProvider.analysis(document);
}

/** The ids (`RULE@Subject`) of the derived threats of a built document. */
export function derivedIdsOf(document: LangiumDocument): string[] {
    return analysisOf(document).derivedThreats.map(threat => threat.id);
}

/** The quick fixes the server offers for the diagnostics of a document with the given code. */
export async function quickFixesFor(document: LangiumDocument, code: string): Promise<CodeAction[]> {
    const owner = servicesOf.get(document);
    if (!owner) throw new Error(`no services built ${document.uri.toString()}`);
    const diagnostics = diagnosticsWithCode(document, code);
    const actions = await owner.moat.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() },
        range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics }
    });
    return (actions ?? []).filter((action): action is CodeAction => 'edit' in action);
}

/** The text of each file after applying a code action's edits (files it does not edit are left out). */
export function applyCodeAction(files: Record<string, string>, action: CodeAction): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [uri, edits] of Object.entries(action.edit?.changes ?? {})) {
        const name = uri.replace('file:///test/', '');
        result[name] = TextDocument.applyEdits(TextDocument.create(uri, 'moat', 0, files[name]), edits);
    }
    return result;
}

/** Codes of the STRIDE analysis (derived threats, questions, traceability), as opposed to problems with the text. */
export const ANALYSIS_CODES: ReadonlySet<string> = new Set([
    'unaddressed-threat', 'unanswered-question', 'empty-answer', 'unmitigated-threat', 'mitigation-without-ticket', 'missing-without-clause',
    'unlinked-without-clause', 'unmotivated-threat', 'unrealized-requirement', 'unplanned-mitigation', 'undetected-threat', 'budget-exceeded'
]);

/** Every diagnostic code of a document except the analysis's: what is wrong with the text itself. */
export function problemCodesOf(document: LangiumDocument): string[] {
    return codesOf(document).filter(code => !ANALYSIS_CODES.has(code));
}

/** What a `moat` run printed and returned. */
export interface CliRun { code: number; stdout: string; stderr: string }

/** Runs `moat ARGS` in-process from the repository root (or `cwd`) and captures its output. */
export async function moat(...argv: string[]): Promise<CliRun> {
    return moatIn(REPO_ROOT, ...argv);
}

/** Runs `moat ARGS` in-process from a given folder and captures its output. */
export async function moatIn(cwd: string, ...argv: string[]): Promise<CliRun> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runMoat(argv, { cwd, stdout: text => out.push(text), stderr: text => err.push(text) });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** The Mermaid blocks of a Markdown text. */
export function mermaidBlocks(markdown: string): string[] {
    return [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map(match => match[1]);
}

/**
 * A second version of the payments sample with realistic changes: a new analytics export that
 * crosses into a third party carrying personal data, the Kafka TLS mitigation done, and the
 * warehouse-tampering threat accepted.
 */
export function writePaymentsV2(folder: string): void {
    const edit = (file: string, from: string, to: string) => {
        const full = path.join(folder, file);
        const text = fs.readFileSync(full, 'utf8');
        if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
        fs.writeFileSync(full, text.replace(from, to));
    };
    edit('checkout.tm', 'external FraudDataProvider "Fraud-data provider" {',
        'external AnalyticsVendor "Marketing analytics vendor" { trusted false }\n\nexternal FraudDataProvider "Fraud-data provider" {');
    fs.appendFileSync(path.join(folder, 'checkout.tm'), '\n// Added in this change: the order service exports basket data to the analytics vendor.\n'
        + 'flow OrderExport: OrderService -> AnalyticsVendor "Nightly basket export" { protocol https  carries [OrderDetails] }\n');
    edit('threats.tm', 'status in-progress\n  ticket "PAY-214"', 'status done\n  ticket "PAY-214"');
    edit('threats.tm', '  mitigated-by WarehouseAccessHistory\n}', '  mitigated-by WarehouseAccessHistory\n  accepted-by "Ana Ruiz (Head of Finance Engineering)" until 2027-05-31 because "Reports are reconciled against the ledger monthly"\n}');
}

/** A temporary folder holding a copy of samples/payments as `payments/`. */
export function copySample(): string {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'moat-diff-'));
    fs.cpSync(path.join(REPO_ROOT, 'samples', 'payments'), path.join(folder, 'payments'), { recursive: true });
    return folder;
}

/** The preview data of the one model at a path of the repository, through the real pipeline from disk. */
export async function previewDataOf(target: string): Promise<PreviewData> {
    const services = createMoatServices(NodeFileSystem, fixedClock);
    const documents = await loadModels(services, collectFiles([target], REPO_ROOT));
    const [analysis] = analysesOf(services, documents);
    return JSON.parse(JSON.stringify(previewData(analysis.model.uri, analysis))) as PreviewData;
}

/** A deterministic pseudo-random generator (mulberry32, the benchmark generator's): numbers in [0, 1) from a seed. */
export const seededRandom: (seed: number) => () => number = mulberry32;
