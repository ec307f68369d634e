/** Where a text first nests deeper than allowed: the position and the token found there. */
export interface DepthViolation {
    offset: number;
    line: number;
    column: number;
    token: string;
    /** Brackets opened too deep, or too many `and`/`or` in one block (a chain nests as deep). */
    kind: 'brackets' | 'operators';
}

/** How deep a text may nest. */
export interface NestingLimits {
    brackets: number;
    /** `and`/`or` operators between two braces; unlimited when absent (`.tm` has no conditions). */
    operators?: number;
}

const NEWLINE = 10;
const QUOTE = 34;
const SLASH = 47;
const STAR = 42;
const BACKSLASH = 92;
const CARRIAGE_RETURN = 13;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const LOWER_A = 97;
const LOWER_O = 111;

/**
 * Scans a `.tm` or `.tmkb` text once, skipping strings and comments, for the first bracket that
 * opens nesting deeper than the limit, or the first `and`/`or` past the limit within one block (the
 * parser nests a chain of them as deeply as brackets). Linear in the text, with no regular expression.
 */
export function findExcessiveNesting(text: string, limits: NestingLimits): DepthViolation | undefined {
    let depth = 0;
    let operators = 0;
    let line = 1;
    let lineStart = 0;
    for (let offset = 0; offset < text.length; offset++) {
        const code = text.charCodeAt(offset);
        if (code === NEWLINE) {
            line++;
            lineStart = offset + 1;
        } else if (code === QUOTE) {
            offset = skipString(text, offset);
        } else if (code === SLASH && text.charCodeAt(offset + 1) === SLASH) {
            offset = text.indexOf('\n', offset) - 1;
            if (offset < 0) return undefined;
        } else if (code === SLASH && text.charCodeAt(offset + 1) === STAR) {
            const end = text.indexOf('*/', offset + 2);
            if (end < 0) return undefined;
            for (let inner = offset; inner < end; inner++) {
                if (text.charCodeAt(inner) === NEWLINE) {
                    line++;
                    lineStart = inner + 1;
                }
            }
            offset = end + 1;
        } else if (code === OPEN_BRACE || code === OPEN_PAREN || code === OPEN_BRACKET) {
            if (code === OPEN_BRACE) operators = 0;
            if (++depth > limits.brackets) return { offset, line, column: offset - lineStart + 1, token: text[offset], kind: 'brackets' };
        } else if (code === CLOSE_BRACE || code === CLOSE_PAREN || code === CLOSE_BRACKET) {
            if (code === CLOSE_BRACE) operators = 0;
            depth = Math.max(0, depth - 1);
        } else if (limits.operators !== undefined && (code === LOWER_A || code === LOWER_O) && isOperatorAt(text, offset)) {
            if (++operators > limits.operators) {
                return { offset, line, column: offset - lineStart + 1, token: code === LOWER_A ? 'and' : 'or', kind: 'operators' };
            }
            offset += code === LOWER_A ? 2 : 1;
        }
    }
    return undefined;
}

/** The offset of the closing quote of the string opened at `start` (or of its line's end). */
function skipString(text: string, start: number): number {
    for (let offset = start + 1; offset < text.length; offset++) {
        const code = text.charCodeAt(offset);
        if (code === BACKSLASH) offset++;
        else if (code === QUOTE) return offset;
        else if (code === NEWLINE || code === CARRIAGE_RETURN) return offset - 1;
    }
    return text.length;
}

const WORD_CHAR = /[\w-]/;

/** Whether the word `and` or `or` starts at `offset`. */
function isOperatorAt(text: string, offset: number): boolean {
    const word = text.startsWith('and', offset) ? 3 : text.startsWith('or', offset) ? 2 : 0;
    if (word === 0) return false;
    const before = offset > 0 ? text[offset - 1] : ' ';
    const after = text[offset + word] ?? ' ';
    return !WORD_CHAR.test(before) && !WORD_CHAR.test(after);
}
