import { URI } from 'langium';
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import { isFlow, isMitigation } from '../../generated/ast.js';
import { appendDeclaration, appendToList, insertAt, insertClause } from './block-edits.js';
import { findDeclaration } from './declaration-lookup.js';
import { freshName, identifierFrom } from './fresh-names.js';
import { quickFix, quoted, takenNames, type QuickFixContext } from './quick-fix-context.js';

/** How many existing mitigations are offered to cover a rule. */
const MAX_EXISTING_MITIGATIONS = 5;

/**
 * Fixes for an unaddressed derived threat: adopt it as a threat, cover its rule with a new or an
 * existing mitigation, or mark it not applicable with a reason to fill in.
 */
export function derivedThreatFixes(context: QuickFixContext): CodeAction[] {
    const { rule, subject, threat } = context.data as { rule: string; subject: string; threat: string };
    const derived = context.analysis.derivedThreats.find(candidate => candidate.id === threat);
    if (!derived) return [];
    const taken = takenNames(context.analysis);
    const uri = context.document.uri.toString();
    const mitigationText = derived.mitigations[0] ?? `Mitigate: ${derived.label ?? rule}`;
    const mitigationName = freshName(identifierFrom(mitigationText), taken);
    const cover = [
        quickFix(`Cover ${rule} with a new mitigation '${mitigationName}'`, context, {
            [uri]: [appendDeclaration(context.document, `mitigation ${mitigationName} ${quoted(mitigationText)} {\n  status proposed\n  covers ${rule}\n}`)]
        }),
        ...existingMitigationFixes(context, rule)
    ];
    // A threat is `on` an element or a flow: data and boundaries can only be covered.
    if (derived.subjectKind === 'data' || derived.subjectKind === 'boundary') return cover;
    const { edits, target } = referenceableSubject(context, subject, taken);
    const name = freshName(`${target}${identifierFrom(derived.label ?? rule, 2)}`, taken);
    const threatBlock = (closing: string) => [...edits, appendDeclaration(context.document, [
        `threat ${name} ${quoted(derived.label ?? rule)} {`, `  on ${target}`, `  from ${rule}`,
        ...(derived.stride.length > 0 ? [`  stride ${derived.stride.join(', ')}`] : []), `  ${closing}`, '}'
    ].join('\n'))];
    return [
        quickFix(`Adopt ${threat} as a threat`, context, { [uri]: threatBlock(`severity ${derived.severity}`) }, true),
        ...cover,
        quickFix(`Mark ${threat} not applicable`, context, { [uri]: threatBlock('not-applicable "Explain why this does not apply here"') })
    ];
}

/** `covers RULE` added to each of the model's live mitigations, those of this file first. */
function existingMitigationFixes(context: QuickFixContext, rule: string): CodeAction[] {
    const here = context.document.uri.toString();
    const candidates = context.analysis.model.mitigations
        .filter(mitigation => mitigation.status !== 'wont-do' && !mitigation.covers.includes(rule))
        .sort((a, b) => Number(b.location.uri === here) - Number(a.location.uri === here))
        .slice(0, MAX_EXISTING_MITIGATIONS);
    return candidates.flatMap(mitigation => {
        const document = mitigation.location.uri === here ? context.document : context.documents.getDocument(URI.parse(mitigation.location.uri));
        const node = document && findDeclaration(document, mitigation.id);
        if (!document || !isMitigation(node)) return [];
        const edit = node.rules.length > 0 ? appendToList(document, node, 'rules', rule) : insertClause(document, node, `covers ${rule}`);
        return edit ? [quickFix(`Cover ${rule} with mitigation '${mitigation.id}'`, context, { [mitigation.location.uri]: [edit] })] : [];
    });
}

/**
 * A name a threat can put after `on`: the subject's own, or — for an unnamed flow, which nothing can
 * refer to — a new name given to the flow by the same fix.
 */
function referenceableSubject(context: QuickFixContext, subject: string, taken: Set<string>): { edits: TextEdit[]; target: string } {
    const node = findDeclaration(context.document, subject, context.diagnostic.range.start);
    if (!isFlow(node) || node.name !== undefined || !node.source.$refNode) return { edits: [], target: subject };
    const name = freshName(subject.replace('->', 'To'), taken);
    taken.add(name);
    return { edits: [insertAt(context.document, node.source.$refNode.offset, `${name}: `)], target: name };
}
