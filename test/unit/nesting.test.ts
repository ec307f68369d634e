import { describe, expect, test } from 'vitest';
import { MAX_CHAINED_OPERATORS, MAX_NESTING_DEPTH } from '../../language-server/parser/guarded-parser.js';
import { buildFiles, codesOf, createTestServices, diagnosticsWithCode, parseModel, problemCodesOf } from './helpers.js';

/** `depth` boundaries nested in one another around one process, with a flow into it. */
function nestedBoundaries(depth: number): string {
    const open = Array.from({ length: depth }, (_, index) => `boundary B${index} "b" {\n`).join('');
    return `${open}process P "p"\n${'}\n'.repeat(depth)}actor U "u"\nflow U -> P "x"\n`;
}

describe('nesting deeper than the parser can take', () => {
    test('1,000 nested boundaries give one parse error at the bracket that goes too deep, not a crash', async () => {
        const document = await parseModel(nestedBoundaries(1000));
        const [error] = diagnosticsWithCode(document, 'parsing-error');
        expect(error.message).toContain(`more than ${MAX_NESTING_DEPTH} levels`);
        expect(error.range.start).toEqual({ line: MAX_NESTING_DEPTH, character: 17 });
    });

    test('the limit itself still parses and validates', async () => {
        const document = await parseModel(nestedBoundaries(MAX_NESTING_DEPTH));
        expect(problemCodesOf(document)).toEqual([]);
    });

    test('brackets in strings and comments do not count', async () => {
        const brackets = '{'.repeat(200);
        const document = await parseModel(`actor U "${brackets}" // ${brackets}\n/* ${brackets} */ process P "p"\nflow U -> P "x"\n`);
        expect(problemCodesOf(document)).toEqual([]);
    });

    test('10,000 nested parentheses in a knowledge-base condition give a parse error', async () => {
        const condition = `${'('.repeat(10000)}encrypted${')'.repeat(10000)}`;
        const services = createTestServices();
        const files = await buildFiles({ 'deep.tmkb': `knowledgebase "deep"\nrule R "r" { applies-to flow  when ${condition} }\n` }, services);
        expect(codesOf(files['deep.tmkb'])).toEqual(['parsing-error']);
    });

    test('a normal model parsed after a rejected one in the same services is still correct', async () => {
        const services = createTestServices();
        await buildFiles({ 'deep.tm': nestedBoundaries(5000) }, services);
        const files = await buildFiles({ 'after.tm': 'actor U "u"\nprocess P "p"\nflow Loop: P -> P "x"\nflow U -> P "y"\n' }, services);
        expect(problemCodesOf(files['after.tm'])).toEqual(['self-flow']);
    });

    test('a 100,000-operand condition gives a parse error naming the limit, not a crash', async () => {
        const files = await buildFiles({ 'long.tmkb': ruleWithOperands(100_000) });
        const [error] = diagnosticsWithCode(files['long.tmkb'], 'parsing-error');
        expect(error.message).toContain(`More than ${MAX_CHAINED_OPERATORS} 'and'/'or' operators`);
    });

    test('a condition of the maximum length parses, and operator-like words do not count', async () => {
        const files = await buildFiles({
            'ok.tmkb': ruleWithOperands(MAX_CHAINED_OPERATORS + 1),
            'words.tmkb': `knowledgebase "words"\nattribute order: boolean on flow\nrule W "${'and or '.repeat(300)}" { applies-to flow  stride tampering  severity low  when order }\n`
        });
        expect(codesOf(files['ok.tmkb'])).toEqual([]);
        expect(codesOf(files['words.tmkb'])).toEqual([]);
    });
});

/** A knowledge base with one rule whose condition chains `count` operands with `or`. */
function ruleWithOperands(count: number): string {
    return `knowledgebase "chain"\nattribute encrypted: boolean on flow\nrule R "r" { applies-to flow  stride tampering  severity low  when ${Array(count).fill('encrypted').join(' or ')} }\n`;
}
