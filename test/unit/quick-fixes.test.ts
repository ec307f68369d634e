import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { applyCodeAction, buildFiles, codesOf, quickFixesFor, REPO_ROOT } from './helpers.js';

/** A knowledge base with one rule and one question, so each case sees only what it is about. */
const KB = `knowledgebase "team:fixes"
attribute encrypted: boolean on flow
question repudiation on process "Who did what on {element}?"
rule PLAIN-01 "Plaintext flow" { applies-to flow  when not encrypted  stride information-disclosure, tampering  severity high  mitigation "Encrypt the channel with TLS" }
`;
const HEADER = 'model Shop "Shop" { knowledgebase "fixes.tmkb" }\n';

/** Builds the model, applies the quick fix with the given title and returns the new text and its codes. */
async function applyFix(text: string, code: string, title: RegExp, extra: Record<string, string> = {}) {
    const files = { 'main.tm': HEADER + text, 'fixes.tmkb': KB, ...extra };
    const { 'main.tm': document } = await buildFiles(files);
    const actions = await quickFixesFor(document, code);
    const action = actions.find(candidate => title.test(candidate.title));
    expect(action, `no fix matching ${title} among ${actions.map(a => a.title).join(' | ')}`).toBeDefined();
    const changed = applyCodeAction(files, action!);
    const after = { ...files, ...changed };
    const rebuilt = await buildFiles(after);
    return { text: changed['main.tm']?.slice(HEADER.length), changed, codes: codesOf(rebuilt['main.tm']), after };
}

describe('quick fixes', () => {
    const diagram = `actor User "User"
process Web "Web app" {
  answer repudiation "Audit log"
}
flow Pay: User -> Web "Pay"   // card data
`;

    test('adopt a derived threat: a threat block with from, on, stride and severity at the end of the file', async () => {
        const fixed = await applyFix(diagram, 'unaddressed-threat', /^Adopt PLAIN-01@Pay/);
        expect(fixed.text).toBe(`${diagram}
threat PayPlaintextFlow "Plaintext flow" {
  on Pay
  from PLAIN-01
  stride information-disclosure, tampering
  severity high
}
`);
        expect(fixed.codes).not.toContain('unaddressed-threat');
    });

    test('adopting a threat on an unnamed flow names the flow first', async () => {
        const fixed = await applyFix(diagram.replace('flow Pay: User -> Web', 'flow User -> Web'), 'unaddressed-threat', /^Adopt PLAIN-01@User->Web/);
        expect(fixed.text).toContain('flow UserToWeb: User -> Web "Pay"   // card data\n');
        expect(fixed.text).toContain('  on UserToWeb\n');
        expect(fixed.codes).not.toContain('unaddressed-threat');
        expect(fixed.codes).not.toContain('linking-error');
    });

    test('cover with a new mitigation named after the rule\'s mitigation text', async () => {
        const fixed = await applyFix(diagram, 'unaddressed-threat', /^Cover PLAIN-01 with a new mitigation/);
        expect(fixed.text).toBe(`${diagram}
mitigation EncryptChannelTls "Encrypt the channel with TLS" {
  status proposed
  covers PLAIN-01
}
`);
        expect(fixed.codes).not.toContain('unaddressed-threat');
    });

    test('cover with an existing mitigation, in another file, extending its covers list', async () => {
        const other = 'mitigation Tls "TLS" {\n  status done  // since 2025\n  covers OTHER-01\n}\n';
        const kb = KB + 'rule OTHER-01 "Other" { applies-to process  when not encrypted  stride tampering  severity low }\n';
        const files = { 'main.tm': `import "./controls.tm"\n${HEADER}${diagram}`, 'fixes.tmkb': kb, 'controls.tm': other };
        const { 'main.tm': document } = await buildFiles(files);
        const action = (await quickFixesFor(document, 'unaddressed-threat')).find(candidate => candidate.title === "Cover PLAIN-01 with mitigation 'Tls'")!;
        expect(applyCodeAction(files, action)).toEqual({ 'controls.tm': 'mitigation Tls "TLS" {\n  status done  // since 2025\n  covers OTHER-01, PLAIN-01\n}\n' });
    });

    test('cover with an existing mitigation that covers nothing yet, keeping its one-line block', async () => {
        const fixed = await applyFix(`${diagram}mitigation Tls "TLS" { status done }\n`, 'unaddressed-threat', /^Cover PLAIN-01 with mitigation 'Tls'/);
        expect(fixed.text).toBe(`${diagram}mitigation Tls "TLS" { status done  covers PLAIN-01 }\n`);
    });

    test('mark a derived threat not applicable, with a reason to fill in', async () => {
        const fixed = await applyFix(diagram, 'unaddressed-threat', /^Mark PLAIN-01@Pay not applicable/);
        expect(fixed.text).toContain('  from PLAIN-01\n  stride information-disclosure, tampering\n  not-applicable "Explain why this does not apply here"\n}\n');
        expect(fixed.codes).not.toContain('unaddressed-threat');
    });

    test('answer the open questions of an element without a block', async () => {
        const text = 'actor User "User"\nboundary Zone "Zone" {\n  process Web "Web app"  // the shop\n}\nflow Pay: User -> Web { encrypted }\n';
        const fixed = await applyFix(text, 'unanswered-question', /^Answer the repudiation question on Web/);
        expect(fixed.text).toBe('actor User "User"\nboundary Zone "Zone" {\n  process Web "Web app" {\n    answer repudiation ""\n  }  // the shop\n}\nflow Pay: User -> Web { encrypted }\n');
        expect(fixed.codes).not.toContain('unanswered-question');
    });

    test('answer the open questions of an element with a multi-line block, in its indentation', async () => {
        const text = 'actor User "User"\nprocess Web "Web app" {\n    owner "Shop team"\n}\nflow Pay: User -> Web { encrypted }\n';
        const fixed = await applyFix(text, 'unanswered-question', /^Answer/);
        expect(fixed.text).toBe('actor User "User"\nprocess Web "Web app" {\n    owner "Shop team"\n    answer repudiation ""\n}\nflow Pay: User -> Web { encrypted }\n');
    });

    test('a CRLF file keeps its CRLF line endings', async () => {
        const text = 'actor User "User"\r\nprocess Web "Web app" {\r\n  owner "Shop"\r\n}\r\nflow Pay: User -> Web { encrypted }\r\n';
        const fixed = await applyFix(text, 'unanswered-question', /^Answer/);
        expect(fixed.text).toBe('actor User "User"\r\nprocess Web "Web app" {\r\n  owner "Shop"\r\n  answer repudiation ""\r\n}\r\nflow Pay: User -> Web { encrypted }\r\n');
        const adopted = await applyFix(text.replace('{ encrypted }', ''), 'unaddressed-threat', /^Adopt/);
        expect(adopted.text!.replace(/\r\n/g, '')).not.toContain('\n');
    });

    test('a closing brace on the last clause\'s line moves to its own line without leaving trailing spaces', async () => {
        const text = 'actor User "User"\nprocess Web "Web app" {\n  owner "Shop"  }\nflow Pay: User -> Web { encrypted }\n';
        const fixed = await applyFix(text, 'unanswered-question', /^Answer/);
        expect(fixed.text).toBe('actor User "User"\nprocess Web "Web app" {\n  owner "Shop"\n  answer repudiation ""\n}\nflow Pay: User -> Web { encrypted }\n');
    });

    test('an empty block {} gets the clause between spaces', async () => {
        const text = 'actor User "User"\nprocess Web "Web app" {}\nflow Pay: User -> Web { encrypted }\n';
        const fixed = await applyFix(text, 'unanswered-question', /^Answer/);
        expect(fixed.text).toContain('process Web "Web app" { answer repudiation "" }\n');
    });

    test('adopting a threat on an unnamed flow between qualified names names the flow after the elements', async () => {
        const text = 'boundary Dmz "DMZ" { actor User "User" }\nboundary Core "Core" { process Web "Web app" { answer repudiation "log" } }\nflow Dmz.User -> Core.Web "Pay"\n';
        const fixed = await applyFix(text, 'unaddressed-threat', /^Adopt PLAIN-01@User->Web/);
        expect(fixed.text).toContain('flow UserToWeb: Dmz.User -> Core.Web "Pay"\n');
        expect(fixed.codes).not.toContain('linking-error');
        expect(fixed.codes).not.toContain('unaddressed-threat');
    });

    test('adopt a derived threat and mark it not applicable give an unnamed flow the same name', async () => {
        const { 'main.tm': document } = await buildFiles({ 'main.tm': HEADER + diagram.replace('flow Pay: User -> Web', 'flow User -> Web'), 'fixes.tmkb': KB });
        const titles = (await quickFixesFor(document, 'unaddressed-threat')).filter(action => /^(Adopt|Mark)/.test(action.title));
        const names = titles.map(action => Object.values(action.edit!.changes!)[0][0].newText);
        expect(names).toEqual(['UserToWeb: ', 'UserToWeb: ']);
    });

    test('add a mitigation stub to a bare threat', async () => {
        const text = `${diagram}threat Xss "Stored XSS" {\n  on Web\n  stride tampering\n}\n`;
        const fixed = await applyFix(text, 'unmitigated-threat', /^Add a mitigation stub/);
        expect(fixed.text).toBe(`${diagram}threat Xss "Stored XSS" {\n  on Web\n  stride tampering\n  mitigated-by XssMitigation\n}\n\nmitigation XssMitigation "Mitigate: Stored XSS" {\n  status proposed\n}\n`);
        expect(fixed.codes).not.toContain('unmitigated-threat');
    });

    test('link a story to a threat on what it touches', async () => {
        const text = `${diagram}threat Xss "Stored XSS" { on Web  stride tampering }\nthreat Other "Other" { on User  stride spoofing }\nstory Buy "As a shopper I want to buy" without "my basket leaking" {\n  touches [Web]\n}\n`;
        const fixed = await applyFix(text, 'unlinked-without-clause', /^Link story Buy to threat Xss/);
        expect(fixed.text).toContain('story Buy "As a shopper I want to buy" without "my basket leaking" {\n  touches [Web]\n  threats [Xss]\n}\n');
        expect(fixed.codes).not.toContain('unlinked-without-clause');
    });
});

describe('quick fixes on samples/invalid', () => {
    const FIXABLE = ['unaddressed-threat', 'unanswered-question', 'unmitigated-threat', 'unlinked-without-clause'];

    test('applying the preferred fix until none is left clears every fixable code', async () => {
        const folder = path.join(REPO_ROOT, 'samples', 'invalid');
        let files = Object.fromEntries(fs.readdirSync(folder).map(name => [name, fs.readFileSync(path.join(folder, name), 'utf8')]));
        const before = await buildFiles(files);
        const initial = Object.values(before).flatMap(document => codesOf(document)).filter(code => FIXABLE.includes(code));
        expect(new Set(initial)).toEqual(new Set(FIXABLE));
        for (let round = 0; round < 100; round++) {
            const documents = await buildFiles(files);
            let applied = false;
            for (const [name, document] of Object.entries(documents)) {
                const code = codesOf(document).find(candidate => FIXABLE.includes(candidate));
                if (!code) continue;
                const actions = await quickFixesFor(document, code);
                const action = actions.find(candidate => candidate.isPreferred) ?? actions[0];
                expect(action, `${name}: no fix for ${code}`).toBeDefined();
                files = { ...files, ...applyCodeAction(files, action) };
                applied = true;
            }
            if (!applied) break;
        }
        const after = await buildFiles(files);
        const left = Object.entries(after).flatMap(([name, document]) => codesOf(document).filter(code => FIXABLE.includes(code)).map(code => `${name}: ${code}`));
        expect(left).toEqual([]);
    });
});
