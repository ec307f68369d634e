import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { isBuiltinReference } from '../knowledge/builtin-knowledge-bases.js';
import { STRIDE_LETTERS } from '../model/stride.js';
import type { KnowledgeBase, RuleDeclaration } from '../knowledge/knowledge-base-types.js';
import { createMoatServices } from '../moat-module.js';
import type { CommandIo } from './check-command.js';
import { InputError, loadModels } from './load-models.js';

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];

/** How a knowledge base's rules spread over STRIDE letters and subjects. */
export interface RuleCounts {
    rules: number;
    top: number;
    byStride: Record<string, number>;
    bySubject: Record<string, number>;
    bySeverity: Record<string, number>;
}

/** `moat rules [KB…]`: the rules of knowledge bases (default the built-in one) and their counts. */
export async function runRules(references: readonly string[], options: { format: 'text' | 'json'; counts: boolean }, io: CommandIo): Promise<number> {
    const services = createMoatServices(NodeFileSystem);
    const named = references.length > 0 ? references : ['moat:stride'];
    const files = named.filter(reference => !isBuiltinReference(reference)).map(reference => path.resolve(io.cwd, reference));
    for (const [position, file] of files.entries()) {
        if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new InputError(`cannot read '${named.filter(reference => !isBuiltinReference(reference))[position]}': no such file`);
    }
    await loadModels(services, files);
    const from = URI.file(path.join(io.cwd, 'moat-cli.tm'));
    const knowledgeBases = named.map(reference => {
        const knowledgeBase = services.moat.knowledge.KnowledgeBaseRegistry.resolve(isBuiltinReference(reference) ? reference : path.resolve(io.cwd, reference), from);
        if (!knowledgeBase) throw new InputError(`cannot read knowledge base '${reference}'`);
        return knowledgeBase;
    });
    const sources = named.map(reference => isBuiltinReference(reference) ? undefined : reference);
    const report = knowledgeBases.map((knowledgeBase, position) => ({
        id: knowledgeBase.id, version: knowledgeBase.version, file: sources[position], counts: countRules(knowledgeBase.rules), rules: knowledgeBase.rules.map(listing)
    }));
    if (options.format === 'json') io.stdout(JSON.stringify(report, null, 2));
    else io.stdout(knowledgeBases.map((knowledgeBase, position) => formatRules(knowledgeBase, sources[position], options.counts)).join('\n\n'));
    return 0;
}

/** Counts rules per STRIDE letter, per subject of `applies-to` and per severity; a rule counts once under each of its letters and subjects. */
export function countRules(rules: readonly RuleDeclaration[]): RuleCounts {
    const counts: RuleCounts = { rules: rules.length, top: 0, byStride: {}, bySubject: {}, bySeverity: {} };
    for (const letter of Object.values(STRIDE_LETTERS)) counts.byStride[letter] = 0;
    for (const severity of SEVERITIES) counts.bySeverity[severity] = 0;
    for (const rule of rules) {
        if (rule.top) counts.top++;
        for (const category of new Set(rule.stride)) counts.byStride[STRIDE_LETTERS[category]]++;
        for (const subject of new Set(rule.subjects)) counts.bySubject[subject] = (counts.bySubject[subject] ?? 0) + 1;
        const severity = rule.severity ?? 'medium';
        counts.bySeverity[severity] = (counts.bySeverity[severity] ?? 0) + 1;
    }
    return counts;
}

function listing(rule: RuleDeclaration) {
    return { id: rule.id, label: rule.label, severity: rule.severity, top: rule.top, appliesTo: rule.subjects, stride: rule.stride, categorisation: rule.categorisation };
}

function formatRules(knowledgeBase: KnowledgeBase, file: string | undefined, countsOnly: boolean): string {
    const counts = countRules(knowledgeBase.rules);
    const name = `${knowledgeBase.id}${knowledgeBase.version ? ` ${knowledgeBase.version}` : ''}`;
    const summary = [
        `${file ? `${file} (of ${name})` : name}: ${counts.rules} rules, ${counts.top} marked top`,
        `  by STRIDE letter: ${Object.entries(counts.byStride).map(([letter, count]) => `${letter} ${count}`).join(', ')}`,
        `  by subject:       ${Object.entries(counts.bySubject).sort().map(([subject, count]) => `${subject} ${count}`).join(', ')}`,
        `  by severity:      ${Object.entries(counts.bySeverity).map(([severity, count]) => `${severity} ${count}`).join(', ')}`
    ];
    if (countsOnly) return summary.join('\n');
    const rows = knowledgeBase.rules.map(rule => [
        rule.id, rule.severity ?? 'medium', rule.top ? 'top' : '', rule.subjects.join(','), rule.stride.map(category => STRIDE_LETTERS[category]).join(''), rule.label ?? ''
    ]);
    const widths = [0, 1, 2, 3, 4].map(column => Math.max(...rows.map(row => row[column].length)));
    return [...summary, '', ...rows.map(row => row.map((cell, column) => column < 5 ? cell.padEnd(widths[column]) : cell).join('  ').trimEnd())].join('\n');
}
