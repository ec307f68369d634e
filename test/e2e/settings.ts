import * as fs from 'node:fs';
import * as path from 'node:path';

/** `light` and `dark` map to VS Code's default themes; any other string is taken as a theme's name. */
export type Theme = 'light' | 'dark' | (string & {});

const THEMES: Record<string, string> = { light: 'Default Light Modern', dark: 'Default Dark Modern' };

/** User settings that keep the window quiet and the same on every run, so screenshots compare. */
export function userSettings(theme: Theme, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        'workbench.colorTheme': THEMES[theme] ?? theme,
        // No welcome page, walkthroughs, tips or trust prompt covering the editor.
        'workbench.startupEditor': 'none',
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        // Nothing reaches out to a marketplace or update server (this network has none).
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'chat.commandCenter.enabled': false,
        'git.enabled': false,
        // Hovers appear quickly for hover tests; no minimap so the editor's text fills a stable width.
        'editor.hover.delay': 150,
        'editor.minimap.enabled': false,
        // Changes made by tests are not written back unasked.
        'files.autoSave': 'off',
        ...extra
    };
}

/** Writes `<userDataDir>/User/settings.json`, where code-server reads the user's settings. */
export function writeUserSettings(userDataDir: string, settings: Record<string, unknown>): void {
    const dir = path.join(userDataDir, 'User');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}
