import '../language-server/polyfills.js';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createMoatServices } from '../language-server/moat-module.js';
// @ts-expect-error: a plain ES module without type declarations.
import { editOffset, generateModel } from './generate-model.mjs';

/** One measured model size. */
export interface BenchResult {
    elements: number;
    lines: number;
    coldMs: number;
    editRebuildMs: number;
    peakRssMb: number;
    diagnostics: number;
}

const RUNS = 3;

/** Cold build (parse, link, validate, model) and one-character edit rebuild of a synthetic model. */
async function measure(elements: number, folder: string): Promise<BenchResult> {
    const text: string = generateModel({ elements });
    const file = path.join(folder, `bench-${elements}.tm`);
    const cold: number[] = [];
    const edits: number[] = [];
    let diagnostics = 0;
    for (let run = 0; run < RUNS; run++) {
        fs.writeFileSync(file, text);
        const services = createMoatServices(NodeFileSystem);
        const builder = services.shared.workspace.DocumentBuilder;
        const uri = URI.file(file);
        const started = performance.now();
        const document = await services.shared.workspace.LangiumDocuments.getOrCreateDocument(uri);
        await builder.build([document], { validation: true });
        services.moat.model.ThreatModelProvider.threatModel(document);
        cold.push(performance.now() - started);
        diagnostics = document.diagnostics?.length ?? 0;

        const offset: number = editOffset(text);
        fs.writeFileSync(file, `${text.slice(0, offset)}x${text.slice(offset)}`);
        const editStarted = performance.now();
        await builder.update([uri], []);
        const edited = services.shared.workspace.LangiumDocuments.getDocument(uri) as LangiumDocument;
        services.moat.model.ThreatModelProvider.threatModel(edited);
        edits.push(performance.now() - editStarted);
    }
    return {
        elements, lines: text.split('\n').length, coldMs: median(cold), editRebuildMs: median(edits),
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), diagnostics
    };
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
        await measure(1000, folder); // warm the JIT so the first size is not charged for it
        for (const size of sizes.length > 0 ? sizes : [100, 1000, 10000]) {
            console.log(JSON.stringify(await measure(size, folder)));
        }
    } finally {
        fs.rmSync(folder, { recursive: true, force: true });
    }
}

void main();
