import { Command, CommanderError, Option } from 'commander';
import { runCheck, type CommandIo } from './check-command.js';
import type { FailOn } from './check-report.js';
import { InputError } from './load-models.js';
import { MOAT_VERSION_STRING } from './version.js';
import { runDiff, type DiffOptions } from './diff-command.js';
import { runDrift, type DriftOptions, type DriftPolicy } from './drift-command.js';
import { runQuestions } from './questions-command.js';
import { COLLAPSE_ABOVE_NODES } from '../render/collapse-boundaries.js';
import { runRender, type RenderOptions } from './render-command.js';
import { runReport, type ReportOptions } from './report-command.js';
import { runRules } from './rules-command.js';
import { runThreats } from './threats-command.js';

/** Exit codes of every command: 0 clean, 1 findings over the bar, 2 usage or I/O error. */
export const ExitCode = { Clean: 0, Findings: 1, UsageError: 2 } as const;

/** Runs the `moat` command line and returns its exit code; never throws. */
export async function runMoat(argv: readonly string[], io: CommandIo): Promise<number> {
    let exitCode: number = ExitCode.Clean;
    const program = new Command('moat')
        .description('Threat models as code: check, render and report .tm models.')
        .version(MOAT_VERSION_STRING, '-v, --version')
        .exitOverride()
        .configureOutput({ writeOut: text => io.stdout(text.trimEnd()), writeErr: text => io.stderr(text.trimEnd()) });
    program.command('check')
        .description('Report the diagnostics of .tm models (files or folders, searched recursively).')
        .argument('<paths...>', '.tm files or folders')
        .addOption(new Option('-f, --format <format>', 'output format: text, json, sarif (SARIF 2.1.0 for code scanning) or codeclimate (GitLab Code Quality)')
            .choices(['text', 'json', 'sarif', 'codeclimate']).default('text'))
        .addOption(new Option('--fail-on <level>', 'exit 1 on a diagnostic of this severity (error, warning) or an open threat at or above this severity (critical, high, medium, low); errors always fail')
            .choices(['error', 'warning', 'critical', 'high', 'medium', 'low']).default('error'))
        .option('--hints', 'also print hint-level diagnostics (text, sarif and codeclimate formats)', false)
        .option('--docs-url <url>', 'where docs/diagnostics.md is published, for the help links of SARIF rules')
        .action(async (paths: string[], options: { format: 'text' | 'json' | 'sarif' | 'codeclimate'; failOn: FailOn; hints: boolean; docsUrl?: string }) => {
            exitCode = await runCheck(paths, options, io);
        });
    program.command('threats')
        .description('List the declared and derived threats of each model with severity, status and STRIDE categories.')
        .argument('<paths...>', '.tm files or folders')
        .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
        .action(async (paths: string[], options: { format: 'text' | 'json' }) => {
            exitCode = await runThreats(paths, options, io);
        });
    program.command('report')
        .description('Report on each model: summary, the DFD as Mermaid, open threats with their mitigations and tickets, traceability gaps.')
        .argument('<paths...>', '.tm files or folders')
        .addOption(new Option('-f, --format <format>', 'output format: markdown (with Mermaid), html (one self-contained file with an SVG diagram) or json')
            .choices(['markdown', 'html', 'json']).default('markdown'))
        .option('-o, --output <file>', 'write the report to a file instead of standard output')
        .action(async (paths: string[], options: ReportOptions) => {
            exitCode = await runReport(paths, options, io);
        });
    program.command('render')
        .description('The preview\'s picture of a model: the DFD or the traceability view, as SVG (the preview\'s renderer) or Mermaid.')
        .argument('<file>', 'the model\'s .tm file')
        .addOption(new Option('-f, --format <format>', 'svg (standalone, no script) or mermaid (the text GitHub renders)').choices(['svg', 'mermaid']).default('svg'))
        .addOption(new Option('--view <view>', 'the data-flow diagram or stories → threats → mitigations → tickets').choices(['dfd', 'trace']).default('dfd'))
        .addOption(new Option('--direction <direction>', 'flows left to right or top to bottom (SVG)').choices(['LR', 'TB']).default('LR'))
        .addOption(new Option('--collapse <boundaries>', `collapse trust boundaries (auto: all of them above ${COLLAPSE_ABOVE_NODES} elements, as the preview does)`).choices(['auto', 'all', 'none']).default('auto'))
        .option('-o, --output <file>', 'write the picture to a file instead of standard output')
        .action(async (file: string, options: RenderOptions) => {
            exitCode = await runRender(file, options, io);
        });
    program.command('diff')
        .description('What a change does to the threat model: `moat diff OLD NEW` (files or folders) or `moat diff PATH --base REV [--head REV]` (git).')
        .argument('<paths...>', 'two files or folders, or one with --base')
        .addOption(new Option('-f, --format <format>', 'output format').choices(['markdown', 'json']).default('markdown'))
        .option('--base <revision>', 'compare PATH at this git revision (e.g. origin/main) …')
        .option('--head <revision>', '… with PATH at this revision (default: the working tree)')
        .addOption(new Option('--fail-on <bar>', 'exit 1 when the change brings a new open or unaddressed threat of this severity or worse')
            .choices(['none', 'new-unmitigated-high', 'new-unmitigated-critical']).default('none'))
        .action(async (paths: string[], options: DiffOptions) => {
            exitCode = await runDiff(paths, options, io);
        });
    program.command('drift')
        .description('Does this change need a threat-model update? Elements whose `code` changed since REV while their model file did not, and model changes the policy wants reviewed.')
        .argument('<paths...>', '.tm files or folders')
        .requiredOption('--base <revision>', 'the revision the change is measured from (e.g. origin/main)')
        .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
        .option('--fail', 'exit 1 when there is a finding', false)
        .addOption(new Option('--policy <checks...>', 'model changes to flag for review').choices(['classified-flows', 'boundary-crossings', 'none']).default(['classified-flows', 'boundary-crossings']))
        .action(async (paths: string[], options: Omit<DriftOptions, 'policy'> & { policy: string[] }) => {
            exitCode = await runDrift(paths, { ...options, policy: options.policy.filter((check): check is DriftPolicy => check !== 'none') }, io);
        });
    program.command('rules')
        .description('List the rules of knowledge bases (default: the built-in moat:stride) with counts per STRIDE letter, subject and severity.')
        .argument('[knowledge-bases...]', 'built-in ids (moat:stride) or .tmkb files')
        .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
        .option('--counts', 'print only the counts', false)
        .action(async (references: string[], options: { format: 'text' | 'json'; counts: boolean }) => {
            exitCode = await runRules(references, options, io);
        });
    program.command('questions')
        .description('List the open STRIDE questions of each model (answer them with `answer <category> "…"`).')
        .argument('<paths...>', '.tm files or folders')
        .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
        .option('--all', 'also list answered and not-applicable questions', false)
        .action(async (paths: string[], options: { format: 'text' | 'json'; all: boolean }) => {
            exitCode = await runQuestions(paths, options, io);
        });
    try {
        await program.parseAsync(argv, { from: 'user' });
        return exitCode;
    } catch (error) {
        if (error instanceof CommanderError) {
            return error.exitCode === 0 ? ExitCode.Clean : ExitCode.UsageError;
        }
        if (error instanceof InputError) {
            io.stderr(`moat: ${error.message}`);
            return ExitCode.UsageError;
        }
        io.stderr(`moat: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        return ExitCode.UsageError;
    }
}
