import { describe, expect, test } from 'vitest';
import { analysisOf, buildFiles, derivedIdsOf } from './helpers.js';

/** A knowledge base whose rules exercise one feature of the condition language each. */
const kb = `knowledgebase "team:test" version "1.0.0"
attribute encrypted: boolean on flow, datastore
attribute protocol: enum [http, https, grpc] on flow
attribute classification: ordered [public, internal, confidential, restricted] on data, datastore
attribute trust: ordered [untrusted, partner, internal] on boundary
attribute tags: list on data, process
attribute exposed: boolean on process
attribute logs: enum [none, basic, audit] on process
question spoofing on process "Who calls {element}?"
question tampering on flow "Can {flow} be altered?"
rule PLAIN "Plaintext across a boundary" { applies-to flow  when crosses-boundary and not encrypted and protocol != https  stride information-disclosure  severity high  question "Is {flow} encrypted?" }
rule SECRET "Secret data on a flow" { applies-to flow  when carries some (classification >= confidential)  stride information-disclosure  severity medium }
rule UPHILL "From a less trusted zone" { applies-to flow  when source.boundary.trust < target.boundary.trust  stride tampering  severity medium }
rule INTERNET "Exposed process that receives from an actor" { applies-to process  when exposed and receives some (source is actor)  stride spoofing  severity high }
rule TAGGED "PCI process" { applies-to process  when tags in [pci, sox]  stride repudiation  severity low }
rule NOLOG "Process without audit log" { applies-to process  when logs in [none, basic] or not logs  stride repudiation  severity medium  top }
rule STORE "Store keeps restricted data unencrypted" { applies-to datastore  when stores some (classification == restricted) and not encrypted  stride information-disclosure  severity critical }
`;

const model = (body: string) => `model M "M" { knowledgebase "rules.tmkb" }
data Card "Card" { classification restricted }
data Note "Note" { classification internal }
${body}`;

async function derived(body: string): Promise<string[]> {
    const { 'main.tm': document } = await buildFiles({ 'main.tm': model(body), 'rules.tmkb': kb });
    return derivedIdsOf(document);
}

describe('rule engine', () => {
    test('a boundary crossing without encryption matches; encryption or https is a near miss', async () => {
        const crossing = `actor U "U"\nboundary Z "Z" { process P "P" { logs audit } }\n`;
        expect(await derived(`${crossing}flow F: U -> P "f"`)).toContain('PLAIN@F');
        expect(await derived(`${crossing}flow F: U -> P "f" { encrypted }`)).not.toContain('PLAIN@F');
        expect(await derived(`${crossing}flow F: U -> P "f" { protocol https }`)).not.toContain('PLAIN@F');
        expect(await derived(`actor U "U"\nprocess P "P" { logs audit }\nflow F: U -> P "f"`)).not.toContain('PLAIN@F');
    });

    test('quantifiers over carried and stored data compare ordered enums by declaration order', async () => {
        const ends = `actor U "U"\nprocess P "P" { logs audit }\n`;
        expect(await derived(`${ends}flow F: U -> P { carries [Note, Card] }`)).toContain('SECRET@F');
        expect(await derived(`${ends}flow F: U -> P { carries [Note] }`)).not.toContain('SECRET@F');
        expect(await derived(`${ends}datastore D "D" { stores [Card] }\nflow F: U -> P\nflow P -> D`)).toContain('STORE@D');
        expect(await derived(`${ends}datastore D "D" { stores [Card] encrypted }\nflow F: U -> P\nflow P -> D`)).not.toContain('STORE@D');
    });

    test('navigation through source, target and their boundaries', async () => {
        const zones = `boundary Out "Out" { trust untrusted  actor U "U" }\nboundary In "In" { trust internal  process P "P" { logs audit } }\n`;
        expect(await derived(`${zones}flow F: U -> P { encrypted }`)).toContain('UPHILL@F');
        expect(await derived(`${zones}flow F: P -> U { encrypted }`)).not.toContain('UPHILL@F');
    });

    test('receives quantifies over incoming flows, with kind tests on their sources', async () => {
        expect(await derived(`actor U "U"\nprocess P "P" { exposed logs audit }\nflow U -> P`)).toContain('INTERNET@P');
        expect(await derived(`external U "U"\nprocess P "P" { exposed logs audit }\nflow U -> P`)).not.toContain('INTERNET@P');
        expect(await derived(`actor U "U"\nprocess P "P" { exposed logs audit }\nflow P -> U`)).not.toContain('INTERNET@P');
        expect(await derived(`actor U "U"\nprocess P "P" { exposed logs audit }\nflow P <-> U`)).toContain('INTERNET@P');
    });

    test('membership tests lists and enums; an unset attribute is not in any list', async () => {
        expect(await derived(`actor U "U"\nprocess P "P" { tags [pci] logs audit }\nflow U -> P`)).toContain('TAGGED@P');
        expect(await derived(`actor U "U"\nprocess P "P" { tags [web] logs audit }\nflow U -> P`)).not.toContain('TAGGED@P');
        expect(await derived(`actor U "U"\nprocess P "P" { logs basic }\nflow U -> P`)).toContain('NOLOG@P');
        expect(await derived(`actor U "U"\nprocess P "P"\nflow U -> P`)).toContain('NOLOG@P');
        expect(await derived(`actor U "U"\nprocess P "P" { logs audit }\nflow U -> P`)).not.toContain('NOLOG@P');
    });

    test('depth top runs only the rules marked top', async () => {
        const text = model(`actor U "U"\nboundary Z "Z" { process P "P" }\nflow F: U -> P`).replace('knowledgebase "rules.tmkb"', 'knowledgebase "rules.tmkb" depth top');
        const { 'main.tm': document } = await buildFiles({ 'main.tm': text, 'rules.tmkb': kb });
        expect(derivedIdsOf(document)).toEqual(['NOLOG@P']);
    });

    test('a derived threat explains itself and fills its question', async () => {
        const { 'main.tm': document } = await buildFiles({ 'main.tm': model(`actor U "U"\nboundary Z "Z" { process P "P" { logs audit } }\nflow F: U -> P { protocol http }`), 'rules.tmkb': kb });
        const threat = analysisOf(document).derivedThreats.find(candidate => candidate.id === 'PLAIN@F')!;
        expect(threat.explanation).toEqual(['crosses-boundary (Z)', 'not encrypted (encrypted is not set)', 'protocol != https (protocol is http)']);
        expect(threat.crossedBoundaries).toEqual(['Z']);
        expect(threat.questions).toEqual(['Is F encrypted?']);
        expect(threat).toMatchObject({ severity: 'high', stride: ['information-disclosure'], status: 'unaddressed', subjectKind: 'flow' });
    });

    test('adoption, covering mitigations and not-applicable answers address derived threats', async () => {
        const base = `actor U "U"\nboundary Z "Z" { process P "P" { logs audit } }\n`;
        const statusOf = async (body: string) => {
            const { 'main.tm': document } = await buildFiles({ 'main.tm': model(base + body), 'rules.tmkb': kb });
            return analysisOf(document).derivedThreats.find(threat => threat.id === 'PLAIN@F');
        };
        expect((await statusOf('flow F: U -> P'))?.status).toBe('unaddressed');
        expect(await statusOf('flow F: U -> P\nthreat T "t" { on F from PLAIN stride information-disclosure mitigated-by M }\nmitigation M "m" { status done }'))
            .toMatchObject({ status: 'mitigated', addressedBy: { kind: 'threat', id: 'T' } });
        expect(await statusOf('flow F: U -> P\nflow G: U -> P\nthreat T "t" { on G from PLAIN stride information-disclosure }'))
            .toMatchObject({ status: 'unaddressed' });
        expect(await statusOf('flow F: U -> P\nmitigation M "m" { status planned covers PLAIN }'))
            .toMatchObject({ status: 'open', addressedBy: { kind: 'mitigation', id: 'M' } });
        expect(await statusOf('flow F: U -> P\nmitigation M "m" { status wont-do covers PLAIN }'))
            .toMatchObject({ status: 'unaddressed' });
        expect(await statusOf('flow F: U -> P { answer information-disclosure not-applicable "test rig only" }'))
            .toMatchObject({ status: 'not-applicable', addressedBy: { kind: 'answer' } });
    });

    test('questions are asked per kind and settled by answers', async () => {
        const { 'main.tm': document } = await buildFiles({
            'main.tm': model(`actor U "U"\nprocess P "P" { logs audit  answer spoofing "mTLS" }\nflow F: U -> P`), 'rules.tmkb': kb
        });
        const questions = analysisOf(document).questions.map(({ id, status, text }) => ({ id, status, text }));
        expect(questions).toEqual([
            { id: 'spoofing@P', status: 'answered', text: 'Who calls P?' },
            { id: 'tampering@F', status: 'open', text: 'Can F be altered?' }
        ]);
    });
});
