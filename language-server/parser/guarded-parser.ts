import type { LangiumParser, ParseResult } from 'langium';
import { findExcessiveNesting, type DepthViolation, type NestingLimits } from './nesting-depth.js';

/**
 * The deepest nesting of braces, parentheses and brackets a file may use. Langium's recursive
 * descent parser overflows the stack at about 300 nested blocks, and an overflow can leave it
 * unable to parse anything afterwards; real models nest a handful of boundaries deep.
 */
export const MAX_NESTING_DEPTH = 64;

/**
 * The most `and`/`or` operators one knowledge-base rule may chain: the parser nests a chain as
 * deeply as brackets, and a 100,000-operand chain overflowed the stack. Real rules use a dozen.
 */
export const MAX_CHAINED_OPERATORS = 256;

/**
 * The longest text Moat parses, in characters (`MOAT_MAX_FILE_CHARS` overrides it). Parsing runs at
 * about 3 s per 2.2 MB here; a larger file gets one clear diagnostic instead of a long wait.
 */
export const MAX_FILE_CHARS = Number(process.env.MOAT_MAX_FILE_CHARS) > 0 ? Number(process.env.MOAT_MAX_FILE_CHARS) : 8_000_000;

type ParseFunction = LangiumParser['parse'];
type ParserError = ParseResult['parserErrors'][number];

/**
 * A Langium parser that cannot be knocked over by one document: a text longer than
 * MAX_FILE_CHARS or nested deeper than the limits is not handed to it (the document gets an empty root and one parse error at the token
 * that went too deep), and if parsing throws anyway, the parser — whose internal state may now be
 * corrupt ("Parser stack is not empty") — is replaced by a fresh one and the document gets a parse
 * error instead of the exception. The returned object is the first parser, so services that hold
 * it keep working.
 */
export function guardParser(createParser: () => LangiumParser, limits: NestingLimits = { brackets: MAX_NESTING_DEPTH }): LangiumParser {
    const parser = createParser();
    let current = parser;
    let parseWithCurrent: ParseFunction = parser.parse.bind(parser);
    const guarded = ((input: string, options?: Parameters<ParseFunction>[1]) => {
        if (input.length > MAX_FILE_CHARS) {
            const megabytes = (characters: number) => `${(characters / 1e6).toFixed(1)} M characters`;
            return withSingleError(parseWithCurrent('', options), `This file has ${megabytes(input.length)}, more than the ${megabytes(MAX_FILE_CHARS)} Moat parses `
                + '(MOAT_MAX_FILE_CHARS): split it into files that import each other.', { offset: 0, line: 1, column: 1, token: '' });
        }
        const violation = findExcessiveNesting(input, limits);
        if (violation) return withSingleError(parseWithCurrent('', options), violationMessage(violation, limits), violation);
        try {
            const result = parseWithCurrent(input, options);
            releaseParsedText(current);
            return result;
        } catch (error) {
            const fresh = createParser();
            current = fresh;
            parseWithCurrent = fresh.parse.bind(fresh);
            console.error('Moat: the parser failed and was rebuilt:', error);
            const message = `The parser failed on this file (${error instanceof Error ? error.message : String(error)}); please report it.`;
            return withSingleError(parseWithCurrent('', options), message, { offset: 0, line: 1, column: 1, token: '' });
        }
    }) as ParseFunction;
    parser.parse = guarded;
    return parser;
}

/**
 * Lets go of what the parser keeps of the text just parsed until it parses the next one: Chevrotain
 * its input tokens (38 MB for a 10,000-element file, which nothing reads again: the syntax tree
 * keeps what it needs of them), Langium's node builder the root of the syntax tree (so a document
 * closed and forgotten stayed in memory until the next parse).
 */
function releaseParsedText(parser: LangiumParser): void {
    const internals = parser as unknown as { wrapper?: { input: unknown[] }; nodeBuilder?: { rootNode?: unknown; nodeStack?: unknown[] } };
    if (internals.wrapper) internals.wrapper.input = [];
    if (internals.nodeBuilder) {
        internals.nodeBuilder.rootNode = undefined;
        internals.nodeBuilder.nodeStack = [];
    }
}

function violationMessage(violation: DepthViolation, limits: NestingLimits): string {
    return violation.kind === 'brackets'
        ? `Nested more than ${limits.brackets} levels deep here; Moat does not parse deeper nesting.`
        : `More than ${limits.operators} 'and'/'or' operators in one rule; split the condition into several rules.`;
}

/** The parse result of an empty text, carrying one error at the given place instead of its own. */
function withSingleError(empty: ParseResult, message: string, at: { offset: number; line: number; column: number; token: string }): ParseResult {
    const token = {
        image: at.token, startOffset: at.offset, endOffset: at.offset + Math.max(0, at.token.length - 1),
        startLine: at.line, endLine: at.line, startColumn: at.column, endColumn: at.column + Math.max(0, at.token.length - 1)
    };
    const error = { name: 'MoatParserGuard', message, token, resyncedTokens: [], context: { ruleStack: [], ruleOccurrenceStack: [] } };
    return { ...empty, lexerErrors: [], parserErrors: [error as unknown as ParserError] };
}
