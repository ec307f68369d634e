import { describe, expect, test } from 'vitest';
import { errorsOf, modelOf } from './helpers.js';

describe('security declarations round-trip into the ThreatModel', () => {
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
