import type { LangiumParser, ParseResult } from 'langium';
import { describe, expect, test, vi } from 'vitest';
import { guardParser } from '../../language-server/parser/guarded-parser.js';

/** A stand-in parser: the first one throws on "boom" and is then broken for every text, as Langium's is. */
function fakeParsers() {
    const created: string[] = [];
    const create = () => {
        const id = `parser-${created.length + 1}`;
        created.push(id);
        let broken = false;
        return {
            parse(text: string) {
                if (broken || text === 'boom') {
                    broken = true;
                    throw new Error('Parser stack is not empty after parsing');
                }
                return { value: { $type: 'Root', text, parsedBy: id }, lexerErrors: [], parserErrors: [] } as unknown as ParseResult;
            }
        } as unknown as LangiumParser;
    };
    return { create, created };
}

describe('a parser that failed is replaced', () => {
    test('the failing text gets a parse error and the next text parses with a fresh parser', () => {
        const { create, created } = fakeParsers();
        const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const parser = guardParser(create);

        const failed = parser.parse('boom');
        expect(failed.parserErrors.map(error => error.message)).toEqual([expect.stringContaining('Parser stack is not empty')]);

        const next = parser.parse('actor User "User"');
        expect(next.parserErrors).toEqual([]);
        expect((next.value as unknown as { parsedBy: string; text: string })).toMatchObject({ parsedBy: 'parser-2', text: 'actor User "User"' });
        expect(created).toEqual(['parser-1', 'parser-2']);
        expect(errors).toHaveBeenCalledOnce();
        errors.mockRestore();
    });
});
