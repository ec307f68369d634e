import { UriUtils, type URI } from 'langium';

/** A lone UTF-16 surrogate: text an editor can hold but no URI can encode. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The file a path written in a model (an import, a knowledge base) points at, relative to the model's
 * file; undefined for a path no URI can hold (a lone surrogate makes `URI.toString()` throw), which
 * then reads as a file that does not exist.
 */
export function resolveReferencedPath(from: URI, relative: string): URI | undefined {
    return LONE_SURROGATE.test(relative) ? undefined : UriUtils.resolvePath(UriUtils.dirname(from), relative);
}
