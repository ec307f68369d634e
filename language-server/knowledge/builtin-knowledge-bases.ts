import stride from '../../knowledge/stride.tmkb';

/** The knowledge bases shipped with Moat, by the id a model names them with. */
export const BUILTIN_KNOWLEDGE_BASES: ReadonlyMap<string, string> = new Map([['moat:stride', stride]]);

/** The knowledge base a model uses when it names none. */
export const DEFAULT_KNOWLEDGE_BASE = 'moat:stride';

/** Whether a `knowledgebase` setting names a built-in knowledge base rather than a file. */
export function isBuiltinReference(reference: string): boolean {
    return reference.startsWith('moat:');
}
