import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ClientCommands } from '../../language-server/protocol.js';
import { codesOf, errorsOf, parseModel, REPO_ROOT } from './helpers.js';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const snippets: Record<string, { body: string[] }> = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'extension/snippets/moat.json'), 'utf8'));

/** A snippet body as a user gets it after accepting every default: `${1:Web}` → Web, `${2|a,b|}` → a, `$0` → nothing. */
function expand(body: readonly string[]): string {
    const defaults = new Map<string, string>();
    return body.join('\n')
        .replace(/\$\{(\d+):([^}]*)\}/g, (_, index: string, value: string) => (defaults.set(index, value), value))
        .replace(/\$\{(\d+)\|([^,|]*)[^}]*\|\}/g, (_, _index: string, first: string) => first)
        .replace(/\$\{(\d+)\}/g, (_, index: string) => defaults.get(index) ?? '')
        .replace(/\$0/g, '');
}

describe('the extension manifest', () => {
    test('every file it points at exists (grammars, snippets, language configuration, icons, walkthrough)', () => {
        const { contributes } = manifest;
        const files = [
            manifest.main.replace(/^\.\//, '').replace('dist/', 'extension/src/').replace('.cjs', '.ts'), manifest.icon,
            ...contributes.grammars.map((grammar: { path: string }) => grammar.path).filter((file: string) => !file.includes('/syntaxes/')),
            ...contributes.snippets.map((snippet: { path: string }) => snippet.path),
            ...contributes.languages.flatMap((language: { configuration: string; icon: { light: string; dark: string } }) => [language.configuration, language.icon.light, language.icon.dark]),
            ...contributes.walkthroughs.flatMap((walkthrough: { steps: { media: { markdown: string } }[] }) => walkthrough.steps.map(step => step.media.markdown))
        ];
        for (const file of files) expect(fs.existsSync(path.join(REPO_ROOT, file)), file).toBe(true);
    });

    test('contributes every command the server\'s CodeLens run', () => {
        const contributed = manifest.contributes.commands.map((command: { command: string }) => command.command);
        expect(contributed).toEqual(expect.arrayContaining(Object.values(ClientCommands)));
    });

    test.each(Object.entries(snippets))('the snippet "%s" expands to a model that parses and uses only known attributes', async (_name, { body }) => {
        const document = await parseModel(`${expand(body)}\n`);
        // A lone threat or story names elements and mitigations declared elsewhere: unresolved names are expected.
        expect(errorsOf(document).filter(diagnostic => !/Could not resolve/.test(typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value))).toEqual([]);
        expect(codesOf(document)).not.toContain('unknown-property');
        expect(codesOf(document)).not.toContain('invalid-property-value');
    });
});
