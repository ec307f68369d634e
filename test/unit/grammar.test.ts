import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildFiles, codesOf, createTestServices, expectCleanParse, modelOf, parseModel, threatModelOf } from './helpers.js';

const fixture = (name: string) => fs.readFileSync(path.resolve(__dirname, '../fixtures', name), 'utf8');


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
            depth: 'full', budget: { critical: 0, high: 1, low: 10 }, description: 'The shop',
            diagnosticLevels: { critical: 'error', high: 'warning', medium: 'warning', low: 'information', info: 'hint' },
            location: expect.objectContaining({ range: { start: { line: 0, character: 6 }, end: { line: 0, character: 10 } } })
        });
    });

    test('the diagnostics setting maps threat severities to diagnostic levels', async () => {
        const { model } = await modelOf('model Shop "Web shop" { diagnostics { high error  low hint } }\nactor User "User"\n');
        expect(model.settings.diagnosticLevels).toEqual({ critical: 'error', high: 'error', medium: 'warning', low: 'hint', info: 'hint' });
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
});
