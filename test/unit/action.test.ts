import * as fs from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { moat, REPO_ROOT } from './helpers.js';

interface Step { name?: string; run?: string; uses?: string }

describe('action.yml', () => {
    const action = parse(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { runs: { using: string; steps: Step[] }; inputs: Record<string, unknown> };

    test('is a composite action with the documented inputs', () => {
        expect(action.runs.using).toBe('composite');
        expect(Object.keys(action.inputs).sort()).toEqual(['comment', 'fail-on', 'paths', 'sarif', 'token']);
        expect(action.runs.steps.some(step => step.uses?.startsWith('github/codeql-action/upload-sarif@'))).toBe(true);
    });

    test('every moat command and option it runs exists', async () => {
        const scripts = action.runs.steps.map(step => step.run ?? '').join('\n');
        const calls = [...scripts.matchAll(/^\s*moat (\w+)([^\n>|]*)/gm)].map(match => ({ command: match[1], options: [...match[2].matchAll(/(--[a-z-]+)/g)].map(option => option[1]) }));
        expect(calls.map(call => call.command).sort()).toEqual(['check', 'check', 'diff', 'report']);
        for (const call of calls) {
            const help = (await moat(call.command, '--help')).stdout;
            for (const option of call.options) expect(help, `${call.command} ${option}`).toContain(option);
        }
    });

    test('the workflow snippets of docs/ci.md are valid YAML', () => {
        const docs = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'ci.md'), 'utf8');
        const snippets = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)].map(match => match[1]);
        expect(snippets).toHaveLength(3);
        for (const snippet of snippets) for (const document of parseAllDocuments(snippet)) expect(document.errors).toEqual([]);
    });
});

/** A fake GitHub API holding one pull request's comments; it records the requests it got. */
async function fakeGitHub(initial: { id: number; body: string }[]) {
    const comments = [...initial];
    const requests: { method: string; url: string; authorization?: string }[] = [];
    const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
        requests.push({ method: request.method!, url: request.url!, authorization: request.headers.authorization });
        let body = '';
        for await (const chunk of request) body += chunk;
        const url = new URL(request.url!, 'http://localhost');
        const send = (status: number, data: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(data));
        const patch = /^\/repos\/acme\/shop\/issues\/comments\/(\d+)$/.exec(url.pathname);
        if (request.method === 'GET' && url.pathname === '/repos/acme/shop/issues/7/comments') {
            const page = Number(url.searchParams.get('page'));
            send(200, comments.slice((page - 1) * 100, page * 100));
        } else if (request.method === 'POST' && url.pathname === '/repos/acme/shop/issues/7/comments') {
            const comment = { id: 1000 + comments.length, body: JSON.parse(body).body as string };
            comments.push(comment);
            send(201, comment);
        } else if (request.method === 'PATCH' && patch) {
            const comment = comments.find(candidate => candidate.id === Number(patch[1]))!;
            comment.body = JSON.parse(body).body;
            send(200, comment);
        } else {
            send(404, {});
        }
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { api, comments, requests, close: () => new Promise(resolve => server.close(resolve)) };
}

describe('the pull-request comment', () => {
    const load = async () => (await import(path.join(REPO_ROOT, 'action', 'upsert-comment.mjs'))) as {
        MARKER: string; upsertComment(options: { api: string; token: string; repository: string; pullRequest: string; body: string }): Promise<{ action: string; id: number }>;
    };

    test('is created once and then updated, never duplicated, found by its marker past the first page', async () => {
        const { upsertComment, MARKER } = await load();
        const others = Array.from({ length: 120 }, (_, index) => ({ id: index + 1, body: `comment ${index}` }));
        const github = await fakeGitHub(others);
        try {
            const options = { api: github.api, token: 'secret-token', repository: 'acme/shop', pullRequest: '7' };
            expect(await upsertComment({ ...options, body: 'first review' })).toEqual({ action: 'created', id: 1120 });
            expect(await upsertComment({ ...options, body: 'second review' })).toEqual({ action: 'updated', id: 1120 });
            const ours = github.comments.filter(comment => comment.body.includes(MARKER));
            expect(ours).toEqual([{ id: 1120, body: `${MARKER}\nsecond review` }]);
            expect(github.requests.every(request => request.authorization === 'Bearer secret-token')).toBe(true);
        } finally {
            await github.close();
        }
    });

    test('a body longer than GitHub accepts is cut with a note', async () => {
        const { upsertComment } = await load();
        const github = await fakeGitHub([]);
        try {
            await upsertComment({ api: github.api, token: 't', repository: 'acme/shop', pullRequest: '7', body: 'x'.repeat(100_000) });
            expect(github.comments[0].body.length).toBeLessThanOrEqual(65_536);
            expect(github.comments[0].body).toMatch(/truncated: the full report is in the job summary\)$/);
        } finally {
            await github.close();
        }
    });
});
