import * as path from 'node:path';
import { TextDocument, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { describe, expect, test } from 'vitest';
import { createMoatServices } from '../../language-server/moat-module.js';
import { buildFiles, codesOf, createTestServices, fixedClock, REPO_ROOT } from './helpers.js';

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

describe('a model opened on its own', () => {
    test('loads the files it imports from disk and resolves their names', async () => {
        const services = createMoatServices(NodeFileSystem, fixedClock);
        const workspace = services.shared.workspace;
        const model = await workspace.LangiumDocuments.getOrCreateDocument(URI.file(path.join(REPO_ROOT, 'samples/payments/model.tm')));
        await workspace.DocumentBuilder.build([model], { validation: true });
        await workspace.WorkspaceLock.write(() => undefined); // the loader's rebuild is queued on the lock
        await workspace.WorkspaceLock.write(() => undefined);

        const loaded = workspace.LangiumDocuments.all.map(document => path.basename(document.uri.fsPath)).toArray().sort();
        expect(loaded).toEqual(['checkout.tm', 'data.tm', 'model.tm', 'operations.tm', 'platform.tm', 'threats.tm']);
        const current = workspace.LangiumDocuments.getDocument(model.uri)!;
        expect(codesOf(current).filter(code => code === 'import-not-found' || code === 'linking-error')).toEqual([]);
    });

    test('a derived threat in an imported file is reported there, and adopting it in the model file clears it', async () => {
        const services = createTestServices();
        const flows = 'actor User "User"\nboundary Dmz "DMZ" { process Web "Web" }\nflow Pay: User -> Web "Pay" { protocol http }\n';
        const model = 'import "./flows.tm"\nmodel Shop "Shop" { knowledgebase "rules.tmkb" }\n';
        const rules = 'knowledgebase "team:t"\nattribute protocol: enum [http, https] on flow\nrule PLAIN-01 "Plain" { applies-to flow  when protocol == http  stride tampering  severity high }\n';
        const files = await buildFiles({ 'flows.tm': flows, 'main.tm': model, 'rules.tmkb': rules }, services);
        expect(codesOf(files['flows.tm'])).toContain('unaddressed-threat');
        expect(codesOf(files['main.tm'])).not.toContain('unaddressed-threat');

        await edit(services, 'main.tm', `${model}threat Sniff "Sniffing" { on Pay  from PLAIN-01  stride tampering  mitigated-by Tls }\nmitigation Tls "TLS" { status done  ticket "T-1" }\n`);

        const imported = services.shared.workspace.LangiumDocuments.getDocument(URI.parse('file:///test/flows.tm'))!;
        expect(codesOf(imported)).not.toContain('unaddressed-threat');
    });

    test('editing the knowledge base changes what the model derives; editing the model keeps the rules', async () => {
        const services = createTestServices();
        const model = 'model Shop "Shop" { knowledgebase "rules.tmkb" }\nactor User "User"\nprocess Web "Web"\nflow Pay: User -> Web "Pay" { protocol http }\n';
        const rules = (protocol: string) => `knowledgebase "team:t"\nattribute protocol: enum [http, https] on flow\nrule PLAIN-01 "Plain" { applies-to flow  when protocol == ${protocol}  stride tampering  severity high }\n`;
        const files = await buildFiles({ 'main.tm': model, 'rules.tmkb': rules('http') }, services);
        const derived = () => services.moat.analysis.AnalysisProvider.analysis(files['main.tm']).derivedThreats.map(threat => threat.id);
        const vocabulary = () => services.moat.model.ThreatModelProvider.vocabulary(files['main.tm']);
        expect(derived()).toEqual(['PLAIN-01@Pay']);

        const before = vocabulary();
        await edit(services, 'main.tm', model.replace('"Pay"', '"Pay by card"'));
        expect(vocabulary()).toBe(before);
        expect(derived()).toEqual(['PLAIN-01@Pay']);

        await edit(services, 'rules.tmkb', rules('https'));
        expect(vocabulary()).not.toBe(before);
        expect(derived()).toEqual([]);
    });
});
