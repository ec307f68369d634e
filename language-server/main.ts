import './polyfills.js';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { registerMoatRequests } from './lsp/moat-requests.js';
import { createMoatServices } from './moat-module.js';

/** The language server entry: one server for `.tm` models and `.tmkb` knowledge bases, over stdio or IPC. */
const connection = createConnection(ProposedFeatures.all);
const services = createMoatServices({ connection, ...NodeFileSystem });
registerMoatRequests(connection, services);
startLanguageServer(services.shared);
