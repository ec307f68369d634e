// Regenerates knowledge/catalogues/ from the reference data in ../shared/data (see its SOURCES.md).
// Run by hand when a catalogue is updated: `node scripts/build-catalogues.mjs [path/to/shared/data]`.
// The derived JSON is committed because the product ships it; the build never runs this script.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const data = path.resolve(process.argv[2] ?? path.join(root, '..', 'shared', 'data'));
const out = path.join(root, 'knowledge', 'catalogues');

const readJson = file => JSON.parse(readFileSync(path.join(data, file), 'utf8'));

/** Writes a catalogue with one entry per line: small diffs, and no pretty-printed megabytes. */
function writeCatalogue(file, header, entries) {
    const head = JSON.stringify(header).slice(0, -1);
    const body = entries.map(entry => JSON.stringify(entry)).join(',\n');
    const text = `${head},"entries":[\n${body}\n]}\n`;
    writeFileSync(path.join(out, file), text);
    console.log(`${file}: ${entries.length} entries, ${Buffer.byteLength(text)} bytes`);
}

/** `V1.2.3` → `1.2.3`: the ASVS exports prefix ids with the chapter letter, Moat's ids do not. */
const bareId = shortcode => shortcode.replace(/^V/, '');

/** The lowest ASVS level (1–3) a 4.0.3 requirement appears at, from its ✓ columns. */
const lowestLevel = row => [row.level1, row.level2, row.level3].findIndex(mark => mark !== '') + 1;

/** Drops the trailing OWASP Proactive Controls link (`([C1](https://…))`, `([C3, C4](…))`) of 4.0.3 texts. */
const withoutControlLink = text => text.replace(/\s*\(\[C\d+(, C\d+)*\]\([^)]*\)\)\s*$/, '');

/** The `v4.0.3-x.y.z: { tag-v5.0.0: … }` mapping as id → text; values may wrap onto indented lines. */
function readV5Mapping(file) {
    const mapping = new Map();
    let current;
    for (const line of readFileSync(path.join(data, file), 'utf8').split('\n')) {
        const key = /^v4\.0\.3-([\d.]+):\s*$/.exec(line);
        const value = /^ {2}tag-v5\.0\.0:\s*(.*)$/.exec(line);
        if (key) current = key[1];
        else if (value && current) mapping.set(current, value[1].trim());
        else if (/^ {4}\S/.test(line) && current) mapping.set(current, `${mapping.get(current)} ${line.trim()}`);
    }
    return mapping;
}

/** Chapter and section names by id, so requirements need not repeat them. */
function namesOf(rows) {
    const chapters = {};
    const sections = {};
    for (const row of rows) {
        chapters[bareId(row.chapter_id)] = row.chapter_name;
        sections[bareId(row.section_id)] = row.section_name;
    }
    return { chapters, sections };
}

function buildAsvs5() {
    const rows = readJson('asvs/OWASP_Application_Security_Verification_Standard_5.0.0_en.flat.json').requirements;
    const entries = rows.map(row => ({ id: bareId(row.req_id), level: Number(row.L), text: row.req_description }));
    writeCatalogue('asvs-5.0.0.json', { name: 'OWASP ASVS', version: '5.0.0', ...namesOf(rows) }, entries);
}

function buildAsvs4() {
    const rows = readJson('asvs/OWASP Application Security Verification Standard 4.0.3-en.flat.json').requirements;
    const v5 = readV5Mapping('asvs/mapping_v4.0.3_to_v5.0.0.yml');
    const entries = rows.map(row => {
        const id = bareId(row.req_id);
        if (row.req_description.startsWith('[DELETED')) return { id, deleted: true, text: row.req_description };
        const cwe = row.cwe === '' ? undefined : row.cwe.split(',').map(Number);
        return { id, level: lowestLevel(row), text: withoutControlLink(row.req_description), cwe, v5: v5.get(id) };
    });
    writeCatalogue('asvs-4.0.3.json', { name: 'OWASP ASVS', version: '4.0.3', ...namesOf(rows) }, entries);
}

function buildCwe() {
    const { ContentVersion } = readJson('cwe/cwev.json');
    const pick = (kind, { id, name, status, usage }) => (kind ? { id, name, status, usage, kind } : { id, name, status, usage });
    const entries = [
        ...readJson('cwe/cwe.json').map(entry => pick(undefined, entry)),
        ...readJson('cwe/cwe-categories.json').map(entry => pick('category', entry)),
        ...readJson('cwe/cwe-views.json').map(entry => pick('view', entry))
    ].sort((a, b) => a.id - b.id);
    writeCatalogue('cwe.json', { name: 'MITRE CWE', version: ContentVersion }, entries);
}

function buildCapec() {
    const entries = readJson('capec/capec.json').map(({ id, name, status, likelihood, severity }) => ({ id, name, status, likelihood, severity }));
    writeCatalogue('capec.json', { name: 'MITRE CAPEC', version: '3.9' }, entries);
}

function buildIso() {
    const entries = readJson('iso27001/annex-a-2022.json').map(({ id, theme }) => ({ id, theme }));
    writeCatalogue('iso27001-2022.json', { name: 'ISO/IEC 27001:2022 Annex A', version: '2022' }, entries);
}

mkdirSync(out, { recursive: true });
buildAsvs4();
buildAsvs5();
buildCwe();
buildCapec();
buildIso();
// Copied by content, not with copyFileSync: the sources are read-only and their mode would come along.
for (const [from, to] of [['asvs/LICENSE.md', 'ASVS-LICENSE.md'], ['cwe/NOTICE.md', 'CWE-NOTICE.md'], ['capec/NOTICE.md', 'CAPEC-NOTICE.md']]) {
    writeFileSync(path.join(out, to), readFileSync(path.join(data, from)));
}
