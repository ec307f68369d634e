import type { DerivedThreat } from '../analysis/analysis-types.js';
import type { Severity } from '../model/threat-model-types.js';
import { STRIDE_LETTERS } from '../model/stride.js';
import { issueDocumentation } from '../validation/issue-codes.js';
import type { CheckDiagnostic, CheckReport } from './check-report.js';
import type { DiagnosticHelp } from './diagnostic-help.js';
import { fingerprints } from './fingerprints.js';
import { MOAT_VERSION_STRING } from './version.js';

/** GitHub code scanning accepts at most this many results per run. */
export const MAX_SARIF_RESULTS = 25_000;

/** GitHub's `security-severity` (0–10) for a derived threat's severity, which ranks security alerts. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };
const LEVEL: Record<CheckDiagnostic['severity'], 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** What a SARIF log needs besides the diagnostics: the derived threats' rules and the codes' docs. */
export interface SarifContext {
    /** A derived threat per knowledge-base rule that has a result, for the rule's metadata. */
    ruleExamples: ReadonlyMap<string, DerivedThreat>;
    help: DiagnosticHelp;
    /** Where diagnostics.md is published (`--docs-url`); by default the installed package's copy. */
    docsUrl?: string;
}

/**
 * A SARIF 2.1.0 log of a check: one reporting rule per diagnostic code, and one per knowledge-base
 * rule for unaddressed derived threats (with its STRIDE, CWE and `security-severity` so code
 * scanning ranks it), locations relative to the working folder, fingerprints that survive moved
 * lines. Every text is a JSON string, never markup.
 */
export function sarifLog(report: CheckReport, context: SarifContext): object {
    const ordered = [...report.diagnostics].sort((a, b) => rank(a) - rank(b));
    const kept = ordered.slice(0, MAX_SARIF_RESULTS);
    const prints = fingerprints(kept);
    const rules: object[] = [];
    const ruleIndex = new Map<string, number>();
    const indexOf = (diagnostic: CheckDiagnostic): { id: string; index: number } => {
        const id = ruleIdOf(diagnostic);
        let index = ruleIndex.get(id);
        if (index === undefined) {
            index = rules.length;
            ruleIndex.set(id, index);
            rules.push(reportingRule(id, diagnostic, context));
        }
        return { id, index };
    };
    const results = kept.map((diagnostic, position) => {
        const { id, index } = indexOf(diagnostic);
        return {
            ruleId: id, ruleIndex: index, level: LEVEL[diagnostic.severity],
            message: { text: diagnostic.message },
            locations: [{
                physicalLocation: {
                    artifactLocation: { uri: diagnostic.file.split('\\').join('/'), uriBaseId: '%SRCROOT%' },
                    region: { startLine: diagnostic.line, startColumn: diagnostic.column, endLine: diagnostic.endLine, endColumn: diagnostic.endColumn }
                }
            }],
            partialFingerprints: { 'moat/v1': prints[position] },
            ...(diagnostic.threat ? { properties: { threat: diagnostic.threat, code: diagnostic.code } } : {})
        };
    });
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: { driver: { name: 'Moat', semanticVersion: MOAT_VERSION_STRING, version: MOAT_VERSION_STRING, rules } },
            columnKind: 'utf16CodeUnits',
            results,
            ...(ordered.length > kept.length ? {
                invocations: [{
                    executionSuccessful: true,
                    toolExecutionNotifications: [{ level: 'warning', message: { text: `Only the ${kept.length} most severe of ${ordered.length} results are included (GitHub's limit per run).` } }]
                }]
            } : {})
        }]
    };
}

/** The reporting rule of a result: the knowledge-base rule of a derived threat, else the diagnostic code. */
function ruleIdOf(diagnostic: CheckDiagnostic): string {
    return diagnostic.code === 'unaddressed-threat' && diagnostic.rule ? diagnostic.rule : diagnostic.code;
}

function reportingRule(id: string, diagnostic: CheckDiagnostic, context: SarifContext): object {
    const example = diagnostic.rule ? context.ruleExamples.get(diagnostic.rule) : undefined;
    if (id === diagnostic.rule && example) return knowledgeBaseRule(id, example, docsLink('unaddressed-threat', context));
    const markdown = context.help.markdown(id);
    return {
        id, name: pascalCase(id),
        shortDescription: { text: context.help.summary(id) ?? id },
        ...(markdown ? { help: { text: markdown, markdown } } : {}),
        helpUri: docsLink(id, context),
        defaultConfiguration: { level: LEVEL[diagnostic.severity] },
        properties: { tags: ['threat-model'], precision: 'very-high' }
    };
}

function knowledgeBaseRule(id: string, threat: DerivedThreat, helpUri: string): object {
    const cwes = threat.categorisation.filter(entry => entry.scheme === 'cwe').map(entry => `external/cwe/cwe-${entry.id}`);
    const lines = [
        `${threat.label ?? id} (${threat.stride.join(', ')}; ${threat.severity})`,
        ...threat.mitigations.map(mitigation => `Mitigation: ${mitigation}`),
        ...threat.ruleQuestions.map(question => `Question: ${question}`),
        `Categorisation: ${threat.categorisation.map(entry => `${entry.scheme} ${entry.id}`).join(', ')}`,
        'Address it in the model: adopt it with a threat (from), cover the rule with a mitigation (covers), or answer its STRIDE categories not-applicable.'
    ];
    const text = lines.join('\n\n');
    return {
        id, name: pascalCase(id),
        shortDescription: { text: threat.label ?? id },
        fullDescription: { text: threat.mitigations[0] ?? threat.label ?? id },
        help: { text, markdown: lines.map(escapeMarkdown).join('\n\n') },
        helpUri,
        properties: {
            tags: ['security', 'threat-model', ...threat.stride.map(category => `stride/${STRIDE_LETTERS[category]}`), ...cwes],
            'security-severity': SECURITY_SEVERITY[threat.severity],
            precision: 'high'
        }
    };
}

function rank(diagnostic: CheckDiagnostic): number {
    return ['error', 'warning', 'info', 'hint'].indexOf(diagnostic.severity);
}

function pascalCase(id: string): string {
    return id.split(/[^A-Za-z0-9]+/).filter(part => part !== '').map(part => part[0].toUpperCase() + part.slice(1).toLowerCase()).join('');
}

function docsLink(code: string, context: SarifContext): string {
    return context.docsUrl ? `${context.docsUrl}#${code}` : issueDocumentation(code).href;
}

/** Knowledge-base text as Markdown text: the characters that start markup (emphasis, code, links, HTML, headings, tables) are escaped. */
function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_[\]<>#|~]/g, character => `\\${character}`);
}
