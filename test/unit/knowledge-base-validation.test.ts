import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildFiles, codesOf, diagnosticsWithCode, REPO_ROOT } from './helpers.js';

const STRIDE_FOLDER = path.join(REPO_ROOT, 'knowledge', 'stride');

async function validate(text: string) {
    const { 'team.tmkb': document } = await buildFiles({ 'team.tmkb': text });
    return document;
}

const header = 'knowledgebase "acme:web"\n';

describe('knowledge-base validation', () => {
    test('every file of the built-in knowledge base validates clean', async () => {
        const files = Object.fromEntries(fs.readdirSync(STRIDE_FOLDER).map(name => [name, fs.readFileSync(path.join(STRIDE_FOLDER, name), 'utf8')]));
        const documents = await buildFiles(files);
        const problems = Object.entries(documents).flatMap(([name, document]) =>
            (document.diagnostics ?? []).map(diagnostic => `${name}:${diagnostic.range.start.line + 1} ${diagnostic.message}`));
        expect(problems).toEqual([]);
    });

    test('a team knowledge base may read the built-in vocabulary', async () => {
        const document = await validate(`${header}rule ACME-01 "Plain" { applies-to flow  when not encrypted and protocol == http  stride tampering  severity low }`);
        expect(codesOf(document)).toEqual([]);
    });

    test('attributes are checked on the kind of node the path reaches', async () => {
        const document = await validate(`${header}rule ACME-01 "x" { applies-to process  when encrypted or target.exposed  stride tampering  severity low }`);
        const messages = diagnosticsWithCode(document, 'unsatisfiable-condition').map(diagnostic => diagnostic.message);
        expect(messages).toEqual([
            "'encrypted' applies to flow, datastore, not to process: it is never set here.",
            "'target' does not lead anywhere from process: it has no value here."
        ]);
    });

    test('navigation and quantifiers change the kind conditions are checked on', async () => {
        const document = await validate(`${header}rule ACME-01 "x" { applies-to process
  when receives some (crosses-boundary and source.exposed and carries some (classification >= confidential and pii))
  stride tampering  severity low }`);
        expect(codesOf(document)).toEqual([]);
    });

    test('crosses-boundary outside a flow never holds', async () => {
        const document = await validate(`${header}rule ACME-01 "x" { applies-to datastore  when crosses-boundary  stride tampering  severity low }`);
        expect(codesOf(document)).toEqual(['unsatisfiable-condition']);
    });

    test('ordering an attribute that is not ordered never holds', async () => {
        const document = await validate(`${header}rule ACME-01 "x" { applies-to flow  when protocol > http  stride tampering  severity low }`);
        expect(diagnosticsWithCode(document, 'unsatisfiable-condition')[0].message).toContain("'protocol' is not ordered");
    });

    test('nothing may follow an attribute in a path, and built-in object properties are not navigations', async () => {
        const document = await validate(`${header}rule ACME-01 "x" { applies-to flow  when protocol.kind == http or constructor  stride tampering  severity low }`);
        const messages = [...diagnosticsWithCode(document, 'unsatisfiable-condition'), ...diagnosticsWithCode(document, 'unknown-attribute')].map(d => d.message);
        expect(messages).toEqual(expect.arrayContaining([
            "'protocol' is a value, not an element: '.kind' after it has no value.",
            "Unknown attribute 'constructor': no knowledge base in use declares it, so it is never set."
        ]));
    });

    test('a quantifier must range over something on the kind it is evaluated on', async () => {
        const document = await validate(`${header}rule ACME-01 "x" { applies-to flow  when stores some (pii) or target.stores some (pii)  stride tampering  severity low }`);
        const messages = diagnosticsWithCode(document, 'unsatisfiable-condition').map(d => d.message);
        expect(messages).toHaveLength(1);
        expect(messages[0]).toContain("'stores' ranges over nothing on flow");
    });

    test('literals must fit the attribute: numbers for numbers, declared values for ordered enums', async () => {
        const kb = `${header}attribute replicas: number on process\nrule ACME-01 "x" { applies-to process  when replicas > two or criticality >= 2  stride tampering  severity low }`;
        const messages = diagnosticsWithCode(await validate(kb), 'unsatisfiable-condition').map(d => d.message);
        expect(messages).toEqual([
            "'replicas' is a number: compare it with a number, not 'two'.",
            "'2' is not a value of 'criticality' (low, medium, high, critical), so '>=' against it never holds."
        ]);
    });

    test('a team rule reusing a built-in id is a warning', async () => {
        const document = await validate(`${header}rule WEB-TLS-01 "Mine" { applies-to flow  when not encrypted  stride tampering  severity low }`);
        const [diagnostic] = diagnosticsWithCode(document, 'duplicate-rule');
        expect(diagnostic.severity).toBe(2);
        expect(diagnostic.message).toContain('built-in');
    });
});
