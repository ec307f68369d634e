import type { LangiumParser, ParseResult } from 'langium';
import { findExcessiveNesting, type NestingLimits } from './nesting-depth.js';

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
 * Wraps a Langium parser so that a text nested deeper than the limits is not handed to it: the
 * document gets an empty root and one parse error at the token that went too deep.
 */
export function guardNesting(parser: LangiumParser, limits: NestingLimits = { brackets: MAX_NESTING_DEPTH }): LangiumParser {
    const parse = parser.parse.bind(parser);
    parser.parse = (<T extends Parameters<LangiumParser['parse']>[0]>(input: T, options?: Parameters<LangiumParser['parse']>[1]) => {
        const violation = findExcessiveNesting(input, limits);
        if (!violation) return parse(input, options);
        const empty = parse('', options);
        const token = {
            image: violation.token, startOffset: violation.offset, endOffset: violation.offset,
            startLine: violation.line, endLine: violation.line, startColumn: violation.column, endColumn: violation.column
        };
        const message = violation.kind === 'brackets'
            ? `Nested more than ${limits.brackets} levels deep here; Moat does not parse deeper nesting.`
            : `More than ${limits.operators} 'and'/'or' operators in one rule; split the condition into several rules.`;
        const error = { name: 'NestingTooDeep', message, token, resyncedTokens: [], context: { ruleStack: [], ruleOccurrenceStack: [] } };
        return { ...empty, lexerErrors: [], parserErrors: [error as unknown as ParseResult['parserErrors'][number]] };
    }) as LangiumParser['parse'];
    return parser;
}
