import { TextDocument, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { buildFiles, codesOf, createTestServices } from './helpers.js';

/** Edits as the language server receives them: new text for a document, then an update. */
async function edit(services: ReturnType<typeof createTestServices>, name: string, text: string): Promise<void> {
    const uri = URI.parse(`file:///test/${name}`);
    services.shared.workspace.TextDocuments?.set(TextDocument.create(uri.toString(), 'moat', 2, text));
    await services.shared.workspace.DocumentBuilder.update([uri], []);
}

describe('editing one file of a multi-file model', () => {
    test('an imported file is revalidated when its importer stops using its element', async () => {
        const services = createTestServices();
        const files = await buildFiles({
            'shared.tm': 'process Api "API"\n',
            'main.tm': 'import "./shared.tm"\nactor User "User"\nflow User -> Api "Call"\n'
        }, services);
        expect(codesOf(files['shared.tm'])).not.toContain('isolated-element');

        await edit(services, 'main.tm', 'import "./shared.tm"\nactor User "User"\nprocess Web "Web"\nflow User -> Web "Call"\n');

        const shared = services.shared.workspace.LangiumDocuments.getDocument(URI.parse('file:///test/shared.tm'))!;
        expect(codesOf(shared)).toContain('isolated-element');
    });

    test('an importer is relinked when the imported file declares a name it was missing', async () => {
        const services = createTestServices();
        await buildFiles({
            'shared.tm': 'process Other "Other"\n',
            'main.tm': 'import "./shared.tm"\nactor User "User"\nflow User -> Api "Call"\n'
        }, services);
        await edit(services, 'shared.tm', 'process Api "API"\n');
        const main = services.shared.workspace.LangiumDocuments.getDocument(URI.parse('file:///test/main.tm'))!;
        expect(codesOf(main)).not.toContain('linking-error');
    });
});
