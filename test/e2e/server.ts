import { spawn, execFile, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The repository's root (computed here so the suite does not load the language server's helpers). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** code-server's entry point, installed by scripts/install-code-server.sh (override: MOAT_CODE_SERVER_DIR). */
export const CODE_SERVER_ENTRY = path.join(
    process.env.MOAT_CODE_SERVER_DIR ?? path.join(REPO_ROOT, '.cache', 'code-server'),
    'node_modules', 'code-server', 'out', 'node', 'entry.js'
);

/** The folders one code-server instance owns, all under a temporary directory. */
export interface ServerDirs { userData: string; extensions: string; xdg: string; config: string }

/** A running code-server: its URL, and how to stop it. */
export interface RunningServer { url: string; pid: number; stop(): Promise<void> }

/** A port the kernel reports free now (a tiny race with other processes remains; start() reports it). */
export async function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const probe = net.createServer();
        probe.once('error', reject);
        probe.listen(0, '127.0.0.1', () => {
            const { port } = probe.address() as net.AddressInfo;
            probe.close(() => resolve(port));
        });
    });
}

/** The environment for code-server: without the variables that make it hand off to an enclosing VS Code. */
function serverEnv(dirs: ServerDirs): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('VSCODE_')) env[key] = value;
    // code-server writes its config and coder-logs under XDG folders: keep them out of $HOME.
    return { ...env, XDG_DATA_HOME: dirs.xdg, XDG_CONFIG_HOME: dirs.xdg, XDG_CACHE_HOME: dirs.xdg };
}

/** The flags every run shares: isolated folders, no auth, no telemetry or update checks. */
function commonArgs(dirs: ServerDirs): string[] {
    return ['--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

/** Installs a packaged extension (.vsix) into the instance's extensions folder; runs to completion. */
export async function installExtension(dirs: ServerDirs, vsix: string): Promise<void> {
    const args = [CODE_SERVER_ENTRY, ...commonArgs(dirs), '--force', '--install-extension', path.resolve(vsix)];
    const { stdout } = await promisify(execFile)(process.execPath, args, { env: serverEnv(dirs), timeout: 120_000 });
    if (!/successfully installed/i.test(stdout)) throw new Error(`Installing ${vsix} failed:\n${stdout}`);
}

/**
 * Starts code-server on a free port for `workspace`, logging to `logFile`, and waits until HTTP answers.
 * Workspace trust is off (every folder trusted, no prompt) unless `workspaceTrust` is set.
 */
export async function launchServer(dirs: ServerDirs, workspace: string, logFile: string, { workspaceTrust = false } = {}): Promise<RunningServer> {
    if (!fs.existsSync(CODE_SERVER_ENTRY)) throw new Error(`No code-server at ${CODE_SERVER_ENTRY}: run bash scripts/install-code-server.sh`);
    const port = await freePort();
    const args = [
        CODE_SERVER_ENTRY, ...commonArgs(dirs), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
        '--disable-telemetry', '--disable-update-check', ...workspaceTrust ? [] : ['--disable-workspace-trust'],
        '--disable-getting-started-override', '--ignore-last-opened', workspace
    ];
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    const log = fs.openSync(logFile, 'w');
    // detached: its own process group, so stop() reaches the extension host and pty host it forks too.
    const child = spawn(process.execPath, args, { env: serverEnv(dirs), detached: true, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    const url = `http://127.0.0.1:${port}`;
    const server: RunningServer = { url, pid: child.pid!, stop: () => stopGroup(child) };
    try {
        await waitForHttp(`${url}/healthz`, child, logFile);
    } catch (error) {
        await server.stop();
        throw error;
    }
    return server;
}

/** Polls `url` until it answers 200, failing early with the log if the server exits. */
async function waitForHttp(url: string, child: ChildProcess, logFile: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${fs.readFileSync(logFile, 'utf8')}`);
        try {
            if ((await fetch(url)).ok) return;
        } catch { /* not listening yet */ }
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    throw new Error(`code-server did not answer ${url} in ${timeoutMs} ms:\n${fs.readFileSync(logFile, 'utf8')}`);
}

/** Stops the process group we started (SIGTERM, then SIGKILL after 5 s); never looks processes up by name. */
async function stopGroup(child: ChildProcess): Promise<void> {
    const signal = (sig: NodeJS.Signals) => {
        try { process.kill(-child.pid!, sig); } catch { /* group already gone */ }
    };
    const exited = child.exitCode !== null || child.signalCode !== null
        ? Promise.resolve()
        : new Promise<void>(resolve => child.once('exit', () => resolve()));
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    // The leader may exit before its children (extension host, pty host): make sure none outlive it.
    signal('SIGKILL');
}
