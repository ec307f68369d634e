// Creates or updates the one Moat comment on a pull request: the comment is found by a hidden
// marker, so re-running the workflow edits it instead of adding another. Runs in the GitHub
// Action with the job's token from the environment (never from the model or the repository).
//
//   node action/upsert-comment.mjs PULL_REQUEST_NUMBER BODY_FILE
//   env: GITHUB_TOKEN, GITHUB_REPOSITORY (owner/name), GITHUB_API_URL (default https://api.github.com)
import { readFileSync } from 'node:fs';

export const MARKER = '<!-- moat-threat-model-review -->';
const MAX_BODY = 65_000; // GitHub rejects comments over 65,536 characters.

/** Finds the marked comment and updates it, or creates it; returns what it did. */
export async function upsertComment({ api, token, repository, pullRequest, body }) {
    const headers = { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json', 'content-type': 'application/json', 'user-agent': 'moat-action' };
    const text = limit(body.includes(MARKER) ? body : `${MARKER}\n${body}`);
    for (let page = 1; ; page++) {
        const response = await fetch(`${api}/repos/${repository}/issues/${pullRequest}/comments?per_page=100&page=${page}`, { headers });
        if (!response.ok) throw new Error(`listing comments failed: ${response.status}`);
        const comments = await response.json();
        const existing = comments.find(comment => typeof comment.body === 'string' && comment.body.includes(MARKER));
        if (existing) {
            const update = await fetch(`${api}/repos/${repository}/issues/comments/${existing.id}`, { method: 'PATCH', headers, body: JSON.stringify({ body: text }) });
            if (!update.ok) throw new Error(`updating comment ${existing.id} failed: ${update.status}`);
            return { action: 'updated', id: existing.id };
        }
        if (comments.length < 100) break;
    }
    const created = await fetch(`${api}/repos/${repository}/issues/${pullRequest}/comments`, { method: 'POST', headers, body: JSON.stringify({ body: text }) });
    if (!created.ok) throw new Error(`creating the comment failed: ${created.status}`);
    return { action: 'created', id: (await created.json()).id };
}

function limit(text) {
    return text.length <= MAX_BODY ? text : `${text.slice(0, MAX_BODY - 120)}\n\n… (truncated: the full report is in the job summary)`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
    const [pullRequest, bodyFile] = process.argv.slice(2);
    const { GITHUB_TOKEN: token, GITHUB_REPOSITORY: repository, GITHUB_API_URL: api = 'https://api.github.com' } = process.env;
    if (!token || !repository || !pullRequest || !bodyFile) {
        console.error('usage: GITHUB_TOKEN=… GITHUB_REPOSITORY=owner/name node upsert-comment.mjs PR BODY_FILE');
        process.exit(2);
    }
    upsertComment({ api, token, repository, pullRequest, body: readFileSync(bodyFile, 'utf8') })
        .then(result => console.log(`moat: ${result.action} comment ${result.id}`))
        .catch(error => {
            console.error(`moat: ${error.message}`);
            process.exit(1);
        });
}
