import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import type { ThreatModel } from '../../language-server/model/threat-model-types.js';
import { buildFiles, codesOf, createTestServices, errorsOf, parseModel, threatModelOf } from './helpers.js';

const fixture = (name: string) => fs.readFileSync(path.resolve(__dirname, '../fixtures', name), 'utf8');

function expectCleanParse(document: LangiumDocument): void {
    expect(document.parseResult.lexerErrors.map(e => e.message)).toEqual([]);
    expect(document.parseResult.parserErrors.map(e => e.message)).toEqual([]);
}

async function modelOf(text: string): Promise<{ document: LangiumDocument; model: ThreatModel }> {
    const document = await parseModel(text);
    expectCleanParse(document);
    return { document, model: threatModelOf(document) };
}

describe('DESIGN §3 examples', () => {
    test('the .tm example parses with no lexer or parser errors', async () => {
        const document = await parseModel(fixture('design-example.tm'));
        expectCleanParse(document);
        // The only complaint is the import of a file the example does not ship.
        expect(codesOf(document).filter(code => code !== 'import-not-found')).not.toContain('parsing-error');
        expect(codesOf(document)).not.toContain('linking-error');
    });

    test('the .tmkb example parses with no lexer or parser errors', async () => {
        const services = createTestServices();
        const { 'design-example.tmkb': document } = await buildFiles({ 'design-example.tmkb': fixture('design-example.tmkb') }, services);
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors.map(e => e.message)).toEqual([]);
    });

    test('the .tm example builds the model the design describes', async () => {
        const document = await parseModel(fixture('design-example.tm'));
        const model = threatModelOf(document);
        expect(model.settings).toMatchObject({
            name: 'Payments', label: 'Online payments', product: 'Checkout', owner: 'Checkout squad',
            knowledgeBases: ['moat:stride'], depth: 'top', budget: { high: 0, medium: 3 }
        });
        expect(model.elements.map(e => `${e.kind} ${e.qualifiedName}`)).toEqual([
            'actor Shopper', 'external Acquirer', 'process Dmz.Web', 'process Core.Payments', 'datastore Core.Vault'
        ]);
        expect(model.flows.map(f => f.id)).toEqual(['Pay', 'Charge', 'Payments->Vault', 'Auth']);
        const charge = model.flows.find(f => f.id === 'Charge')!;
        expect(charge.attributes).toEqual({ protocol: 'grpc', encrypted: true });
        expect(charge.carries).toEqual(['CardNumber']);
        expect(charge.crosses).toEqual(['Dmz', 'Core']);
        const threats = Object.fromEntries(model.threats.map(t => [t.id, t]));
        expect(threats.CardSniffing).toMatchObject({ severity: 'high', status: 'mitigated', rules: ['WEB-TLS-01'], events: ['PlaintextAttempt'] });
        expect(threats.Replay).toMatchObject({ severity: 'medium', status: 'accepted' });
        expect(model.stories[0].withouts).toEqual(['exposing my card number to anyone but the acquirer']);
        expect(model.requirements[0].realizedBy).toEqual(['Tls']);
    });
});

describe('syntax forms round-trip into the ThreatModel', () => {
    test('import makes names of another file resolve', async () => {
        const docs = await buildFiles({
            'shared.tm': 'process Api "API"\n',
            'main.tm': 'import "./shared.tm"\nactor User "User"\nflow User -> Api "Call"\n'
        });
        expect(codesOf(docs['main.tm'])).not.toContain('linking-error');
        const model = threatModelOf(docs['main.tm']);
        expect(model.files).toEqual(['file:///test/main.tm', 'file:///test/shared.tm']);
        expect(model.elements.map(e => e.id).sort()).toEqual(['Api', 'User']);
        expect(model.flows[0]).toMatchObject({ id: 'User->Api', source: 'User', target: 'Api' });
    });

    test('model settings and budget', async () => {
        const { model } = await modelOf(`model Shop "Web shop" {
  product "Store" owner "Team" knowledgebase "moat:stride" depth full
  budget { critical 0 high 1 low 10 }
  description "The shop"
}`);
        expect(model.settings).toEqual({
            name: 'Shop', label: 'Web shop', product: 'Store', owner: 'Team', knowledgeBases: ['moat:stride'],
            depth: 'full', budget: { critical: 0, high: 1, low: 10 }, description: 'The shop'
        });
    });

    test('a model without settings gets the defaults', async () => {
        const { model } = await modelOf('actor User "User"\n');
        expect(model.settings.depth).toBe('full');
        expect(model.settings.knowledgeBases).toEqual(['moat:stride']);
        expect(model.settings.budget).toEqual({});
        expect(model.settings.name).toBeUndefined();
    });

    test('data with attributes', async () => {
        const { model } = await modelOf('data Card "Card number" { classification restricted  tags [pci, gdpr] }\n');
        expect(model.data).toEqual([expect.objectContaining({
            id: 'Card', label: 'Card number', attributes: { classification: 'restricted', tags: ['pci', 'gdpr'] }
        })]);
    });

    test('each element kind', async () => {
        const { model } = await modelOf(`actor A "Person"
external E "Bank"
process P "Service"
datastore D "Database"
flow A -> P
flow P -> E
flow P -> D`);
        expect(model.elements.map(e => [e.id, e.kind, e.label])).toEqual([
            ['A', 'actor', 'Person'], ['E', 'external', 'Bank'], ['P', 'process', 'Service'], ['D', 'datastore', 'Database']
        ]);
    });

    test('nested boundaries: membership, parent and computed crossings', async () => {
        const { document, model } = await modelOf(`actor User "User"
boundary Cloud "Cloud" {
  process Gateway "Gateway"
  boundary Core "Core" {
    process Api "API"
    datastore Vault "Vault" { encrypted }
  }
}
flow User -> Gateway
flow Gateway -> Api
flow Api -> Cloud.Core.Vault
flow User -> Api
flow Backup: Core.Api -> Core.Vault`);
        expect(codesOf(document)).not.toContain('linking-error');
        expect(model.boundaries.map(b => [b.id, b.parent])).toEqual([['Cloud', undefined], ['Core', 'Cloud']]);
        const element = (id: string) => model.elements.find(e => e.id === id)!;
        expect(element('Gateway').boundaries).toEqual(['Cloud']);
        expect(element('Api').boundaries).toEqual(['Cloud', 'Core']);
        expect(element('Vault').qualifiedName).toBe('Cloud.Core.Vault');
        expect(model.flows.map(f => f.id)).toEqual(['User->Gateway', 'Gateway->Api', 'Api->Vault', 'User->Api', 'Backup']);
        expect(model.flows.at(-1)).toMatchObject({ source: 'Api', target: 'Vault' });
        const crosses = Object.fromEntries(model.flows.map(f => [f.id, f.crosses]));
        expect(crosses['User->Gateway']).toEqual(['Cloud']);
        expect(crosses['Gateway->Api']).toEqual(['Core']);
        expect(crosses['Api->Vault']).toEqual([]);
        expect(crosses['User->Api'].sort()).toEqual(['Cloud', 'Core']);
    });

    test('named and unnamed, one-way and two-way flows with grouped properties', async () => {
        const { model } = await modelOf(`data CardNumber "PAN"
process Web "Web"
process Payments "Payments"
external Bank "Bank"
flow Charge: Web -> Payments "Charge" { protocol grpc  encrypted  carries [CardNumber] }
flow Payments <-> Bank "Authorise"
flow Auth: Web <-> Bank { protocol https }`);
        const [charge, unnamed, auth] = model.flows;
        expect(charge).toMatchObject({
            id: 'Charge', named: true, label: 'Charge', source: 'Web', target: 'Payments', bidirectional: false,
            carries: ['CardNumber'], attributes: { protocol: 'grpc', encrypted: true }
        });
        expect(unnamed).toMatchObject({ id: 'Payments->Bank', named: false, bidirectional: true, label: 'Authorise' });
        expect(auth).toMatchObject({ id: 'Auth', named: true, bidirectional: true, attributes: { protocol: 'https' } });
        expect(auth.label).toBeUndefined();
    });

    test('code paths, answers and stores on elements', async () => {
        const { model } = await modelOf(`data Card "Card"
process Web "Web" {
  code ["src/web/**", "src/shared/**"]
  answer spoofing "OIDC"
  answer tampering not-applicable "Read-only"
}
process Worker "Worker" { code "src/worker/**" }
datastore Db "DB" { stores [Card] encrypted }
flow Web -> Db
flow Worker -> Db`);
        const [web, worker, db] = model.elements;
        expect(web.code).toEqual(['src/web/**', 'src/shared/**']);
        expect(worker.code).toEqual(['src/worker/**']);
        expect(web.answers.map(a => [a.category, a.notApplicable, a.text])).toEqual([
            ['spoofing', false, 'OIDC'], ['tampering', true, 'Read-only']
        ]);
        expect(db.stores).toEqual(['Card']);
        expect(db.attributes).toEqual({ encrypted: true });
    });

    test('answers on flows', async () => {
        const { model } = await modelOf(`process A "A"
process B "B"
flow A -> B { answer information-disclosure not-applicable }`);
        expect(model.flows[0].answers).toEqual([expect.objectContaining({ category: 'information-disclosure', notApplicable: true })]);
    });

    test('threat with every property, and derived status and severity', async () => {
        const { model } = await modelOf(`actor User "User"
process Web "Web"
flow Browse: User -> Web
threat Mitigated "All done" {
  on Browse
  on Web
  from WEB-TLS-01
  stride spoofing, tampering
  impact high  likelihood medium
  asvs "v5.0.0-12.1.1"  cwe 319  capec 157  iso A.8.24
  mitigated-by Tls, Waf
  detected-by [Probe]
  description "Everything at once"
}
threat Open "Half done" { on Web  stride tampering  impact low  likelihood low  mitigated-by [Tls, Later] }
threat Accepted "Accepted" { on Web  stride repudiation  severity critical
  accepted-by "Dana" until 2027-03-31 because "Ships in Q1" }
threat NotApplicable "N/A" { on Web  stride spoofing  not-applicable "No users" }
threat Bare "Nothing mitigates it" { on Web  stride elevation-of-privilege }
mitigation Tls "TLS" { status done }
mitigation Waf "WAF" { status done }
mitigation Later "Later" { status planned }
event Probe "Probe"`);
        const threats = Object.fromEntries(model.threats.map(t => [t.id, t]));
        expect(threats.Mitigated).toMatchObject({
            label: 'All done', targets: ['Browse', 'Web'], rules: ['WEB-TLS-01'], stride: ['spoofing', 'tampering'],
            impact: 'high', likelihood: 'medium', severity: 'high', mitigations: ['Tls', 'Waf'], events: ['Probe'],
            description: 'Everything at once', status: 'mitigated',
            categorisation: [
                { scheme: 'asvs', id: 'v5.0.0-12.1.1' }, { scheme: 'cwe', id: '319' },
                { scheme: 'capec', id: '157' }, { scheme: 'iso', id: 'A.8.24' }
            ]
        });
        expect(threats.Open).toMatchObject({ status: 'open', severity: 'low', mitigations: ['Tls', 'Later'] });
        expect(threats.Accepted).toMatchObject({
            status: 'accepted', severity: 'critical',
            acceptance: { owner: 'Dana', until: '2027-03-31', reason: 'Ships in Q1', expired: false }
        });
        expect(threats.NotApplicable).toMatchObject({ status: 'not-applicable', notApplicable: { reason: 'No users' } });
        expect(threats.Bare.status).toBe('open');
    });

    test('an acceptance past the fixed clock date is expired and the threat is not accepted', async () => {
        const { model } = await modelOf(`process Web "Web"
threat Old "Old" { on Web  stride tampering  accepted-by "Sam" until 2026-11-22 because "Was fine" }
threat Today "Today" { on Web  stride tampering  accepted-by "Sam" until 2026-11-23 because "Still fine" }`);
        const [old, today] = model.threats;
        expect(old.acceptance?.expired).toBe(true);
        expect(old.status).not.toBe('accepted');
        expect(today.acceptance?.expired).toBe(false);
        expect(today.status).toBe('accepted');
    });

    test('mitigation, event, requirement', async () => {
        const { model } = await modelOf(`mitigation Tls "TLS" {
  status in-progress  ticket "PAY-1"  ticket "PAY-2"  covers WEB-TLS-01, WEB-TLS-02  owner "Ops"  cwe 319  description "Encrypt"
}
event Probe "Probe" { source infrastructure  alert "5 per minute"  runbook "https://runbooks/probe"  description "Watch" }
requirement Encrypt "Encrypt in transit" { asvs "v5.0.0-12.1.1"  realized-by Tls  description "All traffic" }`);
        expect(model.mitigations[0]).toMatchObject({
            id: 'Tls', status: 'in-progress', tickets: ['PAY-1', 'PAY-2'], covers: ['WEB-TLS-01', 'WEB-TLS-02'],
            owner: 'Ops', categorisation: [{ scheme: 'cwe', id: '319' }], description: 'Encrypt'
        });
        expect(model.events[0]).toMatchObject({
            id: 'Probe', source: 'infrastructure', alerts: ['5 per minute'], runbooks: ['https://runbooks/probe'], description: 'Watch'
        });
        expect(model.requirements[0]).toMatchObject({
            id: 'Encrypt', realizedBy: ['Tls'], categorisation: [{ scheme: 'asvs', id: 'v5.0.0-12.1.1' }], description: 'All traffic'
        });
    });

    test('story with several without clauses', async () => {
        const { model } = await modelOf(`process Web "Web"
process Api "Api"
flow Web -> Api
threat Leak "Leak" { on Web  stride information-disclosure }
story Pay "As a shopper I pay"
  without "leaking my card"
  without "being charged twice"
  without "waiting more than 3 seconds" {
  ticket "PAY-9"  sprint "2026-48"  touches [Web, Api]  threats Leak  description "Checkout"
}
story Browse "As a shopper I browse" { touches Web }`);
        expect(model.stories[0]).toMatchObject({
            id: 'Pay', withouts: ['leaking my card', 'being charged twice', 'waiting more than 3 seconds'],
            tickets: ['PAY-9'], sprint: '2026-48', touches: ['Web', 'Api'], threats: ['Leak'], description: 'Checkout'
        });
        expect(model.stories[1]).toMatchObject({ withouts: [], touches: ['Web'] });
    });

    test('qualified reference Core.Vault resolves to the element in the boundary', async () => {
        const { document, model } = await modelOf(`boundary Core "Core" {
  process Payments "Payments"
  datastore Vault "Vault"
}
process Vault2 "Other vault"
flow Vault2 -> Core.Payments
flow Core.Payments -> Core.Vault "Tokenise"`);
        expect(errorsOf(document).map(d => d.message)).toEqual([]);
        const flow = model.flows.find(f => f.label === 'Tokenise')!;
        expect(flow.id).toBe('Payments->Vault');
        const target = model.elements.find(e => e.qualifiedName === 'Core.Vault')!;
        expect(target.kind).toBe('datastore');
        expect(flow.source).toBe('Payments');
        expect(flow.target).toBe(target.id);
    });

    test('comments are ignored', async () => {
        const { model } = await modelOf('// a line comment\n/* a block\n comment */ actor User "User" // trailing\n');
        expect(model.elements.map(e => e.id)).toEqual(['User']);
    });
});
