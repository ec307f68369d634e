import { type LangiumDocument, type URI } from 'langium';
import { isModel, isModelFile } from '../generated/ast.js';
import { isBuiltinReference } from '../knowledge/builtin-knowledge-bases.js';
import { resolveReferencedPath } from './referenced-path.js';

const MODEL_EXTENSIONS = ['.tm', '.tmkb'];

/**
 * The files a document depends on by path: the `.tm` files it imports and the `.tmkb` files its
 * model names as knowledge bases, resolved relative to the document.
 */
export function referencedFiles(document: LangiumDocument): URI[] {
    const root = document.parseResult.value;
    if (!isModelFile(root)) return [];
    const paths = [
        ...root.imports.map(node => node.path).filter(path => typeof path === 'string' && path !== ''),
        ...root.declarations.filter(isModel).flatMap(model => model.knowledgeBases).filter(reference => typeof reference === 'string' && !isBuiltinReference(reference))
    ];
    return paths.map(relative => resolveReferencedPath(document.uri, relative))
        .filter((uri): uri is URI => uri !== undefined && MODEL_EXTENSIONS.some(extension => uri.path.endsWith(extension)));
}
