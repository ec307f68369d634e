import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { URI } from 'langium';
import type { StrideQuestion } from '../analysis/analysis-types.js';
import { questionFields } from '../analysis/stride-question-record.js';
import { createMoatServices } from '../moat-module.js';
import type { CommandIo } from './check-command.js';
import { collectFiles, loadModels } from './load-models.js';
import { analysesOf } from './model-roots.js';

/** One question as `moat questions` lists it; lines and columns are one-based. */
export interface QuestionListing extends Omit<StrideQuestion, 'location'> {
    file: string;
    line: number;
    column: number;
}

/** `moat questions PATHS…`: the open STRIDE questions of each model (`--all` also lists answered ones). */
export async function runQuestions(paths: readonly string[], options: { format: 'text' | 'json'; all: boolean }, io: CommandIo): Promise<number> {
    const services = createMoatServices(NodeFileSystem);
    const documents = await loadModels(services, collectFiles(paths, io.cwd));
    const seen = new Set<string>();
    const questions: QuestionListing[] = [];
    for (const analysis of analysesOf(services, documents)) {
        for (const { location, ...question } of analysis.questions.map(questionFields)) {
            const file = path.relative(io.cwd, URI.parse(location.uri).fsPath);
            const key = `${file}|${question.id}`;
            if ((!options.all && question.status !== 'open') || seen.has(key)) continue;
            seen.add(key);
            questions.push({ ...question, file, line: location.range.start.line + 1, column: location.range.start.character + 1 });
        }
    }
    if (options.format === 'json') {
        io.stdout(JSON.stringify({ questions }, null, 2));
    } else {
        const lines = questions.map(question => `${question.file}:${question.line}:${question.column} ${question.subject} ${question.category}`
            + `${options.all ? ` [${question.status}]` : ''} ${question.text}`);
        if (lines.length > 0) io.stdout(lines.join('\n'));
        const open = questions.filter(question => question.status === 'open').length;
        io.stderr(`${open} open question${open === 1 ? '' : 's'}`);
    }
    return 0;
}
