import type { AstNode } from 'langium';
import type { Vocabulary } from '../knowledge/knowledge-base-types.js';

/** What a top-level declaration gave the last threat model built from it, and where it stood. */
interface Built {
    line: number;
    character: number;
    vocabulary: Vocabulary;
    entities: unknown;
}

/** Kept on the declaration itself (invisible to Langium, which reads string keys only). */
const BUILT = Symbol('moat.builtEntities');
type WithBuilt = AstNode & { [BUILT]?: Built };

/**
 * The entities of a top-level declaration, built once and kept while the declaration is the same
 * syntax-tree node at the same position, read with the same vocabulary. The incremental parse
 * keeps every declaration an edit did not touch (moving the ones after it), and a kept declaration
 * has the same text, so at the same start it has the same positions inside too: after an edit,
 * only the entities of the declaration it changed, and of those it moved, are built again.
 */
export function entitiesOf<T>(declaration: AstNode, vocabulary: Vocabulary, build: () => T): T {
    const start = declaration.$cstNode?.range.start;
    if (!start) return build();
    const node = declaration as WithBuilt;
    const cached = node[BUILT];
    if (cached && cached.vocabulary === vocabulary && cached.line === start.line && cached.character === start.character) return cached.entities as T;
    const entities = build();
    node[BUILT] = { line: start.line, character: start.character, vocabulary, entities };
    return entities;
}
