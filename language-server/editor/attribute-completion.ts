import { AstUtils, CstUtils, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import { isBoundary, isData, isElement, isFlow, isWordTerm } from '../generated/ast.js';
import type { Subject } from '../model/threat-model-types.js';
import type { Vocabulary } from '../knowledge/knowledge-base-types.js';

/** The declaration whose `{ … }` property block the offset is in, and what kind of subject it is. */
function blockAt(document: LangiumDocument, offset: number): { node: AstNode; subject: Subject } | undefined {
    const root = document.parseResult.value.$cstNode;
    const leaf = root && CstUtils.findLeafNodeBeforeOffset(root, offset);
    let node: AstNode | undefined = leaf?.astNode;
    while (node && !(isElement(node) || isFlow(node) || isData(node) || isBoundary(node))) node = node.$container;
    const open = node && GrammarUtils.findNodeForKeyword(node.$cstNode, '{');
    if (!node || !open || open.end > offset) return undefined;
    const close = GrammarUtils.findNodesForKeyword(node.$cstNode, '}').at(-1);
    if (close && close.offset < offset) return undefined;
    const subject: Subject = isElement(node) ? node.kind : isFlow(node) ? 'flow' : isData(node) ? 'data' : 'boundary';
    return { node, subject };
}

/**
 * Completion inside an element's, flow's, data asset's or boundary's property block, from the
 * model's knowledge bases: after an enum attribute's name its values, otherwise the names of the
 * attributes that apply to that kind of subject, with their type and description.
 */
export function attributeCompletions(document: LangiumDocument, offset: number, vocabulary: Vocabulary): CompletionItem[] {
    const block = blockAt(document, offset);
    if (!block) return [];
    const applies = (subjects: readonly Subject[]) => subjects.includes(block.subject) || (subjects.includes('element') && !['flow', 'data', 'boundary'].includes(block.subject));
    const before = document.textDocument.getText().slice(Math.max(0, offset - 200), offset);
    const previous = /([A-Za-z_][\w-]*)\s+[\w-]*$/.exec(before)?.[1];
    const named = previous === undefined ? undefined : vocabulary.attributes.get(previous);
    if (named && applies(named.subjects) && (named.type.kind === 'enum' || named.type.kind === 'ordered')) {
        return named.type.values.map((value, index) => ({ label: value, kind: CompletionItemKind.EnumMember, detail: `${named.name} value`, sortText: String(index).padStart(3, '0') }));
    }
    const used = new Set(AstUtils.streamContents(block.node).filter(isWordTerm).map(term => term.word));
    return [...vocabulary.attributes.values()].filter(attribute => applies(attribute.subjects) && !used.has(attribute.name)).map(attribute => ({
        label: attribute.name,
        kind: attribute.type.kind === 'boolean' ? CompletionItemKind.Property : CompletionItemKind.Field,
        detail: attribute.type.kind === 'enum' || attribute.type.kind === 'ordered' ? attribute.type.values.join(' | ') : attribute.type.kind,
        documentation: attribute.label,
        sortText: `~${attribute.name}`
    }));
}
