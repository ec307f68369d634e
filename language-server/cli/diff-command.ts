import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Analysis } from '../analysis/analysis-types.js';
import { diffMarkdown } from '../diff/diff-markdown.js';
import { diffModels, type ModelDiff } from '../diff/model-diff.js';
import { createMoatServices } from '../moat-module.js';
import { settingsOf } from '../model/threat-model-builder.js';
import type { CommandIo } from './check-command.js';
import { repositoryRoot, snapshotAt, type Snapshot } from './git-snapshot.js';
import { collectFiles, InputError, loadModels } from './load-models.js';
import { analysesOf } from './model-roots.js';

/** Options of `moat diff`. */
export interface DiffOptions {
    format: 'markdown' | 'json';
    /** Compare the path at this git revision … */
    base?: string;
    /** … with the path at this revision (default: the working tree). */
    head?: string;
    /** Exit 1 when the change brings a new open or unaddressed threat at or above this severity. */
    failOn: 'none' | 'new-unmitigated-high' | 'new-unmitigated-critical';
}

/**
 * `moat diff BASE HEAD` (two files or folders) or `moat diff PATH --base REV [--head REV]`: what the
 * change does to each model — elements, flows, boundaries, threats, mitigations — as Markdown with
 * a Mermaid diagram of the changed neighbourhood, or JSON.
 */
export async function runDiff(paths: readonly string[], options: DiffOptions, io: CommandIo): Promise<number> {
    const snapshots: Snapshot[] = [];
    try {
        const [before, after] = sides(paths, options, io.cwd, snapshots);
        const base = await analysesByFile(before.path, before.root);
        const head = await analysesByFile(after.path, after.root);
        const files = [...new Set([...base.keys(), ...head.keys()])].sort();
        const diffs = files.map(file => {
            const [from, to] = [base.get(file) ?? emptyAnalysis(), head.get(file) ?? emptyAnalysis()];
            return { file, from, to, diff: diffModels(from, to) };
        });
        if (options.format === 'json') {
            io.stdout(JSON.stringify({ models: diffs.map(({ file, diff }) => ({ file, ...diff } satisfies { file: string } & ModelDiff)) }, null, 2));
        } else {
            io.stdout(diffs.map(({ file, from, to, diff }) => diffMarkdown(diff, from, to, to.model.settings.label ?? from.model.settings.label ?? file)).join('\n'));
        }
        const bar = options.failOn === 'new-unmitigated-critical' ? ['critical'] : options.failOn === 'new-unmitigated-high' ? ['critical', 'high'] : [];
        const failing = diffs.flatMap(({ diff }) => diff.threats).filter(threat => threat.change === 'new' && threat.after
            && bar.includes(threat.after.severity) && (threat.after.status === 'open' || threat.after.status === 'unaddressed'));
        if (failing.length > 0) io.stderr(`moat: the change brings ${failing.length} new unmitigated threat(s): ${failing.map(threat => threat.id).join(', ')}`);
        return failing.length > 0 ? 1 : 0;
    } finally {
        for (const snapshot of snapshots) snapshot.dispose();
    }
}

/** The two versions to compare: folders or files on disk, or snapshots of git revisions. */
function sides(paths: readonly string[], options: DiffOptions, cwd: string, snapshots: Snapshot[]): [{ path: string; root: string }, { path: string; root: string }] {
    if (options.base) {
        if (paths.length !== 1) throw new InputError('with --base, give one file or folder: moat diff models/ --base origin/main');
        const root = repositoryRoot(cwd);
        const base = snapshotAt(paths[0], options.base, cwd);
        snapshots.push(base);
        if (!options.head) return [base, { path: path.resolve(cwd, paths[0]), root }];
        const head = snapshotAt(paths[0], options.head, cwd);
        snapshots.push(head);
        return [base, head];
    }
    if (paths.length !== 2) throw new InputError('give two files or folders (moat diff old.tm new.tm), or one with --base REV');
    const [before, after] = paths.map(given => path.resolve(cwd, given));
    // Two files compare as one model, whatever their names; two folders pair models by their path inside the folder.
    const isFile = /\.tm$/.test(before);
    return [{ path: before, root: isFile ? path.dirname(before) : before }, { path: after, root: isFile ? path.dirname(after) : after }];
}

/** The analyses of the models under a path, keyed by the root file's path relative to `root` (`model.tm` for a single file). */
async function analysesByFile(target: string, root: string): Promise<Map<string, Analysis>> {
    const services = createMoatServices(NodeFileSystem);
    const documents = await loadModels(services, collectFiles([target]));
    const single = /\.tm$/.test(target);
    return new Map(analysesOf(services, documents).map(analysis => [
        single ? 'model.tm' : path.relative(root, URI.parse(analysis.model.uri).fsPath).split(path.sep).join('/'), analysis
    ]));
}

function emptyAnalysis(): Analysis {
    return {
        model: { uri: '', files: [], settings: settingsOf(undefined), elements: [], boundaries: [], flows: [], data: [], threats: [], mitigations: [], events: [], stories: [], requirements: [] },
        derivedThreats: [], questions: []
    };
}
