import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectFormatting } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { checkFormatting, commentsOf, formatDocument, parsesCleanly, parseText } from '../../fuzz/formatter-property.js';
import { createTestServices, REPO_ROOT } from './helpers.js';

const services = createTestServices();
const formatModel = expectFormatting(services.moat);
const formatKnowledgeBase = expectFormatting(services.knowledgeBase);

/** Formats `before` as a `.tm` or `.tmkb` text; checks the result, and that formatting it again changes nothing. */
async function expectFormatted(before: string, after: string, extension: 'tm' | 'tmkb' = 'tm'): Promise<void> {
    await (extension === 'tm' ? formatModel : formatKnowledgeBase)({ before, after, disposeAfterCheck: true });
    expect((await formatDocument(services, parseText(services, after, extension))).edits).toBe(0);
}

describe('the formatter lays out .tm files', () => {
    test('two spaces per block level, `{` on the header line, `}` on its own line', async () => {
        await expectFormatted('model Shop "Shop"\n{\nowner "Team"\n      product "Shop" }\n', 'model Shop "Shop" {\n  owner "Team"\n  product "Shop"\n}\n');
    });

    test('one declaration per line, one space around `->` and after `:`', async () => {
        await expectFormatted('actor User "User" process Web "Web"\nflow Browse :User->Web "Browse" {protocol https}\n',
            'actor User "User"\nprocess Web "Web"\nflow Browse: User -> Web "Browse" { protocol https }\n');
    });

    test('a one-line block stays on one line; one or two spaces between entries are kept, lists are tight', async () => {
        await expectFormatted('data Card "Card" {  classification restricted     tags [ pci ,gdpr ]  }\n',
            'data Card "Card" { classification restricted  tags [pci, gdpr] }\n');
    });

    test('nested boundaries indent their members, which each get a line', async () => {
        await expectFormatted('boundary Outer "Outer" { trust internal\nboundary Inner "Inner" { process Api "API" { exposed\nlogs audit } }\n}\n',
            'boundary Outer "Outer" {\n  trust internal\n  boundary Inner "Inner" {\n    process Api "API" {\n      exposed\n      logs audit\n    }\n  }\n}\n');
    });

    test('at most one blank line is kept, none after `{` or before `}`, none at the start or end of the file', async () => {
        await expectFormatted('\n\nactor A "A"\n\n\n\nactor B "B"\nprocess P "P" {\n\n  exposed\n\n\n  hardened\n\n}\n\n\n',
            'actor A "A"\n\nactor B "B"\nprocess P "P" {\n  exposed\n\n  hardened\n}\n');
    });

    test('a line break inside an entry or a header is kept as a continuation line', async () => {
        await expectFormatted('story Pay "As a shopper I want to pay"\nwithout "my card leaking"\n      without "being charged twice"\n{ ticket "PAY-1" }\n',
            'story Pay "As a shopper I want to pay"\n  without "my card leaking"\n  without "being charged twice" { ticket "PAY-1" }\n');
        await expectFormatted('threat T "T" {\n on Web\n accepted-by "Dana"\n until 2027-03-31 because "Q1"\n}\n',
            'threat T "T" {\n  on Web\n  accepted-by "Dana"\n    until 2027-03-31 because "Q1"\n}\n');
    });

    test('comments are kept word for word: trailing ones where they are, own-line ones re-indented', async () => {
        await expectFormatted('// Header   \nmodel Shop "Shop" {\n        // who owns it\n  owner "Team"        // aligned   \n   /* kept\n         as written */\n}\n',
            '// Header\nmodel Shop "Shop" {\n  // who owns it\n  owner "Team"        // aligned\n  /* kept\n         as written */\n}\n');
    });

    test('a token after a line comment is never joined to it', async () => {
        await expectFormatted('model Shop "Shop" // the shop\n{\nowner "Team"\n}\n', 'model Shop "Shop" // the shop\n{\n  owner "Team"\n}\n');
        await expectFormatted('flow A -> // to\nB\n', 'flow A -> // to\n  B\n');
    });

    test('the style is fixed whatever the editor\'s tab settings', async () => {
        await formatModel({ before: 'process P "P" {\nexposed\n}\n', after: 'process P "P" {\n  exposed\n}\n', options: { tabSize: 8, insertSpaces: false }, disposeAfterCheck: true });
    });

    test('any white space between tokens is normalised: tabs, form feeds, no-break spaces, lone CRs', async () => {
        const formatted = await formatDocument(services, parseText(services, 'actor\tA "A"\r\rprocess\u00a0P "P" {\f exposed\v hardened }', 'tm'));
        expect(formatted.text).toBe('actor A "A"\n\nprocess P "P" { exposed  hardened }\n');
    });

    test('formatting a range changes only the lines in it', async () => {
        await formatModel({
            before: 'actor   A "A"\nactor   B "B"\n', after: 'actor A "A"\nactor   B "B"\n', disposeAfterCheck: true,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 12 } }
        });
    });

    test('a CRLF file keeps its line endings', async () => {
        const formatted = await formatDocument(services, parseText(services, 'process P "P" {\r\nexposed\r\n\r\n\r\nhardened }', 'tm'));
        expect(formatted.text).toBe('process P "P" {\r\n  exposed\r\n\r\n  hardened\r\n}\r\n');
    });
});

describe('the formatter lays out .tmkb files', () => {
    test('conditions: tight brackets, parentheses and paths, spaced operators, continuation lines', async () => {
        await expectFormatted(`knowledgebase "acme:rules"   version "1.0.0"
attribute protocol :enum[ http,https ] on flow ,datastore
rule R-1 "Plain HTTP" {
applies-to flow
when ( protocol == http or protocol==https ) and not source . kind in [ actor ]
   and carries some(classification >= confidential)
stride tampering ,information-disclosure
severity high  top
}
`, `knowledgebase "acme:rules" version "1.0.0"
attribute protocol: enum [http, https] on flow, datastore
rule R-1 "Plain HTTP" {
  applies-to flow
  when (protocol == http or protocol == https) and not source.kind in [actor]
    and carries some (classification >= confidential)
  stride tampering, information-disclosure
  severity high  top
}
`, 'tmkb');
    });

    test('a comment before the header stays at the margin', async () => {
        await expectFormatted('// Acme\n   knowledgebase "acme:rules"\n', '// Acme\nknowledgebase "acme:rules"\n', 'tmkb');
    });
});

describe('the formatter leaves a broken document alone', () => {
    test('a document with a syntax error gets no edits, for the whole document or a range', async () => {
        const document = parseText(services, 'model Shop "Shop" {\nowner\n  actor   User\n', 'tm');
        expect(parsesCleanly(document)).toBe(false);
        const formatter = services.moat.lsp.Formatter!;
        const textDocument = { uri: document.uri.toString() };
        const options = { tabSize: 2, insertSpaces: true };
        expect(await formatter.formatDocument(document, { textDocument, options })).toEqual([]);
        const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } };
        expect(await formatter.formatDocumentRange(document, { textDocument, options, range })).toEqual([]);
    });
});

describe('the formatter keeps the meaning of every shipped file', () => {
    const corpus = filesUnder('samples', /\.tmk?b?$/).concat(filesUnder('knowledge', /\.tmkb$/), filesUnder(path.join('test', 'fixtures'), /\.tmk?b?$/));

    const verdictOf = (file: string) => checkFormatting(services, fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'), file.endsWith('.tmkb') ? 'tmkb' : 'tm');

    test.each(corpus)('%s: formats idempotently, keeping its comments and its syntax tree', async file => {
        expect((await verdictOf(file)).problem).toBeUndefined();
    });

    test('nearly all of them parse, so the property above is not vacuous', async () => {
        const parsed = (await Promise.all(corpus.map(verdictOf))).filter(verdict => verdict.parsed);
        expect(parsed.length).toBeGreaterThan(corpus.length * 0.9);
    });

    test.each([...filesUnder(path.join('samples', 'payments'), /\.tm$/), ...filesUnder(path.join('knowledge', 'stride'), /\.tmkb$/)])('%s is already formatted', async file => {
        const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
        const document = parseText(services, text, file.endsWith('.tmkb') ? 'tmkb' : 'tm');
        expect(commentsOf(document).length).toBeGreaterThan(0);
        expect((await formatDocument(services, document)).text).toBe(text);
    });
});

/** Files under a folder of the repository whose names match, as paths relative to the repository. */
function filesUnder(folder: string, name: RegExp): string[] {
    const entries = fs.readdirSync(path.join(REPO_ROOT, folder), { recursive: true }) as string[];
    return entries.filter(entry => name.test(entry)).sort().map(entry => path.join(folder, entry));
}
