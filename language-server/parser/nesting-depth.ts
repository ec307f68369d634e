/** Where a text first opens more brackets than allowed, as a position and the bracket found. */
export interface DepthViolation {
    offset: number;
    line: number;
    column: number;
    bracket: string;
}

const OPENERS = new Set(['{', '(', '[']);
const CLOSERS = new Set(['}', ')', ']']);

/**
 * Scans a `.tm` or `.tmkb` text once, skipping strings and comments, for the first bracket that
 * opens nesting deeper than `limit`. Linear in the text, with no regular expression.
 */
export function findExcessiveNesting(text: string, limit: number): DepthViolation | undefined {
    let depth = 0;
    let line = 1;
    let lineStart = 0;
    for (let offset = 0; offset < text.length; offset++) {
        const char = text[offset];
        if (char === '\n') {
            line++;
            lineStart = offset + 1;
        } else if (char === '"') {
            offset = skipString(text, offset);
        } else if (char === '/' && text[offset + 1] === '/') {
            offset = text.indexOf('\n', offset) - 1;
            if (offset < 0) return undefined;
        } else if (char === '/' && text[offset + 1] === '*') {
            const end = text.indexOf('*/', offset + 2);
            if (end < 0) return undefined;
            for (let inner = offset; inner < end; inner++) {
                if (text[inner] === '\n') {
                    line++;
                    lineStart = inner + 1;
                }
            }
            offset = end + 1;
        } else if (OPENERS.has(char)) {
            if (++depth > limit) return { offset, line, column: offset - lineStart + 1, bracket: char };
        } else if (CLOSERS.has(char)) {
            depth = Math.max(0, depth - 1);
        }
    }
    return undefined;
}

/** The offset of the closing quote of the string opened at `start` (or of its line's end). */
function skipString(text: string, start: number): number {
    for (let offset = start + 1; offset < text.length; offset++) {
        const char = text[offset];
        if (char === '\\') offset++;
        else if (char === '"') return offset;
        else if (char === '\n' || char === '\r') return offset - 1;
    }
    return text.length;
}
