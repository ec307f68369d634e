import type { CstNode, LeafCstNode } from 'langium';
import type { Range } from 'vscode-languageserver';

/**
 * The fields of Langium 4.4's CST node classes that hold positions (cst-node-builder.js). An
 * incremental re-parse moves the nodes after an edit instead of building them again, which needs
 * these fields; `hasKnownLayout` checks them so that another Langium version falls back to full
 * parsing instead of corrupting positions.
 */
interface LeafFields {
    _offset: number;
    _startLine: number;
    _startColumn: number;
    _endLine: number;
    _endColumn: number;
}

interface CompositeFields {
    content: CstNode[];
    container?: CstNode;
    _rangeCache: Range | undefined;
}

interface RootFields extends CompositeFields {
    _text: string;
}

/** How the text after an edit moved: by `offset` characters and `lines` lines; text on `line` (the old line of the edit's end) also by `columns`. */
export interface PositionShift {
    offset: number;
    lines: number;
    line: number;
    columns: number;
}

/** Whether the root and a leaf of this CST have the fields this module rewrites. */
export function hasKnownLayout(root: CstNode, leaf: CstNode): boolean {
    return '_text' in root && '_rangeCache' in root && Array.isArray((root as unknown as RootFields).content)
        && ['_offset', '_startLine', '_startColumn', '_endLine', '_endColumn'].every(field => typeof (leaf as unknown as Record<string, unknown>)[field] === 'number');
}

/** The children of a composite CST node (the root included); none for a leaf. */
export function childrenOf(node: CstNode): CstNode[] {
    return (node as unknown as Partial<CompositeFields>).content ?? [];
}

/** The first leaf of a node that is not hidden (whitespace or a comment): where its text starts. */
export function firstTokenOf(node: CstNode): LeafCstNode | undefined {
    let current: CstNode | undefined = node;
    while (current && childrenOf(current).length > 0) {
        const children = childrenOf(current);
        current = children.find(child => !child.hidden) ?? children[0];
    }
    return current && current !== node ? current as LeafCstNode : undefined;
}

/** The last leaf of a node that is not hidden (whitespace or a comment): where its text ends. */
export function lastTokenOf(node: CstNode): LeafCstNode | undefined {
    let current: CstNode | undefined = node;
    while (current && childrenOf(current).length > 0) {
        const children = childrenOf(current);
        current = children.findLast(child => !child.hidden) ?? children.at(-1);
    }
    return current && current !== node ? current as LeafCstNode : undefined;
}

/** Moves every leaf under `node` by the shift and drops the composite nodes' cached ranges. */
export function shiftPositions(node: CstNode, shift: PositionShift): void {
    const pending: CstNode[] = [node];
    while (pending.length > 0) {
        const current = pending.pop()!;
        const composite = current as unknown as Partial<CompositeFields>;
        if (composite.content) {
            composite._rangeCache = undefined;
            for (const child of composite.content) pending.push(child);
            continue;
        }
        const leaf = current as unknown as LeafFields;
        // Only text on the line where the edit ended moves sideways; lines below keep their columns.
        if (leaf._startLine === shift.line) leaf._startColumn += shift.columns;
        if (leaf._endLine === shift.line) leaf._endColumn += shift.columns;
        leaf._startLine += shift.lines;
        leaf._endLine += shift.lines;
        leaf._offset += shift.offset;
    }
}

/** Puts `replacement` where `child` is among the root's children, and gives the root its new text. */
export function replaceChild(root: CstNode, index: number, replacement: CstNode, text: string): void {
    const fields = root as unknown as RootFields;
    fields.content[index] = replacement;
    (replacement as unknown as CompositeFields).container = root;
    fields._text = text;
    fields._rangeCache = undefined;
}
