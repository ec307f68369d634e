import type { CodeAction } from 'vscode-languageserver';
import { isElement, isFlow, isStory, isThreat } from '../../generated/ast.js';
import { appendDeclaration, insertClause } from './block-edits.js';
import { findDeclaration } from './declaration-lookup.js';
import { freshName } from './fresh-names.js';
import { quickFix, quoted, takenNames, type QuickFixContext } from './quick-fix-context.js';

/** How many threats are offered to link a story to. */
const MAX_THREATS = 5;

/** Answers the open STRIDE questions of an element or flow: one `answer` line per open category, to fill in. */
export function questionFixes(context: QuickFixContext): CodeAction[] {
    const { subject, categories } = context.data as { subject: string; categories: string[] };
    const node = findDeclaration(context.document, subject, context.diagnostic.range.start);
    if (!(isElement(node) || isFlow(node)) || categories.length === 0) return [];
    const answers = categories.map(category => `answer ${category} ""`);
    const title = categories.length === 1 ? `Answer the ${categories[0]} question on ${subject}` : `Answer the ${categories.length} open STRIDE questions on ${subject}`;
    return [quickFix(title, context, { [context.document.uri.toString()]: [insertClause(context.document, node, answers)] }, true)];
}

/** Gives a bare threat a mitigation stub: `mitigated-by` on the threat and a proposed mitigation. */
export function mitigationStubFixes(context: QuickFixContext): CodeAction[] {
    const { threat } = context.data as { threat: string };
    const node = findDeclaration(context.document, threat);
    if (!isThreat(node)) return [];
    const name = freshName(`${threat}Mitigation`, takenNames(context.analysis));
    const label = `Mitigate: ${node.label ?? threat}`;
    return [quickFix(`Add a mitigation stub '${name}' to ${threat}`, context, {
        [context.document.uri.toString()]: [
            insertClause(context.document, node, `mitigated-by ${name}`),
            appendDeclaration(context.document, `mitigation ${name} ${quoted(label)} {\n  status proposed\n}`)
        ]
    }, true)];
}

/** Links a story to the threats on what it touches (or, touching nothing, to any threat of the model). */
export function storyLinkFixes(context: QuickFixContext): CodeAction[] {
    const { story } = context.data as { story: string };
    const node = findDeclaration(context.document, story);
    const model = context.analysis.model;
    const declared = model.stories.find(candidate => candidate.id === story);
    if (!isStory(node) || !declared) return [];
    const touched = new Set(declared.touches);
    for (const flow of model.flows) if (touched.has(flow.source) || touched.has(flow.target)) touched.add(flow.id);
    const related = model.threats.filter(threat => threat.targets.some(target => touched.has(target)));
    const candidates = (related.length > 0 ? related : model.threats).slice(0, MAX_THREATS);
    return candidates.map(threat => quickFix(`Link story ${story} to threat ${threat.id}`, context, {
        [context.document.uri.toString()]: [insertClause(context.document, node, `threats [${threat.id}]`)]
    }));
}
