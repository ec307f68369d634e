// Synthetic `.tm` model generator for the benchmarks: one valid, realistic-looking model file of a
// given size, deterministic from a seed. Plain Node ES module, no dependencies.
//
//   import { generateModel, editOffset } from './generate-model.mjs';
//   const text = generateModel({ elements: 1000, seed: 1 });
//
//   node bench/generate-model-cli.mjs 1000 [seed] > /tmp/m.tm
//
// Shape: ~10% actors, ~10% externals, ~55% processes, ~25% data stores; one boundary per ~20
// elements nested up to 3 deep; ~1.5 flows per element, each with a process at one end, never a
// self-flow, every element in at least one flow; one data asset per ~50 elements (at least 3); one
// threat per ~10 elements, one mitigation per ~20, and a few events, requirements and stories.
// Names are globally unique: A actors, X externals, P processes, S data stores, B boundaries,
// F flows, D data, T threats, M mitigations, E events, R requirements, U stories.
// Attributes come from knowledge/stride/vocabulary.tmkb and are only used on the kinds their `on` clause lists.


/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function makeRandom(seed) {
    const next = mulberry32(seed);
    const int = (n) => Math.floor(next() * n);
    const pick = (arr) => arr[int(arr.length)];
    const chance = (p) => next() < p;
    /** Up to `k` distinct items of `arr`, in `arr`'s order. */
    const sample = (arr, k) => {
        const chosen = new Set();
        const limit = Math.min(k, arr.length);
        while (chosen.size < limit) chosen.add(int(arr.length));
        return [...chosen].sort((x, y) => x - y).map((i) => arr[i]);
    };
    /** Picks a key of `weights` ({ key: weight }) in proportion to its weight. */
    const weighted = (weights) => {
        const entries = Object.entries(weights);
        let r = next() * entries.reduce((s, [, w]) => s + w, 0);
        for (const [key, w] of entries) {
            r -= w;
            if (r < 0) return key;
        }
        return entries[entries.length - 1][0];
    };
    return { next, int, pick, chance, sample, weighted };
}

// ------------------------------------------------------------------------------------------------
// Vocabulary (labels are plain words: no quotes, no backslashes, so every label is a valid STRING)
// ------------------------------------------------------------------------------------------------

const DOMAINS = ['Order', 'Payment', 'Catalog', 'Inventory', 'Shipping', 'Billing', 'Customer', 'Account',
    'Search', 'Pricing', 'Invoice', 'Ledger', 'Notification', 'Report', 'Audit', 'Identity', 'Session',
    'Cart', 'Refund', 'Loyalty', 'Review', 'Media', 'Partner', 'Fraud', 'Tax', 'Subscription', 'Consent'];
const PROCESS_ROLES = ['service', 'API', 'worker', 'gateway', 'scheduler', 'adapter', 'processor', 'web app', 'backend'];
const STORE_ROLES = ['database', 'cache', 'bucket', 'queue', 'index', 'archive', 'table', 'vault', 'log store'];
const ACTORS = ['Shopper', 'Support agent', 'Administrator', 'Merchant', 'Auditor', 'Courier', 'Partner user',
    'Finance analyst', 'Developer', 'Operator', 'Guest visitor', 'Store manager'];
const EXTERNALS = ['Card acquirer', 'Email provider', 'SMS gateway', 'Identity provider', 'Tax service',
    'Carrier API', 'CRM', 'Analytics platform', 'Fraud scoring service', 'Bank', 'Maps API', 'CDN'];
const ZONES = ['DMZ', 'Core', 'Back office', 'Data tier', 'Partner zone', 'Management', 'Analytics',
    'Payments core', 'Edge', 'Internal tools', 'Batch', 'Messaging'];
const DATA_NAMES = ['Card number', 'Session token', 'Customer profile', 'Order history', 'API key',
    'Password hash', 'Invoice', 'Shipping address', 'Audit trail', 'Price list', 'Access token',
    'Bank details', 'Email address', 'Loyalty balance', 'Signing key', 'Product catalogue'];
const VERBS = ['Submit', 'Fetch', 'Update', 'Publish', 'Read', 'Write', 'Sync', 'Query', 'Notify',
    'Authorise', 'Validate', 'Export', 'Import', 'Store', 'Lookup', 'Stream'];
const OBJECTS = ['order', 'payment', 'profile', 'events', 'report', 'token', 'cart', 'invoice', 'price',
    'stock level', 'receipt', 'metrics', 'settings', 'refund', 'document'];
const TEAMS = ['Checkout squad', 'Platform team', 'Payments team', 'Identity team', 'Data team',
    'Back office team', 'SRE'];

const PROCESS_TECH = ['node', 'spring-boot', 'go', 'django', 'dotnet', 'rails', 'nginx', 'quarkus'];
const STORE_TECH = ['postgres', 'mysql', 'redis', 's3', 'mongodb', 'kafka', 'elasticsearch', 'dynamodb'];
const EXTERNAL_TECH = ['stripe', 'auth0', 'sendgrid', 'twilio', 'salesforce', 'segment'];
const FLOW_TECH = ['rest', 'graphql', 'protobuf', 'json-rpc'];

const AUTH_ELEMENT = ['none', 'password', 'api-key', 'token', 'oidc', 'saml', 'mtls', 'mfa', 'certificate'];
const AUTH_FLOW = ['token', 'oidc', 'mtls', 'api-key', 'certificate'];
const AUTHZ = ['none', 'role-based', 'attribute-based', 'ownership'];
const LOGS = ['none', 'basic', 'audit'];
const HOSTING = ['on-premises', 'cloud', 'saas', 'edge'];
const CRITICALITY = ['low', 'medium', 'high', 'critical'];
const CLASSIFICATION = ['public', 'internal', 'confidential', 'restricted'];
const RETENTION = ['30 days', '90 days', '1 year', '7 years'];
const TAGS = ['pci', 'gdpr', 'sox', 'hipaa', 'legacy', 'tier1', 'internal-only'];
const TRUST = ['untrusted', 'partner', 'internal', 'restricted'];
const NETWORK = ['internet', 'dmz', 'private', 'isolated'];

const STRIDE = ['spoofing', 'tampering', 'repudiation', 'information-disclosure', 'denial-of-service',
    'elevation-of-privilege'];
const LEVELS = ['critical', 'high', 'medium', 'low', 'info'];
// Real CWE, CAPEC and ISO/IEC 27001:2022 Annex A ids, so catalogue checks pass.
const CWES = [319, 287, 89, 79, 200, 400, 862, 306, 311, 352, 502, 798, 20, 532, 770, 915];
const CAPECS = [157, 66, 94, 125, 151, 115, 62];
const ISO = ['A.8.24', 'A.8.5', 'A.8.15', 'A.5.15', 'A.8.16', 'A.8.28', 'A.8.20', 'A.8.12'];
const THREAT_TEXT = ['read in transit', 'replayed', 'forged', 'tampered with', 'flooded', 'leaked in logs',
    'accessed without authorisation', 'spoofed by a stolen token', 'injected with SQL', 'denied by its author'];
const MITIGATION_TEXT = ['Enforce TLS 1.2 or later', 'Require mutual TLS between services', 'Rate-limit per client',
    'Validate input against a schema', 'Write an append-only audit log', 'Rotate credentials every 90 days',
    'Use parameterised queries', 'Sign messages with HMAC', 'Encrypt data at rest with KMS keys',
    'Enforce role-based access checks', 'Add idempotency keys', 'Mask sensitive fields in logs'];
const WITHOUTS = ['exposing my card number to anyone but the acquirer', 'anyone else reading my order history',
    'losing my order when a service restarts', 'another customer changing my address',
    'my password being stored in clear text', 'being charged twice for the same order'];

// ------------------------------------------------------------------------------------------------

/**
 * Generates the text of one valid `.tm` file with `elements` elements.
 * @param {{ elements: number, seed?: number }} options
 * @returns {string}
 */
export function generateModel({ elements, seed = 1 }) {
    const n = Math.floor(elements);
    if (!(n >= 4)) throw new RangeError('generateModel: elements must be at least 4');
    const rnd = makeRandom(seed);
    const { int, pick, chance, sample, weighted } = rnd;
    const out = [];
    const line = (indent, text) => out.push('  '.repeat(indent) + text);

    // --- counts --------------------------------------------------------------------------------
    const nActors = Math.max(1, Math.round(n * 0.1));
    const nExternals = Math.max(1, Math.round(n * 0.1));
    const nStores = Math.max(1, Math.round(n * 0.25));
    const nProcesses = n - nActors - nExternals - nStores;
    const nBoundaries = Math.max(1, Math.round(n / 20));
    const nData = Math.max(3, Math.round(n / 50));
    const nThreats = Math.max(1, Math.round(n / 10));
    const nMitigations = Math.max(1, Math.round(n / 20));
    const nEvents = Math.max(1, Math.round(n / 100));
    const nRequirements = Math.max(1, Math.round(n / 100));
    const nStories = Math.max(2, Math.round(n / 100));
    const nFlows = Math.round(n * 1.5);

    // --- data ----------------------------------------------------------------------------------
    const data = [];
    for (let i = 1; i <= nData; i++) {
        const base = DATA_NAMES[(i - 1) % DATA_NAMES.length];
        const credentials = /key|token|password|signing/i.test(base) || chance(0.05);
        const pii = !credentials && (/customer|address|email|bank|order|profile|card/i.test(base) || chance(0.2));
        const classification = credentials ? 'restricted' : pii ? pick(['confidential', 'restricted']) : pick(CLASSIFICATION);
        data.push({ name: `D${i}`, label: i <= DATA_NAMES.length ? base : `${base} ${i}`, classification, pii, credentials });
    }

    // --- boundaries (a forest, at most 3 deep) -------------------------------------------------
    const boundaries = [];
    for (let i = 1; i <= nBoundaries; i++) {
        let parent = null;
        if (i > 1 && chance(0.6)) {
            const candidates = boundaries.filter((b) => b.depth < 3);
            if (candidates.length) parent = pick(candidates);
        }
        const b = { name: `B${i}`, label: `${ZONES[(i - 1) % ZONES.length]} ${i}`, parent, depth: parent ? parent.depth + 1 : 1,
            children: [], members: [] };
        if (parent) parent.children.push(b);
        boundaries.push(b);
    }
    const ancestorsOf = (b) => {
        const chain = [];
        for (let c = b; c; c = c.parent) chain.push(c);
        return chain;
    };

    // --- elements ------------------------------------------------------------------------------
    const all = [];
    const outside = []; // elements declared at top level
    const place = (el, boundary) => {
        el.boundary = boundary;
        (boundary ? boundary.members : outside).push(el);
        all.push(el);
    };
    const actors = [];
    for (let i = 1; i <= nActors; i++) {
        const el = { kind: 'actor', name: `A${i}`, label: `${ACTORS[(i - 1) % ACTORS.length]} ${i}` };
        actors.push(el);
        place(el, chance(0.1) ? pick(boundaries) : null);
    }
    const externals = [];
    for (let i = 1; i <= nExternals; i++) {
        const el = { kind: 'external', name: `X${i}`, label: `${EXTERNALS[(i - 1) % EXTERNALS.length]} ${i}` };
        externals.push(el);
        place(el, chance(0.2) ? pick(boundaries) : null);
    }
    const processes = [];
    for (let i = 1; i <= nProcesses; i++) {
        const el = { kind: 'process', name: `P${i}`, label: `${pick(DOMAINS)} ${pick(PROCESS_ROLES)} ${i}`,
            exposed: chance(0.15) };
        processes.push(el);
        // The first processes seed every boundary so that none is empty.
        place(el, i <= nBoundaries ? boundaries[i - 1] : chance(0.05) ? null : pick(boundaries));
    }
    if (!processes.some((p) => p.exposed)) processes[0].exposed = true;
    const stores = [];
    for (let i = 1; i <= nStores; i++) {
        const el = { kind: 'datastore', name: `S${i}`, label: `${pick(DOMAINS)} ${pick(STORE_ROLES)} ${i}` };
        el.stores = chance(0.6) ? sample(data, 1 + int(2)) : [];
        stores.push(el);
        place(el, chance(0.03) ? null : pick(boundaries));
    }
    const exposedProcesses = processes.filter((p) => p.exposed);

    /** Elements in the same boundary as `el` (or top level), plus its parent's and children's. */
    const neighbours = (el) => {
        const b = el.boundary;
        if (!b) return outside;
        const near = [...b.members];
        if (b.parent) near.push(...b.parent.members);
        for (const c of b.children) near.push(...c.members);
        return near;
    };
    /** A process to talk to `el`, preferring nearby ones (and exposed ones for actors/externals). */
    const processFor = (el) => {
        if ((el.kind === 'actor' || el.kind === 'external') && chance(0.7)) return pick(exposedProcesses);
        if (chance(0.65)) {
            const near = neighbours(el).filter((e) => e.kind === 'process' && e !== el);
            if (near.length) return pick(near);
        }
        return pick(processes);
    };
    /** Any element to talk to process `p`, mostly nearby. */
    const partnerFor = (p) => {
        if (chance(0.65)) {
            const near = neighbours(p).filter((e) => e !== p);
            if (near.length) return pick(near);
        }
        return pick(all);
    };

    // --- flows ---------------------------------------------------------------------------------
    const flows = [];
    const pairs = new Set();
    const inFlow = new Set();
    const pairKey = (a, b) => (a.name < b.name ? `${a.name}|${b.name}` : `${b.name}|${a.name}`);
    const addFlow = (a, b) => {
        if (a === b || (a.kind !== 'process' && b.kind !== 'process')) return false;
        const key = pairKey(a, b);
        if (pairs.has(key)) return false;
        pairs.add(key);
        // Orient the flow the way real systems talk: callers towards processes, processes to stores.
        let source = a, target = b;
        if (b.kind === 'actor' || b.kind === 'external') [source, target] = [b, a];
        else if (a.kind === 'datastore') [source, target] = [b, a];
        if (target.kind === 'datastore' && chance(0.3)) [source, target] = [target, source]; // reads
        const direction = chance(0.25) ? '<->' : '->';
        flows.push({ source, target, direction });
        inFlow.add(a); inFlow.add(b);
        return true;
    };
    const connect = (el, choose) => {
        for (let attempt = 0; attempt < 20; attempt++) if (addFlow(el, choose(el))) return true;
        for (const p of processes) if (addFlow(el, p)) return true; // deterministic fallback
        return false;
    };
    for (const el of all) if (el.kind !== 'process') connect(el, processFor);
    for (const p of processes) if (!inFlow.has(p)) connect(p, partnerFor);
    for (let guard = 0; flows.length < nFlows && guard < nFlows * 20; guard++) {
        const p = pick(processes);
        addFlow(p, partnerFor(p));
    }
    for (const el of all) if (!inFlow.has(el)) throw new Error(`internal: ${el.name} is in no flow`);

    // Flow names and properties.
    flows.forEach((f, i) => {
        f.name = `F${i + 1}`;
        f.named = !chance(0.1); // unnamed flows are named `Source->Target`; pairs are unique
        const kinds = [f.source.kind, f.target.kind];
        const store = kinds.includes('datastore') ? (f.source.kind === 'datastore' ? f.source : f.target) : null;
        if (kinds.includes('actor')) f.protocol = weighted({ https: 8, http: 1, websocket: 1 });
        else if (kinds.includes('external')) f.protocol = pick(['https', 'https', 'sftp', 'smtp', 'iso8583', 'amqps']);
        else if (store) f.protocol = pick(['sql', 'jdbc', 's3', 'kafka', 'sql', 'https']);
        else f.protocol = pick(['grpc', 'grpcs', 'https', 'http', 'amqp', 'kafka']);
        f.encrypted = f.protocol !== 'https' && chance(0.55);
        if (chance(0.3)) f.authenticates = pick(AUTH_FLOW);
        f.rateLimited = chance(0.08);
        f.signed = chance(0.05);
        f.technology = chance(0.1) ? pick(FLOW_TECH) : null;
        if (store && store.stores.length && chance(0.8)) f.carries = sample(store.stores, 1 + int(2));
        else f.carries = chance(0.3) ? sample(data, 1 + int(2)) : [];
        f.label = `${pick(VERBS)} ${pick(OBJECTS)}`;
        const sb = f.source.boundary, tb = f.target.boundary;
        // Crosses under any reading of "boundary chain": neither end's boundary contains the other's.
        f.surelyCrosses = sb !== tb && !(sb && tb && (ancestorsOf(sb).includes(tb) || ancestorsOf(tb).includes(sb)));
    });

    // --- mitigations, events, threats ----------------------------------------------------------
    const mitigations = [];
    for (let i = 1; i <= nMitigations; i++) {
        mitigations.push({ name: `M${i}`, label: `${MITIGATION_TEXT[(i - 1) % MITIGATION_TEXT.length]} (${i})`,
            status: weighted({ done: 40, 'in-progress': 20, planned: 20, proposed: 15, 'wont-do': 5 }),
            ticket: `BENCH-${100 + i}`, owner: chance(0.4) ? pick(TEAMS) : null, covers: i === 1,
            cwe: chance(0.3) ? pick(CWES) : null });
    }
    const events = [];
    for (let i = 1; i <= nEvents; i++) {
        events.push({ name: `E${i}`, label: `Suspicious ${pick(OBJECTS)} activity ${i}`,
            source: pick(['infrastructure', 'application', 'waf', 'database']), alert: `more than ${5 + int(50)} per minute` });
    }
    const threats = [];
    const unmitigated = [...mitigations]; // every mitigation is used by at least one threat
    const namedFlows = flows.filter((f) => f.named);
    for (let i = 1; i <= nThreats; i++) {
        const onFlow = chance(0.7);
        const target = onFlow ? pick(namedFlows) : pick(chance(0.6) ? processes : stores);
        const t = { name: `T${i}`, target, stride: sample(STRIDE, chance(0.8) ? 1 : 2), impact: pick(LEVELS.slice(0, 4)),
            likelihood: pick(LEVELS.slice(1, 4)), cwe: pick(CWES), capec: chance(0.3) ? pick(CAPECS) : null,
            iso: chance(0.2) ? pick(ISO) : null, mitigatedBy: [], detectedBy: null, accepted: null, notApplicable: null };
        t.label = `${target.label} ${pick(THREAT_TEXT)}`;
        t.from = onFlow && target.surelyCrosses && !target.encrypted && target.protocol !== 'https' && chance(0.5)
            ? 'WEB-TLS-01' : null;
        const status = unmitigated.length ? 'mitigated' : weighted({ mitigated: 60, accepted: 15, na: 5, open: 20 });
        if (status === 'mitigated') {
            t.mitigatedBy.push(unmitigated.length ? unmitigated.shift() : pick(mitigations));
            if (chance(0.25)) {
                const extra = pick(mitigations);
                if (!t.mitigatedBy.includes(extra)) t.mitigatedBy.push(extra);
            }
        } else if (status === 'accepted') {
            t.accepted = { owner: `${pick(['Dana Lee', 'Sam Ortiz', 'Kim Park', 'Alex Moreau'])} (Product Owner)`,
                until: `${2031 + int(3)}-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}`,
                because: `Compensating control in place until ${pick(['Q1', 'Q2', 'Q3', 'Q4'])}` };
        } else if (status === 'na') {
            t.notApplicable = 'Only reachable from the isolated management network';
        }
        if (chance(0.2)) t.detectedBy = pick(events);
        threats.push(t);
    }

    // --- requirements and stories --------------------------------------------------------------
    const requirements = [];
    for (let i = 1; i <= nRequirements; i++) {
        requirements.push({ name: `R${i}`, label: `${pick(['Detect', 'Prevent', 'Record', 'Limit'])} ${pick(OBJECTS)} abuse ${i}`,
            iso: pick(ISO), realizedBy: sample(mitigations, 1 + int(3)) });
    }
    const stories = [];
    for (let i = 1; i <= nStories; i++) {
        const actor = pick(ACTORS).toLowerCase();
        stories.push({ name: `U${i}`, label: `As ${/^[aeiou]/.test(actor) ? 'an' : 'a'} ${actor} I want to ${pick(VERBS).toLowerCase()} my ${pick(OBJECTS)} (${i})`,
            withouts: sample(WITHOUTS, 1 + int(2)), ticket: `BENCH-S${i}`, sprint: `2026-${String(1 + int(52)).padStart(2, '0')}`,
            touches: sample(processes, 1 + int(3)), threats: sample(threats, 1 + int(2)) });
    }

    // --- printing ------------------------------------------------------------------------------
    const q = (s) => `"${s}"`;
    const list = (items) => `[${items.map((x) => x.name ?? x).join(', ')}]`;

    const elementEntries = (el) => {
        const e = [];
        const common = () => {
            if (chance(0.1)) e.push(`owner ${q(pick(TEAMS))}`);
            if (chance(0.05)) e.push(`tags ${list(sample(TAGS, 1 + int(2)))}`);
        };
        switch (el.kind) {
            case 'actor':
                if (chance(0.3)) e.push('trusted');
                if (chance(0.15)) e.push('privileged');
                common();
                break;
            case 'external':
                if (chance(0.6)) e.push(`authenticates ${pick(AUTH_ELEMENT)}`);
                if (chance(0.3)) e.push(`logs ${pick(LOGS)}`);
                if (chance(0.3)) e.push('exposed');
                if (chance(0.3)) e.push('trusted');
                if (chance(0.5)) e.push(`technology ${q(pick(EXTERNAL_TECH))}`);
                if (chance(0.4)) e.push('hosting saas');
                if (chance(0.2)) e.push(`criticality ${pick(CRITICALITY)}`);
                common();
                break;
            case 'process':
                if (el.exposed) e.push('exposed');
                if (chance(0.6)) e.push(`authenticates ${pick(AUTH_ELEMENT)}`);
                if (chance(0.3)) e.push(`authorizes ${pick(AUTHZ)}`);
                if (chance(0.5)) e.push(`logs ${pick(LOGS)}`);
                if (chance(0.4)) e.push('validates-input');
                if (chance(0.15)) e.push('sanitizes-output');
                if (chance(0.1)) e.push('rate-limited');
                if (chance(0.05)) e.push('privileged');
                if (chance(0.05)) e.push('runs-as-root');
                if (chance(0.2)) e.push('hardened');
                if (chance(0.3)) e.push('sandboxed');
                if (chance(0.6)) e.push(`technology ${q(pick(PROCESS_TECH))}`);
                if (chance(0.3)) e.push(`hosting ${pick(HOSTING)}`);
                if (chance(0.3)) e.push(`criticality ${pick(CRITICALITY)}`);
                if (chance(0.3)) e.push(`code ${q(`src/${el.name.toLowerCase()}/**`)}`);
                if (chance(0.08)) e.push(`answer spoofing ${q('Callers present a token issued by the identity provider')}`);
                if (chance(0.04)) e.push(`answer denial-of-service not-applicable ${q('Served behind the CDN and its WAF')}`);
                common();
                break;
            case 'datastore':
                if (chance(0.6)) e.push('encrypted');
                if (chance(0.3)) e.push(`authenticates ${pick(AUTH_ELEMENT)}`);
                if (chance(0.2)) e.push(`authorizes ${pick(AUTHZ)}`);
                if (chance(0.3)) e.push(`logs ${pick(LOGS)}`);
                if (chance(0.5)) e.push('backup');
                if (chance(0.1)) e.push('immutable');
                if (chance(0.2)) e.push('hardened');
                if (chance(0.7)) e.push(`technology ${q(pick(STORE_TECH))}`);
                if (chance(0.3)) e.push(`hosting ${pick(HOSTING)}`);
                if (chance(0.3)) e.push(`classification ${pick(CLASSIFICATION)}`);
                if (chance(0.15)) e.push(`retention ${q(pick(RETENTION))}`);
                if (el.stores.length) e.push(`stores ${list(el.stores)}`);
                if (chance(0.05)) e.push(`answer tampering ${q('Only the owning service holds write credentials')}`);
                common();
                break;
        }
        return e;
    };
    const printElement = (el, indent) => {
        const head = `${el.kind} ${el.name} ${q(el.label)}`;
        const entries = elementEntries(el);
        if (!entries.length) line(indent, head);
        else if (entries.length <= 3) line(indent, `${head} { ${entries.join('  ')} }`);
        else {
            line(indent, `${head} {`);
            for (const e of entries) line(indent + 1, e);
            line(indent, '}');
        }
    };
    const printBoundary = (b, indent) => {
        line(indent, `boundary ${b.name} ${q(b.label)} {`);
        const terms = [];
        if (chance(0.7)) terms.push(`trust ${pick(TRUST)}`);
        if (chance(0.6)) terms.push(`network ${pick(NETWORK)}`);
        if (chance(0.2)) terms.push(`owner ${q(pick(TEAMS))}`);
        if (terms.length) line(indent + 1, terms.join('  '));
        for (const el of b.members) printElement(el, indent + 1);
        for (const c of b.children) {
            out.push('');
            printBoundary(c, indent + 1);
        }
        line(indent, '}');
    };

    line(0, `// Synthetic benchmark model: ${n} elements, seed ${seed}. Generated by bench/generate-model.mjs.`);
    line(0, `model Bench "Synthetic benchmark system (${n} elements)" {`);
    line(1, 'product "Bench"');
    line(1, 'owner "Bench team"');
    line(1, 'knowledgebase "moat:stride"');
    line(1, 'depth full');
    line(1, `budget { high ${Math.round(n / 50)}  medium ${Math.round(n / 20)} }`);
    line(0, '}');
    out.push('');
    for (const d of data) {
        const terms = [`classification ${d.classification}`];
        if (d.pii) terms.push('pii');
        if (d.credentials) terms.push('credentials');
        if (chance(0.15)) terms.push('signed');
        if (chance(0.2)) terms.push(`retention ${q(pick(RETENTION))}`);
        if (chance(0.3)) terms.push(`tags ${list(sample(TAGS, 1 + int(2)))}`);
        line(0, `data ${d.name} ${q(d.label)} { ${terms.join('  ')} }`);
    }
    out.push('');
    for (const el of outside) printElement(el, 0);
    for (const b of boundaries) {
        if (b.parent) continue;
        out.push('');
        printBoundary(b, 0);
    }
    out.push('');
    for (const f of flows) {
        const terms = [`protocol ${f.protocol}`];
        if (f.encrypted) terms.push('encrypted');
        if (f.authenticates) terms.push(`authenticates ${f.authenticates}`);
        if (f.rateLimited) terms.push('rate-limited');
        if (f.signed) terms.push('signed');
        if (f.technology) terms.push(`technology ${q(f.technology)}`);
        if (f.carries.length) terms.push(`carries ${list(f.carries)}`);
        const head = f.named ? `flow ${f.name}: ` : 'flow ';
        line(0, `${head}${f.source.name} ${f.direction} ${f.target.name} ${q(f.label)} { ${terms.join('  ')} }`);
    }
    for (const t of threats) {
        out.push('');
        line(0, `threat ${t.name} ${q(t.label)} {`);
        line(1, `on ${t.target.name}`);
        if (t.from) line(1, `from ${t.from}`);
        line(1, `stride ${t.stride.join(', ')}`);
        line(1, `impact ${t.impact}  likelihood ${t.likelihood}`);
        line(1, [`cwe ${t.cwe}`, t.capec && `capec ${t.capec}`, t.iso && `iso ${t.iso}`].filter(Boolean).join('  '));
        if (t.mitigatedBy.length) line(1, `mitigated-by ${t.mitigatedBy.map((m) => m.name).join(', ')}`);
        if (t.detectedBy) line(1, `detected-by ${t.detectedBy.name}`);
        if (t.accepted) line(1, `accepted-by ${q(t.accepted.owner)} until ${t.accepted.until} because ${q(t.accepted.because)}`);
        if (t.notApplicable) line(1, `not-applicable ${q(t.notApplicable)}`);
        line(0, '}');
    }
    for (const m of mitigations) {
        out.push('');
        line(0, `mitigation ${m.name} ${q(m.label)} {`);
        line(1, `status ${m.status}`);
        line(1, `ticket ${q(m.ticket)}`);
        if (m.covers) line(1, 'covers WEB-TLS-01');
        if (m.owner) line(1, `owner ${q(m.owner)}`);
        if (m.cwe) line(1, `cwe ${m.cwe}`);
        line(0, '}');
    }
    for (const e of events) {
        out.push('');
        line(0, `event ${e.name} ${q(e.label)} {`);
        line(1, `source ${e.source}`);
        line(1, `alert ${q(e.alert)}`);
        line(0, '}');
    }
    for (const r of requirements) {
        out.push('');
        line(0, `requirement ${r.name} ${q(r.label)} {`);
        line(1, `iso ${r.iso}`);
        line(1, `realized-by ${list(r.realizedBy)}`);
        line(0, '}');
    }
    for (const s of stories) {
        out.push('');
        line(0, `story ${s.name} ${q(s.label)}`);
        s.withouts.forEach((w, k) => line(1, `without ${q(w)}${k === s.withouts.length - 1 ? ' {' : ''}`));
        line(1, `ticket ${q(s.ticket)}`);
        line(1, `sprint ${q(s.sprint)}`);
        line(1, `touches ${list(s.touches)}`);
        line(1, `threats ${list(s.threats)}`);
        line(0, '}');
    }
    out.push('');
    return out.join('\n');
}

/**
 * The offset of a spot inside a label string near the middle of `text` where inserting one
 * ordinary character (a letter) keeps the file valid: just after the opening quote of the first
 * declaration label (flow, process, datastore, …) at or after the middle line.
 * @param {string} text
 * @returns {number}
 */
export function editOffset(text) {
    const declaration = /^[ \t]*(?:flow|process|datastore|actor|external|boundary|threat|mitigation)\b[^"\n]*"/gm;
    declaration.lastIndex = text.lastIndexOf('\n', Math.floor(text.length / 2)) + 1;
    let m = declaration.exec(text);
    if (!m) {
        declaration.lastIndex = 0;
        m = declaration.exec(text);
    }
    if (!m) throw new Error('editOffset: no labelled declaration found');
    return m.index + m[0].length + 1; // after the label's first character
}
