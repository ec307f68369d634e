import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { afterAll, describe, expect, test } from 'vitest';
import { loadModels } from '../../language-server/cli/load-models.js';
import { createMoatServices } from '../../language-server/moat-module.js';
import { MAX_FILE_CHARS } from '../../language-server/parser/guarded-parser.js';
import { codeOf, moatIn } from '../unit/helpers.js';

/**
 * The hostile-input corpus: each input goes through the whole pipeline (parse, link, validate,
 * STRIDE analysis, report) in one long-lived set of services, as in the language server. For each:
 * no exception, diagnostics within a time bound, and a normal model built right after it in the
 * same services is still correct.
 */
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'moat-hostile-'));
const services = createMoatServices(NodeFileSystem);
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const NORMAL = 'actor User "User"\nboundary Dmz "DMZ" { process Web "Web app" }\nflow Pay: User -> Web "Pay" { protocol http }\nflow Loop: Web -> Web "Again"\n';

/** A deterministic pseudo-random byte stream. */
function bytes(length: number, seed = 7): Buffer {
    const buffer = Buffer.alloc(length);
    let state = seed;
    for (let index = 0; index < length; index++) {
        state = (state * 1103515245 + 12345) & 0x7fffffff;
        buffer[index] = state & 0xff;
    }
    return buffer;
}

const nested = (depth: number) => `${Array.from({ length: depth }, (_, index) => `boundary B${index} "b" {`).join('\n')}\nprocess P "p"\n${'}'.repeat(depth)}\n`;

const cases: [string, string | Buffer, Record<string, string | Buffer>?][] = [
    ['an empty file', ''],
    ['a byte-order mark', '\uFEFFactor A "A"\nprocess P "P"\nflow A -> P\n'],
    ['NUL bytes', 'actor A "A\u0000"\n\u0000\u0000process P "P"\n'],
    ['lone surrogates', 'actor A "\uD800 and \uDC00"\nprocess \uD83D "P"\n'],
    ['invalid UTF-8', Buffer.concat([Buffer.from('actor A "'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]), Buffer.from('"\n')])],
    ['1 MB of binary', bytes(1_000_000)],
    ['nesting 10 deep', nested(10)],
    ['nesting 250 deep', nested(250)],
    ['nesting 1,000 deep', nested(1000)],
    ['nesting 10,000 deep', nested(10_000)],
    ['a 100,000-line file', Array.from({ length: 100_000 }, (_, index) => `actor A${index} "Actor ${index}"`).join('\n')],
    ['an unterminated string then 10,000 backslashes', `actor A "${'\\'.repeat(10_000)}`],
    ['10,000 undefined references', `process P "P"\n${Array.from({ length: 10_000 }, (_, index) => `flow F${index}: Missing${index} -> P`).join('\n')}\n`],
    ['a self-import', 'import "./case.tm"\nactor A "A"\n'],
    ['an import cycle', 'import "./other.tm"\nactor A "A"\n', { 'other.tm': 'import "./case.tm"\nprocess P "P"\nflow A -> P\n' }],
    ['an import of a missing file', 'import "./nowhere/missing.tm"\nactor A "A"\n'],
    ['an import of a file over the size cap', 'import "./huge.tm"\nactor A "A"\n', { 'huge.tm': `// ${'x'.repeat(MAX_FILE_CHARS + 10)}\n` }],
    ['a 100,000-character identifier and a 1,000,000-character label', `actor ${'A'.repeat(100_000)} "${'L'.repeat(1_000_000)}"\n`],
    // Found by the fuzzer: declarations the parser recovers with a part missing.
    ['an import without its path', 'import\nactor A "A"\n'],
    ['a threat without its name', 'threat// comment\nmodel Shop "Shop" { budget { high 0 } }\nactor A "A"\n'],
    ['a boundary declared inside a boundary of the same name', 'boundary boundary B boundary B {\nmodel Shop "Shop" { budget { high 0 } }\nactor A "A"\nprocess P "P"\nflow A -> P\n'],
    ['an answer without its category', 'actor A "A"\nprocess P "P" { answer }\nflow A -> P\n'],
    ['threats, mitigations and stories referring to each other', 'actor A "A"\nprocess P "P"\nflow A -> P\nthreat T "t" { on P stride tampering mitigated-by M }\nmitigation M "m" { covers WEB-TLS-01 }\nstory S "s" without "x" { threats [T, T, T] touches [P, P] }\nrequirement R "r" { realized-by [M, M] }\n']
];

describe('hostile input', () => {
    test.each(cases)('%s: diagnostics in bounded time, no exception, and the next model is still right', async (name, text, extra) => {
        const caseFolder = fs.mkdtempSync(path.join(folder, 'case-'));
        for (const [file, content] of Object.entries(extra ?? {})) fs.writeFileSync(path.join(caseFolder, file), content);
        const file = path.join(caseFolder, 'case.tm');
        fs.writeFileSync(file, text);
        const started = performance.now();
        const [document] = await loadModels(services, [file]);
        expect(document.diagnostics, name).toBeDefined();
        expect(performance.now() - started, `${name}: diagnostics took too long`).toBeLessThan(30_000);

        const report = await moatIn(caseFolder, 'report', '-f', 'json', 'case.tm');
        expect(report.code, `${name}: ${report.stderr}`).toBe(0);
        expect(report.stderr).toBe('');

        const normal = path.join(caseFolder, 'normal.tm');
        fs.writeFileSync(normal, NORMAL);
        const [after] = await loadModels(services, [normal]);
        expect(after.parseResult.parserErrors).toEqual([]);
        const codes = (after.diagnostics ?? []).map(codeOf);
        expect(codes).toContain('self-flow');
        expect(codes).toContain('unaddressed-threat');
        expect(codes).not.toContain('parsing-error');
    });

    test('a file over the size cap gets one diagnostic naming the cap', async () => {
        const file = path.join(folder, 'too-big.tm');
        fs.writeFileSync(file, `actor A "A"\n// ${'x'.repeat(MAX_FILE_CHARS)}\n`);
        const [document] = await loadModels(services, [file]);
        const messages = (document.diagnostics ?? []).filter(diagnostic => codeOf(diagnostic) === 'parsing-error').map(diagnostic => diagnostic.message);
        expect(messages).toHaveLength(1);
        expect(messages[0]).toMatch(/more than the 8\.0 M characters Moat parses \(MOAT_MAX_FILE_CHARS\)/);
    });
});
