import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import type { MoatLanguageServices } from '../moat-module.js';
import { referencedFiles } from '../workspace/referenced-files.js';

/** A path the user named that cannot be read; the CLI exits 2 with this message. */
export class InputError extends Error {}

const EXTENSIONS = ['.tm', '.tmkb'];

/** The `.tm` and `.tmkb` files a list of files and folders (relative to `cwd`) names, folders searched recursively. */
export function collectFiles(paths: readonly string[], cwd: string = process.cwd()): string[] {
    const files: string[] = [];
    for (const given of paths) {
        const absolute = path.resolve(cwd, given);
        let stat: fs.Stats;
        try {
            stat = fs.statSync(absolute);
        } catch {
            throw new InputError(`cannot read '${given}': no such file or directory`);
        }
        if (stat.isDirectory()) files.push(...walk(absolute));
        else files.push(absolute);
    }
    return [...new Set(files)].sort();
}

function walk(folder: string): string[] {
    const found: string[] = [];
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) found.push(...walk(full));
        else if (EXTENSIONS.includes(path.extname(entry.name))) found.push(full);
    }
    return found;
}

/**
 * Loads the named files and, transitively, every file they import or name as a knowledge base,
 * then builds and validates them all, exactly as the language server does for a workspace.
 */
export async function loadModels(services: MoatLanguageServices, files: readonly string[]): Promise<LangiumDocument[]> {
    const documents = services.shared.workspace.LangiumDocuments;
    const loaded = new Map<string, LangiumDocument>();
    const pending = files.map(file => URI.file(file));
    while (pending.length > 0) {
        const uri = pending.pop()!;
        if (loaded.has(uri.toString())) continue;
        const document = await documents.getOrCreateDocument(uri);
        loaded.set(uri.toString(), document);
        pending.push(...referencedFiles(document).filter(next => !loaded.has(next.toString()) && isFile(next.fsPath)));
    }
    const all = [...loaded.values()];
    await services.shared.workspace.DocumentBuilder.build(all, { validation: true });
    return all;
}

function isFile(file: string): boolean {
    try {
        return fs.statSync(file).isFile();
    } catch {
        return false;
    }
}
