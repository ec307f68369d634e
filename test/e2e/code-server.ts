/**
 * A real VS Code for end-to-end tests: code-server (VS Code 1.100's web build and server, installed by
 * scripts/install-code-server.sh) driven by Debian's headless Chromium through playwright-core.
 * See shared/notes/real-vscode.md for why this and not @vscode/test-electron.
 *
 *     const vscode = await startCodeServer({ workspace: copyWorkspace('samples/payments'), vsix: 'moat.vsix' });
 *     await openFile(vscode.page, 'checkout.tm');   // helpers in ./workbench.ts
 *     await vscode.screenshot('checkout');
 *     await vscode.stop();
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { installExtension, launchServer, REPO_ROOT, type ServerDirs } from './server.js';
import { userSettings, writeUserSettings, type Theme } from './settings.js';
import { waitForWorkbench } from './workbench.js';

/** Debian's Chromium; playwright-core never downloads a browser. */
export const CHROMIUM = process.env.MOAT_CHROMIUM ?? '/usr/bin/chromium';

/** Where screenshots and code-server logs go (test-results/ is ignored by git and kept by CI). */
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');

export interface StartOptions {
    /** The folder VS Code opens; tests should pass a copy (copyWorkspace) since the editor may write to it. */
    workspace: string;
    /** A packaged extension to install first; omitted, VS Code runs with its built-in extensions only. */
    vsix?: string;
    /** Colour theme: light (default), dark, or a theme's name. */
    theme?: Theme;
    /** More user settings, merged over the defaults of settings.ts. */
    settings?: Record<string, unknown>;
    /** Names this instance's log file in test-results/e2e/. */
    label?: string;
    /**
     * Opens the folder in Restricted Mode: workspace trust on and the folder not trusted, as when a user
     * answers "No, I don't trust the authors" (the prompt is not shown, so nothing covers the window).
     */
    restricted?: boolean;
}

export interface CodeServer {
    url: string;
    browser: Browser;
    page: Page;
    /** code-server's stdout and stderr, for a failing test's message. */
    logFile: string;
    /** Saves a PNG of the window to test-results/e2e/<name>.png and returns its path. */
    screenshot(name: string): Promise<string>;
    /** Closes the browser, stops the server's process group and deletes its temporary folders. */
    stop(): Promise<void>;
}

/** The temporary folders copyWorkspace made, by the copy's path: stop() deletes the one it ran on. */
const copies = new Map<string, string>();

/** Copies a repository folder (e.g. samples/payments) to a fresh temporary folder, so tests never modify the repo. */
export function copyWorkspace(repoRelative: string): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'moat-e2e-ws-'));
    const target = path.join(root, path.basename(repoRelative));
    fs.cpSync(path.join(REPO_ROOT, repoRelative), target, { recursive: true });
    copies.set(target, root);
    return target;
}

/**
 * Copies the server's logs where a failed run's artefacts are kept: the extension host's
 * (exthostN/remoteexthost.log) and each extension's log channels (exthostN/moat.moat/Moat.log).
 */
function keepLogs(userData: string, target: string): void {
    fs.rmSync(target, { recursive: true, force: true });
    const logs = path.join(userData, 'logs');
    if (fs.existsSync(logs)) fs.cpSync(logs, target, { recursive: true });
}

/** Starts code-server on `workspace`, opens it in headless Chromium and waits for the workbench. */
export async function startCodeServer(options: StartOptions): Promise<CodeServer> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'moat-e2e-vscode-'));
    const dirs: ServerDirs = {
        userData: path.join(root, 'user-data'), extensions: path.join(root, 'extensions'),
        xdg: path.join(root, 'xdg'), config: path.join(root, 'config.yaml')
    };
    // An explicit config file: otherwise code-server writes one with a random password into ~/.config.
    fs.writeFileSync(dirs.config, 'auth: none\ncert: false\n');
    const trust = options.restricted ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' } : {};
    writeUserSettings(dirs.userData, userSettings(options.theme ?? 'light', { ...trust, ...options.settings }));
    if (options.vsix) await installExtension(dirs, options.vsix);

    const workspace = path.resolve(options.workspace);
    const logFile = path.join(RESULTS_DIR, `${options.label ?? 'code-server'}.log`);
    const server = await launchServer(dirs, workspace, logFile, { workspaceTrust: options.restricted });
    let browser: Browser | undefined;
    const stop = async () => {
        await browser?.close().catch(() => undefined);
        await server.stop();
        keepLogs(dirs.userData, path.join(RESULTS_DIR, `${options.label ?? 'code-server'}-logs`));
        for (const dir of [root, copies.get(workspace)]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
    };
    try {
        browser = await chromium.launch({
            executablePath: CHROMIUM,
            args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                '--disable-background-networking', '--disable-component-update', '--disable-sync']
        });
        // A fixed window size so screenshots and what fits in the editor are the same on every machine;
        // the clipboard as a user's browser grants it to VS Code, so copy and paste work and tests can read it.
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
        await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
        await waitForWorkbench(page);
        const screenshot = async (name: string) => {
            const file = path.join(RESULTS_DIR, `${name}.png`);
            fs.mkdirSync(RESULTS_DIR, { recursive: true });
            await page.screenshot({ path: file });
            return file;
        };
        return { url: server.url, browser, page, logFile, screenshot, stop };
    } catch (error) {
        await stop();
        throw error;
    }
}
