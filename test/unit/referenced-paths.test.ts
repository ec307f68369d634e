import { describe, expect, test } from 'vitest';
import { codesOf, errorsOf, parseModel } from './helpers.js';

/** Paths written in a model that no URI can hold (an editor buffer may contain lone surrogates). */
describe('paths with lone surrogates', () => {
    // Found by a 100,000-input fuzz run: URI.toString() threw "URI malformed" while the vocabulary was computed.
    test('an import and a knowledge base that no URI can name are reported, not thrown', async () => {
        const document = await parseModel('import "./b\uD800.tm"\nmodel M "M" { knowledgebase "./k\uDC00.tmkb" }\nactor A "A"\nprocess P "P"\nflow A -> P\n');
        expect(codesOf(document)).toEqual(expect.arrayContaining(['import-not-found', 'unknown-knowledge-base']));
        expect(errorsOf(document).map(diagnostic => String(diagnostic.message)).filter(message => /error occurred|URI malformed/i.test(message))).toEqual([]);
    });
});
