import { describe, expect, test } from 'vitest';
import { catalogueEntries, describeCategorisation } from '../../language-server/knowledge/categorisation-descriptions.js';
import { checkCategorisation } from '../../language-server/knowledge/categorisation-problems.js';
import type { Categorisation } from '../../language-server/model/threat-model-types.js';
import { IssueCodes } from '../../language-server/validation/issue-codes.js';
import { diagnosticsWithCode, parseModel } from './helpers.js';

const asvs = (id: string): Categorisation => ({ scheme: 'asvs', id });
const cwe = (id: number | string): Categorisation => ({ scheme: 'cwe', id: String(id) });
const capec = (id: number | string): Categorisation => ({ scheme: 'capec', id: String(id) });
const iso = (id: string): Categorisation => ({ scheme: 'iso', id });

describe('ids that are in the catalogues pass', () => {
    test.each([
        asvs('v5.0.0-12.1.1'), asvs('v5.0.0-16.3.1'), asvs('v4.0.3-1.2.3'), asvs('12.1.1'),
        cwe(319), cwe(79), capec(157), capec(1), iso('A.5.1'), iso('A.5.37'), iso('A.6.8'), iso('A.7.14'), iso('A.8.24'), iso('A.8.34')
    ])('$scheme $id', categorisation => {
        expect(checkCategorisation(categorisation)).toBeUndefined();
    });
});

describe('ASVS ids', () => {
    test.each(['V12.1.1', '5.0.0-12.1.1', 'v5-12.1.1'])('%s is malformed, and the message gives the form and the fix', id => {
        const problem = checkCategorisation(asvs(id));
        expect(problem?.kind).toBe('unknown');
        expect(problem?.message).toContain('"v5.0.0-12.1.1"');
        expect(problem?.message).toContain('did you mean "v5.0.0-12.1.1"?');
    });

    test('a 4.0.3 id in the wrong form is pointed at 4.0.3', () => {
        expect(checkCategorisation(asvs('4.0.3-1.2.3'))?.message).toContain('did you mean "v4.0.3-1.2.3"?');
    });

    test('a requirement the version does not have', () => {
        expect(checkCategorisation(asvs('v5.0.0-12.1.9'))?.message).toBe('ASVS 5.0.0 has no requirement 12.1.9.');
        expect(checkCategorisation(asvs('v4.0.3-14.9.9'))?.message).toBe('ASVS 4.0.3 has no requirement 14.9.9.');
    });

    test('a bare id means 5.0.0, with a hint when 4.0.3 has it', () => {
        // 1.1.7 exists in 4.0.3 only: 5.0.0's chapter 1 section 1 has fewer requirements.
        expect(checkCategorisation(asvs('1.1.7'))?.message).toBe(
            'ASVS 5.0.0 has no requirement 1.1.7 (a bare id means the latest, ASVS 5.0.0); if you meant ASVS 4.0.3, write "v4.0.3-1.1.7".');
    });

    test('a version Moat does not ship', () => {
        expect(checkCategorisation(asvs('v4.0.2-1.1.1'))?.message).toBe('ASVS 4.0.2 is not a version Moat knows: use v4.0.3 or v5.0.0.');
    });

    test('a requirement deleted from 4.0.3 says why', () => {
        expect(checkCategorisation(asvs('v4.0.3-1.4.3'))?.message).toContain('was deleted (duplicate of 4.1.3)');
    });
});

describe('CWE, CAPEC and ISO ids', () => {
    test('a CWE number that does not exist', () => {
        expect(checkCategorisation(cwe(99999))).toEqual({ kind: 'unknown', message: 'CWE-99999 is not in CWE 4.19.1.' });
    });

    test('a CWE written as a string asks for the number', () => {
        expect(checkCategorisation(cwe('CWE-319'))?.message).toContain("write 'cwe 319'");
    });

    test('a CAPEC number that does not exist', () => {
        expect(checkCategorisation(capec(99999))).toEqual({ kind: 'unknown', message: 'CAPEC-99999 is not in CAPEC 3.9.' });
    });

    test.each(['A.8.35', 'A.5.38', 'A.12.4', 'A.8', 'A.9.1'])('%s is not an Annex A 2022 control', id => {
        const problem = checkCategorisation(iso(id));
        expect(problem?.kind).toBe('unknown');
        expect(problem?.message).toContain('A.5.1–A.5.37, A.6.1–A.6.8, A.7.1–A.7.14, A.8.1–A.8.34');
    });
});

describe('CWEs MITRE says not to map to', () => {
    test('a deprecated CWE is named with its status', () => {
        expect(checkCategorisation(cwe(71))).toEqual({
            kind: 'deprecated-cwe',
            message: "CWE-71 'DEPRECATED: Apple '.DS_Store'' is deprecated (status Deprecated, usage Prohibited): categorise with a current weakness."
        });
    });

    test('a discouraged CWE asks for a more specific one', () => {
        const problem = checkCategorisation(cwe(20));
        expect(problem?.kind).toBe('deprecated-cwe');
        expect(problem?.message).toContain("CWE-20 'Improper Input Validation' has usage Discouraged");
    });

    test('a prohibited CWE', () => {
        expect(checkCategorisation(cwe(1041))?.message).toContain('has usage Prohibited');
    });

    test('a CWE category is not a weakness', () => {
        expect(checkCategorisation(cwe(2))?.message).toContain("CWE-2 '7PK - Environment' is a category, not a weakness");
    });
});

describe('descriptions for hovers', () => {
    test('CWE', () => {
        expect(describeCategorisation(cwe(319))).toEqual({
            title: 'CWE-319: Cleartext Transmission of Sensitive Information',
            detail: 'Weakness · status Draft · usage Allowed'
        });
    });

    test('CAPEC', () => {
        expect(describeCategorisation(capec(157))?.title).toBe('CAPEC-157: Sniffing Attacks');
    });

    test('ASVS, versioned or bare, with the requirement text', () => {
        const description = describeCategorisation(asvs('v5.0.0-12.1.1'));
        expect(description?.title).toBe('ASVS v5.0.0-12.1.1: General TLS Security Guidance');
        expect(description?.detail).toMatch(/^Verify that .*TLS/);
        expect(describeCategorisation(asvs('12.1.1'))).toEqual(description);
    });

    test('ASVS 4.0.3 says where the requirement went in 5.0.0', () => {
        expect(describeCategorisation(asvs('v4.0.3-1.1.5'))?.detail).toContain('In ASVS 5.0.0: MOVED TO v5.0.0-13.1.1');
    });

    test('ISO gives the theme only', () => {
        expect(describeCategorisation(iso('A.8.24'))?.title).toBe('ISO/IEC 27001:2022 A.8.24: technological control');
    });

    test('unknown ids have no description', () => {
        expect(describeCategorisation(cwe(99999))).toBeUndefined();
        expect(describeCategorisation(asvs('V12.1.1'))).toBeUndefined();
        expect(describeCategorisation(iso('A.9.9'))).toBeUndefined();
    });
});

describe('entries for completion', () => {
    test('every scheme offers its catalogue, without the ids that draw a warning', () => {
        const cweIds = catalogueEntries('cwe').map(entry => entry.id);
        expect(cweIds).toContain('319');
        expect(cweIds).not.toContain('71');
        expect(cweIds).not.toContain('20');
        expect(cweIds.length).toBeGreaterThan(800);
        expect(catalogueEntries('asvs').length).toBe(345);
        expect(catalogueEntries('asvs')[0].id).toBe('v5.0.0-1.1.1');
        expect(catalogueEntries('asvs', '4.0.3').length).toBe(278);
        expect(catalogueEntries('iso').length).toBe(93);
        expect(catalogueEntries('capec').length).toBe(558); // 615 less 56 deprecated and 1 obsolete
    });

    test('every offered id passes the check', () => {
        for (const scheme of ['asvs', 'cwe', 'capec', 'iso'] as const) {
            for (const entry of catalogueEntries(scheme)) expect(checkCategorisation({ scheme, id: entry.id }), `${scheme} ${entry.id}`).toBeUndefined();
        }
    });
});

describe('in a model', () => {
    const model = `actor User "User"
process Web "Web app"
flow Browse: User -> Web "Browse"
threat Sniff "Sniffing" { on Browse  stride information-disclosure  cwe 319  asvs "V12.1.1" }
mitigation Tls "TLS" { status done  iso A.8.99 }
requirement Transport "Encrypt transport" { cwe 443  realized-by [Tls] }
`;

    /** The range of the first occurrence of `text` in the model, as a diagnostic would give it. */
    const rangeOf = (text: string) => {
        const line = model.split('\n').findIndex(candidate => candidate.includes(text));
        const character = model.split('\n')[line].indexOf(text);
        return { start: { line, character }, end: { line, character: character + text.length } };
    };

    test('every declaration that holds ids is checked, and the warning underlines the id', async () => {
        const document = await parseModel(model);
        const unknown = diagnosticsWithCode(document, IssueCodes.UnknownCategorisation);
        expect(unknown.map(diagnostic => diagnostic.range)).toEqual([rangeOf('"V12.1.1"'), rangeOf('A.8.99')]);
        expect(unknown.every(diagnostic => diagnostic.severity === 2)).toBe(true);
        const [deprecated] = diagnosticsWithCode(document, IssueCodes.DeprecatedCwe);
        expect(deprecated.message).toContain('CWE-443');
        expect(deprecated.range).toEqual(rangeOf('443'));
    });
});
