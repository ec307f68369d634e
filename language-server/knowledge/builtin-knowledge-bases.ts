import actors from '../../knowledge/stride/actors.tmkb';
import datastores from '../../knowledge/stride/datastores.tmkb';
import flows from '../../knowledge/stride/flows.tmkb';
import processes from '../../knowledge/stride/processes.tmkb';
import vocabulary from '../../knowledge/stride/vocabulary.tmkb';

/** A file of a built-in knowledge base: its name (for locations) and text. */
export interface BuiltinFile {
    name: string;
    text: string;
}

/**
 * The knowledge bases shipped with Moat, by the id a model names them with. A knowledge base may
 * span several files; the first declares the header (version and title).
 */
export const BUILTIN_KNOWLEDGE_BASES: ReadonlyMap<string, readonly BuiltinFile[]> = new Map([
    ['moat:stride', [
        { name: 'stride/vocabulary.tmkb', text: vocabulary },
        { name: 'stride/flows.tmkb', text: flows },
        { name: 'stride/processes.tmkb', text: processes },
        { name: 'stride/datastores.tmkb', text: datastores },
        { name: 'stride/actors.tmkb', text: actors }
    ]]
]);

/** The knowledge base a model uses when it names none. */
export const DEFAULT_KNOWLEDGE_BASE = 'moat:stride';

/** Whether a `knowledgebase` setting names a built-in knowledge base rather than a file. */
export function isBuiltinReference(reference: string): boolean {
    return reference.startsWith('moat:');
}
