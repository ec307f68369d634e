import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { IssueCodes, type IssueCode } from '../../language-server/validation/issue-codes.js';
import { buildFiles, codesOf, REPO_ROOT } from './helpers.js';

/** Files of a case: one inline text (built as main.tm) or several files, main.tm (or main.tmkb) being checked. */
type Files = string | Record<string, string>;
interface Case { trigger: Files; nearMiss: Files }

const base = 'actor User "User"\nprocess Web "Web app"\n';

/** A knowledge base for the `.tmkb` cases: one attribute and the rule under test. */
const kb = (rule: string) => ({ 'main.tmkb': `knowledgebase "team:test"\nattribute logs: enum [none, audit] on process\n${rule}\n` });
const rule = (body: string) => `rule R-01 "R" { applies-to process  stride repudiation  severity low  ${body} }`;

/**
 * A model checked against a knowledge base of its own, so the analysis cases see only the rule and
 * question they are about, not the whole built-in knowledge base.
 */
const quiet = (body: string, header = '') => ({
    'main.tm': `model Shop "Shop" { knowledgebase "quiet.tmkb" ${header} }\n${base}flow Browse: User -> Web\n${body}\n`,
    'quiet.tmkb': `knowledgebase "team:quiet"
attribute encrypted: boolean on flow
attribute logs: enum [none, audit] on process
question repudiation on process "Who did what on {element}?"
rule PLAIN-01 "Plaintext flow" { applies-to flow  when not encrypted  stride information-disclosure  severity high }
`
});
/** The same files with the question of the quiet knowledge base answered. */
const answered = (files: Record<string, string>) => ({
    ...files, 'main.tm': files['main.tm'].replace('process Web "Web app"', 'process Web "Web app" { answer repudiation "Audit log of every request" }')
});
const threat = (extra = '') => `threat Xss "XSS" { on Web  stride tampering  impact high  likelihood high ${extra} }`;

/** For every code: a snippet that triggers it and a near miss that must not. */
const cases: Record<IssueCode, Case> = {
    'lexing-error': {
        trigger: `${base}flow User -> Web "Browse" # oops\n`,
        nearMiss: `${base}flow User -> Web "Browse # and @ are fine in a string"\n`
    },
    'parsing-error': {
        trigger: `${base}flow Broken: Web -> "no target"\nflow User -> Web\n`,
        nearMiss: `${base}flow Fixed: User -> Web "target given"\n`
    },
    'linking-error': {
        trigger: `${base}flow User -> Web\nflow Web -> Db "Query"\n`,
        nearMiss: `${base}datastore Db "DB"\nflow User -> Web\nflow Web -> Db "Query"\n`
    },
    'duplicate-name': {
        trigger: `${base}process Web "Another web app"\nflow User -> Web\n`,
        nearMiss: `${base}process Web2 "Another web app"\nflow User -> Web\nflow User -> Web2\n`
    },
    'self-flow': {
        trigger: `${base}flow User -> Web\nflow Loop: Web -> Web "Retry"\n`,
        nearMiss: `${base}flow User -> Web\nflow Back: Web -> User "Reply"\n`
    },
    'isolated-element': {
        trigger: `${base}datastore Reports "Reports"\nflow User -> Web\n`,
        nearMiss: `${base}datastore Reports "Reports"\nflow User -> Web\nflow Web -> Reports\n`
    },
    'flow-without-process': {
        trigger: `${base}datastore Orders "Orders"\nflow User -> Web\nflow User -> Orders "Direct write"\n`,
        nearMiss: `${base}datastore Orders "Orders"\nflow User -> Web\nflow Web -> Orders "Write"\n`
    },
    'empty-boundary': {
        trigger: `boundary Dmz "DMZ" { }\n${base}flow User -> Web\n`,
        nearMiss: `actor User "User"\nboundary Dmz "DMZ" { process Web "Web app" }\nflow User -> Web\n`
    },
    'unknown-property': {
        trigger: `${base.replace('"Web app"', '"Web app" { colour "blue" }')}flow User -> Web\n`,
        nearMiss: `${base}flow User -> Web { protocol https  encrypted }\n`
    },
    'invalid-property-value': {
        trigger: `${base}flow User -> Web { protocol telnet }\n`,
        nearMiss: `${base}flow User -> Web { protocol https }\n`
    },
    'duplicate-property': {
        trigger: `${base}flow User -> Web { protocol http  encrypted  protocol https }\n`,
        nearMiss: `${base}flow User -> Web { protocol https  encrypted }\n`
    },
    'misplaced-property': {
        trigger: `data Card "Card"\n${base}flow User -> Web { stores [Card] }\n`,
        nearMiss: `data Card "Card"\n${base}datastore Db "DB" { stores [Card] }\nflow User -> Web { carries [Card] }\nflow Web -> Db\n`
    },
    'duplicate-setting': {
        trigger: `model Shop "Shop" { owner "Team A"  owner "Team B" }\n${base}flow User -> Web\n`,
        nearMiss: `model Shop "Shop" { owner "Team A"  product "Store" }\n${base}flow User -> Web\n`
    },
    'duplicate-model': {
        trigger: `model Shop "Shop"\nmodel Store "Store"\n${base}flow User -> Web\n`,
        nearMiss: `model Shop "Shop"\n${base}flow User -> Web\n`
    },
    'threat-without-target': {
        trigger: `${base}flow User -> Web\nthreat Xss "XSS" { stride tampering }\n`,
        nearMiss: `${base}flow User -> Web\nthreat Xss "XSS" { on Web  stride tampering }\n`
    },
    'incomplete-acceptance': {
        trigger: `${base}flow User -> Web\nthreat Xss "XSS" { on Web  stride tampering  accepted-by "Sam" }\n`,
        nearMiss: `${base}flow User -> Web\nthreat Xss "XSS" { on Web  stride tampering  accepted-by "Sam" until 2027-01-31 because "Low value" }\n`
    },
    'expired-acceptance': {
        // The clock is fixed at 2026-11-23.
        trigger: `${base}flow User -> Web\nthreat Xss "XSS" { on Web  stride tampering  accepted-by "Sam" until 2026-11-22 because "Low value" }\n`,
        nearMiss: `${base}flow User -> Web\nthreat Xss "XSS" { on Web  stride tampering  accepted-by "Sam" until 2026-11-24 because "Low value" }\n`
    },
    'wont-do-mitigation': {
        trigger: `${base}flow User -> Web\nthreat Flood "Flood" { on Web  stride denial-of-service  mitigated-by Limit }\nmitigation Limit "Rate limit" { status wont-do }\n`,
        nearMiss: `${base}flow User -> Web\nthreat Flood "Flood" { on Web  stride denial-of-service  mitigated-by Limit }\nmitigation Limit "Rate limit" { status done }\n`
    },
    'too-many-diagnostics': {
        trigger: Array.from({ length: 2600 }, (_, index) => `actor A${index} "A"`).join('\n'),
        nearMiss: Array.from({ length: 2400 }, (_, index) => `actor A${index} "A"`).join('\n')
    },
    'import-not-found': {
        trigger: { 'main.tm': `import "./missing.tm"\n${base}flow User -> Web\n` },
        nearMiss: { 'main.tm': `import "./shared.tm"\nactor User "User"\nflow User -> Web\n`, 'shared.tm': 'process Web "Web app"\n' }
    },
    'import-cycle': {
        trigger: { 'main.tm': `import "./other.tm"\nactor User "User"\nflow User -> Web\n`, 'other.tm': 'import "./main.tm"\nprocess Web "Web app"\n' },
        nearMiss: { 'main.tm': `import "./other.tm"\nactor User "User"\nflow User -> Web\n`, 'other.tm': 'process Web "Web app"\n' }
    },
    'unknown-knowledge-base': {
        trigger: `model Shop "Shop" { knowledgebase "moat:nonexistent" }\n${base}flow User -> Web\n`,
        nearMiss: `model Shop "Shop" { knowledgebase "moat:stride" }\n${base}flow User -> Web\n`
    },
    'unknown-rule': {
        trigger: `${base}flow Browse: User -> Web\nthreat Sniff "Sniffing" { on Browse  from NOPE-01  stride information-disclosure }\n`,
        nearMiss: `${base}flow Browse: User -> Web\nthreat Sniff "Sniffing" { on Browse  from WEB-TLS-01  stride information-disclosure }\n`
    },
    'unknown-categorisation': {
        trigger: `${base}flow Browse: User -> Web\nthreat Sniff "Sniffing" { on Browse  stride information-disclosure  asvs "V12.1.1" }\n`,
        nearMiss: `${base}flow Browse: User -> Web\nthreat Sniff "Sniffing" { on Browse  stride information-disclosure  asvs "v5.0.0-12.1.1" }\n`
    },
    'deprecated-cwe': {
        trigger: `${base}flow Browse: User -> Web\nthreat Sniff "Sniffing" { on Browse  stride information-disclosure  cwe 20 }\n`,
        nearMiss: `${base}flow Browse: User -> Web\nthreat Sniff "Sniffing" { on Browse  stride information-disclosure  cwe 319 }\n`
    },
    'unaddressed-threat': {
        trigger: quiet(''),
        nearMiss: quiet('mitigation Tls "TLS" { status done  ticket "SEC-1"  covers PLAIN-01 }')
    },
    'unanswered-question': {
        trigger: quiet(''),
        nearMiss: answered(quiet(''))
    },
    'empty-answer': {
        trigger: { ...quiet(''), 'main.tm': quiet('')['main.tm'].replace('process Web "Web app"', 'process Web "Web app" { answer repudiation "" }') },
        nearMiss: answered(quiet(''))
    },
    'unmitigated-threat': {
        trigger: quiet(threat()),
        nearMiss: quiet(`${threat('mitigated-by Csp')}\nmitigation Csp "CSP" { status planned  ticket "SEC-2" }`)
    },
    'mitigation-without-ticket': {
        trigger: quiet('mitigation Csp "CSP" { status planned }'),
        nearMiss: quiet('mitigation Csp "CSP" { status planned  ticket "SEC-2" }')
    },
    'missing-without-clause': {
        trigger: quiet(`${threat()}\nstory Buy "As a shopper I want to buy" { threats [Xss] }`),
        nearMiss: quiet(`${threat()}\nstory Buy "As a shopper I want to buy" without "anyone reading my basket" { threats [Xss] }`)
    },
    'unlinked-without-clause': {
        trigger: quiet(`${threat()}\nstory Buy "As a shopper I want to buy" without "anyone reading my basket"`),
        nearMiss: quiet(`${threat()}\nstory Buy "As a shopper I want to buy" without "anyone reading my basket" { threats [Xss] }`)
    },
    'unmotivated-threat': {
        trigger: quiet(threat()),
        nearMiss: quiet(`${threat()}\nstory Buy "As a shopper I want to buy" without "anyone reading my basket" { threats [Xss] }`)
    },
    'unrealized-requirement': {
        trigger: quiet('requirement Encode "Encode output" { asvs "v5.0.0-1.2.1" }'),
        nearMiss: quiet('requirement Encode "Encode output" { asvs "v5.0.0-1.2.1"  realized-by [Csp] }\nmitigation Csp "CSP" { ticket "SEC-2" }')
    },
    'unplanned-mitigation': {
        trigger: quiet(`${threat('mitigated-by Csp')}\nmitigation Csp "CSP" { status planned  ticket "SEC-2" }\nstory Buy "Buy" without "XSS" { sprint "2026-48"  threats [Xss] }`),
        nearMiss: quiet(`${threat('mitigated-by Csp')}\nmitigation Csp "CSP" { status planned  ticket "SEC-2"  sprint "2026-48" }\nstory Buy "Buy" without "XSS" { sprint "2026-48"  threats [Xss] }`)
    },
    'undetected-threat': {
        trigger: quiet(`${threat('mitigated-by Csp')}\nmitigation Csp "CSP" { ticket "SEC-2" }`, 'depth full'),
        nearMiss: quiet(`${threat('mitigated-by Csp  detected-by CspReport')}\nmitigation Csp "CSP" { ticket "SEC-2" }\nevent CspReport "CSP violation report"`, 'depth full')
    },
    'budget-exceeded': {
        trigger: quiet(`${threat()}\nmitigation Tls "TLS" { status done  ticket "SEC-1"  covers PLAIN-01 }`, 'budget { high 0 }'),
        nearMiss: quiet(`${threat()}\nmitigation Tls "TLS" { status done  ticket "SEC-1"  covers PLAIN-01 }`, 'budget { high 1 }')
    },
    'duplicate-rule': {
        trigger: kb(`${rule('when logs == none')}\n${rule('when not logs')}`),
        nearMiss: kb(`${rule('when logs == none')}\n${rule('when not logs').replace('R-01', 'R-02')}`)
    },
    'incomplete-rule': {
        trigger: kb('rule R-01 "R" { applies-to process  when logs == none }'),
        nearMiss: kb(rule('when logs == none'))
    },
    'unknown-attribute': {
        trigger: kb(rule('when loggs == none')),
        nearMiss: kb(rule('when logs == none'))
    },
    'unsatisfiable-condition': {
        trigger: kb(rule('when logs == nothing')),
        nearMiss: kb(rule('when logs == none'))
    }
};

async function codesFor(files: Files): Promise<string[]> {
    const documents = await buildFiles(typeof files === 'string' ? { 'main.tm': files } : files);
    return codesOf(documents['main.tm'] ?? documents['main.tmkb']);
}

describe('every issue code has a trigger and a near miss', () => {
    test('the table covers every code', () => {
        expect(Object.keys(cases).sort()).toEqual(Object.values(IssueCodes).slice().sort());
    });

    test('docs/diagnostics.md documents every code, each with a sample file that exists', () => {
        const docs = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'diagnostics.md'), 'utf8');
        const headings = [...docs.matchAll(/^## (\S+)$/gm)].map(match => match[1]);
        expect(headings.slice().sort()).toEqual(Object.values(IssueCodes).slice().sort());
        const samples = [...docs.matchAll(/^\*\*Samples?:\*\* (.+)$/gm)].flatMap(match => [...match[1].matchAll(/`(samples\/[^`]+)`/g)].map(file => file[1]));
        expect(samples.length).toBeGreaterThanOrEqual(headings.length - 2);
        expect(samples.filter(sample => !fs.existsSync(path.join(REPO_ROOT, sample)))).toEqual([]);
    });

    test.each(Object.entries(cases))('%s is reported for its trigger', async (code, { trigger }) => {
        expect(await codesFor(trigger)).toContain(code);
    });

    test.each(Object.entries(cases))('%s is not reported for its near miss', async (code, { nearMiss }) => {
        expect(await codesFor(nearMiss)).not.toContain(code);
    });

    test('near misses other than the import ones are clean of errors altogether', async () => {
        for (const [code, { nearMiss }] of Object.entries(cases)) {
            const documents = await buildFiles(typeof nearMiss === 'string' ? { 'main.tm': nearMiss } : nearMiss);
            const errors = ((documents['main.tm'] ?? documents['main.tmkb']).diagnostics ?? []).filter(d => d.severity === 1).map(d => d.message);
            expect(errors, `near miss of ${code}`).toEqual([]);
        }
    });
});
