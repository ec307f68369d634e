import { GrammarAST, GrammarUtils } from 'langium';
import { describe, expect, test } from 'vitest';
import { KnowledgeBaseGrammar, MoatGrammar } from '../../language-server/generated/grammar.js';

/**
 * Every terminal regex of both grammars is linear-time: each meets the input most likely to make a
 * backtracking regex explode (long runs that almost match, then fail), and must answer in 50 ms.
 * A catastrophic pattern (the measured `/"(\\.|[^"])*"/`) takes seconds on a few dozen characters.
 */
const PATHOLOGICAL: Record<string, string[]> = {
    WS: [' \t\r\n'.repeat(50_000) + 'x'],
    ML_COMMENT: ['/*' + '*'.repeat(50_000), '/*' + '*/'.repeat(0) + '/*'.repeat(50_000)],
    SL_COMMENT: ['//' + '/'.repeat(100_000)],
    DATE: ['2026-11-23'.repeat(20_000)],
    ISO_CONTROL: ['A.' + '8.'.repeat(50_000)],
    NUMBER: ['1'.repeat(100_000) + '.' + '2'.repeat(100_000) + '.'],
    ID: ['a' + '-a'.repeat(50_000) + '-', 'a' + '_'.repeat(100_000) + '-', 'a-'.repeat(50_000)],
    STRING: ['"' + '\\'.repeat(100_001), '"' + '\\"'.repeat(50_000), '"' + 'a\\'.repeat(50_000) + '\n"']
};

const terminals = [...new Map([...MoatGrammar().rules, ...KnowledgeBaseGrammar().rules]
    .filter(GrammarAST.isTerminalRule).map(rule => [rule.name, rule])).values()];

describe('terminal regexes are linear-time', () => {
    test('every terminal has pathological inputs here', () => {
        expect(terminals.map(rule => rule.name).sort()).toEqual(Object.keys(PATHOLOGICAL).sort());
    });

    test.each(terminals.map(rule => [rule.name, rule] as const))('%s', (name, rule) => {
        const regex = new RegExp(GrammarUtils.terminalRegex(rule).source, 'y');
        for (const input of PATHOLOGICAL[name]) {
            // Like the lexer: try the pattern at every one of the first positions, the worst case for backtracking.
            const best = Math.min(...[0, 1, 2].map(() => {
                const started = performance.now();
                for (let offset = 0; offset < 20; offset++) {
                    regex.lastIndex = offset;
                    regex.exec(input);
                }
                return performance.now() - started;
            }));
            expect(best, `${name} on ${input.length} characters`).toBeLessThan(50);
        }
    });
});
