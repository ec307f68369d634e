import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError } from './load-models.js';

/** A version of a path as it was at a git revision, written out to a temporary folder. */
export interface Snapshot {
    /** The snapshot's copy of the path the user named. */
    path: string;
    /** The folder standing for the repository root (paths in reports are relative to it). */
    root: string;
    dispose(): void;
}

/**
 * Writes the `.tm` and `.tmkb` files under `target` as they were at `revision` into a temporary
 * folder that mirrors the repository, so imports between them resolve as they did then. Git is
 * run with arguments, never through a shell.
 */
export function snapshotAt(target: string, revision: string, cwd: string): Snapshot {
    const git = (...args: string[]) => {
        try {
            return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 2 ** 20, stdio: ['ignore', 'pipe', 'pipe'] });
        } catch (error) {
            const stderr = (error as { stderr?: string }).stderr?.trim();
            throw new InputError(`git ${args[0]} failed${stderr ? `: ${stderr}` : ''}`);
        }
    };
    const top = git('rev-parse', '--show-toplevel').trim();
    git('rev-parse', '--verify', '--quiet', `${revision}^{commit}`);
    const relative = path.relative(top, path.resolve(cwd, target)).split(path.sep).join('/');
    const files = git('ls-tree', '-r', '--name-only', '-z', revision, '--', relative || '.').split('\0').filter(file => /\.tm(kb)?$/.test(file));
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'moat-snapshot-'));
    for (const file of files) {
        const destination = path.join(root, ...file.split('/'));
        fs.mkdirSync(path.dirname(destination), { recursive: true });
        fs.writeFileSync(destination, execFileSync('git', ['show', `${revision}:${file}`], { cwd: top, maxBuffer: 256 * 2 ** 20 }));
    }
    const snapshotPath = path.join(root, ...relative.split('/'));
    if (!fs.existsSync(snapshotPath)) fs.mkdirSync(snapshotPath, { recursive: true });
    return { path: snapshotPath, root, dispose: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** The repository root of a folder. */
export function repositoryRoot(cwd: string): string {
    try {
        return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    } catch {
        throw new InputError(`'${cwd}' is not in a git repository: give two files or folders instead of --base`);
    }
}
