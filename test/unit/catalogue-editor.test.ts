import { expectCompletion, expectHover } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver';
import { createTestServices } from './helpers.js';

const services = createTestServices().moat;
const complete = expectCompletion(services);
const hover = expectHover(services);

/** A threat whose block ends with `categorisation`; `<|>` marks the cursor. */
const threat = (categorisation: string) =>
    `actor User "User"\nprocess Web "Web app"\nflow Browse: User -> Web\nthreat Sniff "Sniffing" {\n  on Browse\n  ${categorisation}\n}\n`;

/** Runs a completion at the marker and hands the list to `check`. */
async function completionsAt(text: string, check: (items: CompletionItem[]) => void): Promise<void> {
    await complete({ text, index: 0, disposeAfterCheck: true, assert: (list: CompletionList) => check(list.items) });
}

const item = (items: CompletionItem[], label: string) => items.find(candidate => candidate.label === label);

describe('completion of categorisation ids', () => {
    test('after cwe: weakness numbers with their names, not the deprecated ones', async () => {
        await completionsAt(threat('cwe <|>'), items => {
            expect(item(items, '319')?.detail).toBe('Cleartext Transmission of Sensitive Information');
            expect((item(items, '319')?.textEdit as TextEdit).newText).toBe('319');
            expect(item(items, '71')).toBeUndefined();
            expect(items.every(candidate => /^\d+$/.test(candidate.label))).toBe(true);
        });
    });

    test('a number being typed is replaced whole', async () => {
        await completionsAt(threat('cwe 31<|>'), items => {
            const edit = item(items, '319')?.textEdit as TextEdit;
            expect(edit.range.start.character).toBe('  cwe '.length);
            expect(edit.range.end.character).toBe('  cwe 31'.length);
        });
    });

    test('after asvs: quoted 5.0.0 ids', async () => {
        await completionsAt(threat('asvs <|>'), items => {
            expect(items.length).toBe(345);
            const tls = item(items, 'v5.0.0-12.1.1');
            expect(tls?.detail).toBe('General TLS Security Guidance');
            expect((tls?.textEdit as TextEdit).newText).toBe('"v5.0.0-12.1.1"');
        });
    });

    test('inside an ASVS string: the id without quotes, replacing what was typed', async () => {
        await completionsAt(threat('asvs "v5.0.0-12<|>"'), items => {
            const edit = item(items, 'v5.0.0-12.1.1')?.textEdit as TextEdit;
            expect(edit.newText).toBe('v5.0.0-12.1.1');
            expect(edit.range.start.character).toBe('  asvs "'.length);
        });
    });

    test('an ASVS string still open is closed', async () => {
        await completionsAt('threat Sniff "Sniffing" {\n  asvs "v5.0.0-12<|>', items => {
            expect((item(items, 'v5.0.0-12.1.1')?.textEdit as TextEdit).newText).toBe('v5.0.0-12.1.1"');
        });
    });

    test('typing v4 offers ASVS 4.0.3', async () => {
        await completionsAt(threat('asvs "v4<|>"'), items => {
            expect(item(items, 'v4.0.3-1.2.3')).toBeDefined();
            expect(item(items, 'v5.0.0-12.1.1')).toBeUndefined();
        });
    });

    test('after capec and iso', async () => {
        await completionsAt(threat('capec <|>'), items => expect(item(items, '157')?.detail).toBe('Sniffing Attacks'));
        await completionsAt(threat('iso <|>'), items => {
            expect(items.map(candidate => candidate.label)).toContain('A.8.24');
            expect(items.length).toBe(93);
        });
    });

    test('a scheme word inside a description is not a categorisation', async () => {
        await completionsAt(threat('description "cwe <|>"'), items => expect(item(items, '319')).toBeUndefined());
    });

    test('other completions are untouched: keywords after a threat\'s id', async () => {
        await completionsAt(threat('cwe 319 <|>'), items => {
            expect(items.map(candidate => candidate.label)).toEqual(expect.arrayContaining(['asvs', 'mitigated-by']));
            expect(item(items, '319')).toBeUndefined();
        });
    });
});

describe('hover on categorisation ids', () => {
    test('a CWE shows its name and status', async () => {
        await hover({ text: threat('cwe <|>319'), index: 0, disposeAfterCheck: true,
            hover: '**CWE-319: Cleartext Transmission of Sensitive Information**\n\nWeakness · status Draft · usage Allowed' });
    });

    test('an ASVS id shows the requirement', async () => {
        await hover({ text: threat('asvs "v5.0.0-<|>12.1.1"'), index: 0, disposeAfterCheck: true,
            hover: /^\*\*ASVS v5\.0\.0-12\.1\.1: General TLS Security Guidance\*\*\n\nVerify that only the latest recommended versions of the TLS protocol/ });
    });

    test('CAPEC and ISO', async () => {
        await hover({ text: threat('capec 1<|>57'), index: 0, disposeAfterCheck: true, hover: /CAPEC-157: Sniffing Attacks/ });
        await hover({ text: threat('iso A.8<|>.24'), index: 0, disposeAfterCheck: true, hover: /ISO\/IEC 27001:2022 A\.8\.24: technological control/ });
    });

    test('an unknown id and the scheme keyword have no catalogue hover', async () => {
        await hover({ text: threat('cwe 9999<|>9'), index: 0, disposeAfterCheck: true, hover: undefined });
        await hover({ text: threat('c<|>we 319'), index: 0, disposeAfterCheck: true, hover: undefined });
    });
});

describe('completion of attributes from the knowledge base', () => {
    const labels = (items: CompletionItem[]) => items.map(each => String(each.label));

    test('in a flow\'s block: the flow attributes of moat:stride, not those of processes, not those already set', async () => {
        await completionsAt('actor User "User"\nprocess Web "Web app"\nflow Browse: User -> Web {\n  encrypted\n  <|>\n}\n', items => {
            expect(labels(items)).toEqual(expect.arrayContaining(['protocol', 'authenticates', 'signed']));
            expect(labels(items)).not.toContain('encrypted');
            expect(labels(items)).not.toContain('exposed');
            expect(item(items, 'protocol')?.detail).toMatch(/https/);
        });
    });

    test('after an enum attribute: its values', async () => {
        await completionsAt('actor User "User"\nprocess Web "Web app"\nflow Browse: User -> Web { protocol <|> }\n', items => {
            expect(labels(items)).toEqual(expect.arrayContaining(['https', 'http', 'grpc']));
            expect(labels(items)).not.toContain('protocol');
        });
    });

    test('in a process: its attributes, such as exposed; outside any block: none of them', async () => {
        await completionsAt('process Web "Web app" {\n  <|>\n}\n', items => expect(labels(items)).toContain('exposed'));
        await completionsAt('process Web "Web app"\n<|>\n', items => expect(labels(items)).not.toContain('exposed'));
    });
});
