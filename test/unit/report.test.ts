import * as fs from 'node:fs';
import * as path from 'node:path';
import AjvModule from 'ajv';
import { describe, expect, test } from 'vitest';
import { copySample, mermaidBlocks, moat, moatIn, REPO_ROOT, writePaymentsV2 } from './helpers.js';

const validateReport = new AjvModule.default({ strict: false, allErrors: true })
    .compile(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'docs', 'schema', 'moat-report.schema.json'), 'utf8')));
const HOSTILE = 'test/fixtures/hostile/hostile.tm';


describe('moat report', () => {
    test('the Markdown report of the payments sample matches its golden file', async () => {
        const run = await moat('report', 'samples/payments');
        expect(run.code).toBe(0);
        expect(run.stdout).toMatchSnapshot();
        expect(run.stdout).toContain('## Data-flow diagram\n\n```mermaid\nflowchart LR');
        expect(mermaidBlocks(run.stdout)).toHaveLength(1);
    });

    test('the JSON report validates against docs/schema/moat-report.schema.json and matches its golden file', async () => {
        for (const target of ['samples/payments', 'samples/invalid', HOSTILE]) {
            const report = JSON.parse((await moat('report', '-f', 'json', target)).stdout);
            expect(validateReport(report), `${target}: ${JSON.stringify(validateReport.errors?.slice(0, 3))}`).toBe(true);
        }
        expect(JSON.parse((await moat('report', '-f', 'json', 'samples/payments')).stdout)).toMatchSnapshot();
    });

    test('the Markdown report of a second version of the sample (new export, Kafka TLS done, a threat accepted) matches its golden file', async () => {
        const folder = copySample();
        writePaymentsV2(path.join(folder, 'payments'));
        const markdown = (await moatIn(folder, 'report', 'payments')).stdout;
        expect(markdown).toContain('Marketing analytics vendor');
        expect(markdown).toMatchSnapshot();
    });

    test('--output writes the report to a file', async () => {
        const file = path.join(REPO_ROOT, 'test', '.report-output.md');
        try {
            await moat('report', '-o', path.relative(REPO_ROOT, file), 'samples/invalid/unaddressed-threat.tm');
            expect(fs.readFileSync(file, 'utf8')).toMatch(/^# Threat model: samples\/invalid\/unaddressed-threat\.tm/);
        } finally {
            fs.rmSync(file, { force: true });
        }
    });

    test('the HTML report is one self-contained file: inline SVG diagram, no script, nothing loaded from elsewhere', async () => {
        const html = (await moat('report', '-f', 'html', 'samples/payments')).stdout;
        expect(html).toMatch(/^<!doctype html>/);
        expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
        expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|\b(src|href)=/i);
        expect(html.match(/<g class="node /g)).toHaveLength(35);
        expect(html.match(/<g class="boundary"/g)).toHaveLength(10);
    });

    test('hostile labels stay text in HTML too', async () => {
        const html = (await moat('report', '-f', 'html', HOSTILE)).stdout;
        const tags = [...html.matchAll(/<\/?([a-z]+)\b[^>]*>/gi)];
        expect(new Set(tags.map(tag => tag[1].toLowerCase()))).not.toContain('script');
        expect(tags.filter(tag => /\son\w+=|javascript:/i.test(tag[0])).map(tag => tag[0])).toEqual([]);
        expect(html).toContain('&lt;script&gt;alert(&#39;model&#39;)&lt;/script&gt;');
        expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
    });

    test('hostile labels stay text: no HTML, no Mermaid directive, no line of the diagram the model wrote', async () => {
        const markdown = (await moat('report', HOSTILE)).stdout;
        expect(markdown).not.toMatch(/<(script|img|svg|a|b)\b/i);
        expect(markdown).toContain('&lt;script&gt;alert');
        const [diagram] = mermaidBlocks(markdown);
        expect(diagram).not.toContain('%%{');
        for (const line of diagram.split('\n').slice(1)) {
            expect(line, line).toMatch(/^ {2,}(e\d+|b\d+|subgraph b\d+|end|linkStyle \d+|classDef [a-z-]+|class [eb]\d+)\b/);
        }
        const cells = (row: string) => row.replace(/\\\|/g, '').split('|').length;
        const tables = [...markdown.matchAll(/(?:^\|.*\n?)+/gm)].map(match => match[0].trimEnd().split('\n'));
        expect(tables.length).toBe(2);
        for (const rows of tables) for (const row of rows) expect(cells(row), row).toBe(cells(rows[0]));
    });
});
