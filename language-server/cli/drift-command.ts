import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { diffModels } from '../diff/model-diff.js';
import { createMoatServices } from '../moat-module.js';
import type { CommandIo } from './check-command.js';
import { repositoryRoot, snapshotAt } from './git-snapshot.js';
import { globToRegExp } from './glob.js';
import { collectFiles, InputError, loadModels } from './load-models.js';
import { analysesOf } from './model-roots.js';

/** What the drift policy asks a change to show the security team. */
export type DriftPolicy = 'classified-flows' | 'boundary-crossings';

/** Options of `moat drift`. */
export interface DriftOptions {
    base: string;
    format: 'text' | 'json';
    fail: boolean;
    policy: DriftPolicy[];
}

/** One reason a change needs (or got, and needs reviewing) a threat-model update. */
export interface DriftFinding {
    kind: 'code-changed' | DriftPolicy;
    /** The element (code-changed) or flow (policy) it is about. */
    subject: string;
    file: string;
    line: number;
    message: string;
    /** Changed source files, for code-changed. */
    files?: string[];
}

/**
 * `moat drift PATHS… --base REV`: the Definition-of-Ready check. Elements declare the code they
 * stand for (`code "src/web/**"`, globs relative to the repository root); an element whose code
 * changed since REV while the file declaring it did not is drift. Model changes that the policy
 * wants reviewed — new flows of confidential or restricted data, new boundary crossings — are
 * listed too. `--fail` exits 1 when there is anything.
 */
export async function runDrift(paths: readonly string[], options: DriftOptions, io: CommandIo): Promise<number> {
    const root = repositoryRoot(io.cwd);
    const changed = changedFiles(options.base, root);
    const services = createMoatServices(NodeFileSystem);
    const documents = await loadModels(services, collectFiles(paths, io.cwd));
    const relative = (uri: string) => path.relative(root, URI.parse(uri).fsPath).split(path.sep).join('/');
    const findings: DriftFinding[] = [];
    const heads = analysesOf(services, documents);
    for (const analysis of heads) {
        for (const element of analysis.model.elements) {
            if (element.code.length === 0) continue;
            const patterns = element.code.map(globToRegExp);
            const files = changed.filter(file => patterns.some(pattern => pattern.test(file)));
            const declaredIn = relative(element.location.uri);
            if (files.length === 0 || changed.includes(declaredIn)) continue;
            findings.push({
                kind: 'code-changed', subject: element.id, file: declaredIn, line: element.location.range.start.line + 1, files,
                message: `${element.id}: ${files.length} file${files.length === 1 ? '' : 's'} of its code changed since ${options.base} (${files.slice(0, 3).join(', ')}`
                    + `${files.length > 3 ? ', …' : ''}) but ${declaredIn} did not: does the threat model need an update?`
            });
        }
    }
    if (options.policy.length > 0) findings.push(...await policyFindings(paths, options, io.cwd, heads, relative));
    if (options.format === 'json') io.stdout(JSON.stringify({ base: options.base, findings }, null, 2));
    else {
        if (findings.length > 0) io.stdout(findings.map(finding => `${finding.file}:${finding.line} ${finding.kind} ${finding.message}`).join('\n'));
        io.stderr(`${findings.length} drift finding${findings.length === 1 ? '' : 's'} since ${options.base}`);
    }
    return options.fail && findings.length > 0 ? 1 : 0;
}

async function policyFindings(
    paths: readonly string[], options: DriftOptions, cwd: string, heads: ReturnType<typeof analysesOf>, relative: (uri: string) => string
): Promise<DriftFinding[]> {
    const findings: DriftFinding[] = [];
    for (const given of paths) {
        const snapshot = snapshotAt(given, options.base, cwd);
        try {
            const services = createMoatServices(NodeFileSystem);
            const bases = analysesOf(services, await loadModels(services, collectFiles([snapshot.path])));
            for (const head of heads) {
                const key = relative(head.model.uri);
                const base = bases.find(candidate => path.relative(snapshot.root, URI.parse(candidate.model.uri).fsPath).split(path.sep).join('/') === key);
                if (!base) continue;
                const diff = diffModels(base, head);
                const flows = new Map(head.model.flows.map(flow => [flow.id, flow]));
                const at = (id: string) => ({ file: relative(flows.get(id)!.location.uri), line: flows.get(id)!.location.range.start.line + 1 });
                if (options.policy.includes('classified-flows')) {
                    for (const flow of diff.newClassifiedFlows) {
                        findings.push({ kind: 'classified-flows', subject: flow.flow, ...at(flow.flow), message: `${flow.flow} now carries classified data (${flow.data.join(', ')}): review the threats on it.` });
                    }
                }
                if (options.policy.includes('boundary-crossings')) {
                    for (const crossing of diff.newBoundaryCrossings) {
                        findings.push({ kind: 'boundary-crossings', subject: crossing.flow, ...at(crossing.flow), message: `${crossing.flow} newly crosses ${crossing.boundaries.join(', ')}: review the threats on it.` });
                    }
                }
            }
        } finally {
            snapshot.dispose();
        }
    }
    return findings;
}

/** Files changed since a revision — committed, staged, unstaged or new — relative to the repository root. */
function changedFiles(base: string, root: string): string[] {
    const git = (...args: string[]) => {
        try {
            return execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 2 ** 20, stdio: ['ignore', 'pipe', 'pipe'] });
        } catch (error) {
            throw new InputError(`git ${args[0]} failed: ${(error as { stderr?: string }).stderr?.trim() ?? ''}`);
        }
    };
    const tracked = git('diff', '--name-only', '-z', base).split('\0');
    const untracked = git('ls-files', '--others', '--exclude-standard', '-z').split('\0');
    return [...new Set([...tracked, ...untracked].filter(file => file !== ''))].sort();
}
