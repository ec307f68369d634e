import { describe, expect, test } from 'vitest';
import { IssueCodes } from '../../language-server/validation/issue-codes.js';
import { buildFiles, codesOf, diagnosticsWithCode, parseModel } from './helpers.js';

/** Where diagnostics point, how they behave across imported files, and recovery from broken text. */
const base = 'actor User "User"\nprocess Web "Web app"\n';

describe('positions', () => {
    test('self-flow points at the flow on its line', async () => {
        const document = await parseModel(`${base}flow User -> Web\nflow Loop: Web -> Web "Retry"\n`);
        const [diagnostic] = diagnosticsWithCode(document, IssueCodes.SelfFlow);
        expect(diagnostic.range.start.line).toBe(3);
        expect(diagnostic.severity).toBeDefined();
    });

    test('linking-error points at the unresolved name', async () => {
        const document = await parseModel(`${base}flow User -> Web\nflow Web -> Db "Query"\n`);
        const [diagnostic] = diagnosticsWithCode(document, IssueCodes.LinkingError);
        expect(diagnostic.range.start).toEqual({ line: 3, character: 12 });
        expect(diagnostic.range.end).toEqual({ line: 3, character: 14 });
        expect(diagnostic.message).toContain('Db');
    });

    test('lexing-error points at the stray character', async () => {
        const document = await parseModel('actor User "User" @\n');
        const [diagnostic] = diagnosticsWithCode(document, IssueCodes.LexingError);
        expect(diagnostic.range.start).toEqual({ line: 0, character: 18 });
    });
});

describe('multi-file models', () => {
    test('names resolve across imported files, transitively', async () => {
        const documents = await buildFiles({
            'main.tm': 'import "./mid.tm"\nactor User "User"\nflow User -> Api\nflow Api -> Db\n',
            'mid.tm': 'import "./leaf.tm"\nprocess Api "API"\n',
            'leaf.tm': 'datastore Db "DB"\n'
        });
        expect(codesOf(documents['main.tm'])).not.toContain('linking-error');
    });

    test('names of a file that is not imported do not resolve', async () => {
        const documents = await buildFiles({
            'main.tm': 'actor User "User"\nflow User -> Api\n',
            'other.tm': 'process Api "API"\n'
        });
        expect(codesOf(documents['main.tm'])).toContain('linking-error');
    });

    test('the same name declared in an imported file is a duplicate', async () => {
        const documents = await buildFiles({
            'main.tm': 'import "./shared.tm"\nactor User "User"\nprocess Api "API"\nflow User -> Api\n',
            'shared.tm': 'process Api "API again"\n'
        });
        const [diagnostic] = diagnosticsWithCode(documents['main.tm'], IssueCodes.DuplicateName);
        expect(diagnostic.range.start.line).toBe(2);
        expect(diagnostic.message).toContain('another file');
    });

    test('the same name in two files imported side by side is reported on the second import', async () => {
        const documents = await buildFiles({
            'a.tm': 'process Api "Public API"\n',
            'b.tm': 'process Api "Internal API"\n',
            'main.tm': 'import "./a.tm"\nimport "./b.tm"\nactor User "User"\nflow User -> Api "Call"\n'
        });
        const [clash] = diagnosticsWithCode(documents['main.tm'], 'duplicate-name');
        expect(clash.message).toContain("'Api' is declared in both a.tm and b.tm");
        expect(clash.range.start.line).toBe(1);
        expect(codesOf(documents['a.tm'])).not.toContain('duplicate-name');
    });

    test('files imported side by side with distinct names do not clash', async () => {
        const documents = await buildFiles({
            'a.tm': 'process Api "Public API"\n',
            'b.tm': 'process Worker "Worker"\n',
            'main.tm': 'import "./a.tm"\nimport "./b.tm"\nactor User "User"\nflow User -> Api "Call"\nflow User -> Worker "Job"\n'
        });
        expect(codesOf(documents['main.tm'])).not.toContain('duplicate-name');
    });

    test('import-not-found names the missing path', async () => {
        const documents = await buildFiles({ 'main.tm': 'import "./gone.tm"\nactor User "User"\n' });
        const [diagnostic] = diagnosticsWithCode(documents['main.tm'], IssueCodes.ImportNotFound);
        expect(diagnostic.message).toContain('gone.tm');
        expect(diagnostic.range.start.line).toBe(0);
    });
});

describe('recovery', () => {
    test('a syntax error in one declaration does not stop validation of the rest', async () => {
        const document = await parseModel(`process Web "Web app"
flow Broken: Web -> "no target"
actor User "User"
flow User -> Web "Browse"
flow Loop: Web -> Web "Retry"
`);
        const codes = codesOf(document);
        expect(codes).toContain('parsing-error');
        expect(codes).toContain('self-flow');
        expect(diagnosticsWithCode(document, IssueCodes.SelfFlow)[0].range.start.line).toBe(4);
    });
});
