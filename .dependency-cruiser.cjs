// @ts-check
/**
 * Which file may import which: the layers of the house, checked by `npm run lint` (dependency-cruiser).
 *
 * `src/` is the engine and imports no adapter; `action/` (the GitHub Action), `app/` (the GitHub App) and
 * `sweep/` (the App's sweep run as an Action) are adapters over it. Inside `src/`, the folders form one
 * order (SRC_LAYERS below): a folder may import the shared files at the root of `src/` and the folders
 * before it, never one after it. Tests (`test/`) may import anything. test/lint/layers.test.ts plants each
 * crossing in a fixture tree and checks that the rule named for it reports it.
 */

/**
 * The folders of `src/`, lowest first. Each may import only the folders before it (and the shared files
 * at the root of `src/`: types.ts, version.ts, …). The CLI (`src/cli.ts` and `src/cli/`) is the top.
 * - providers: one record per provider (its names, aliases, rotation steps); it knows no detector, and the
 *   shared files at the root of `src/` may import it.
 * - detectors: detectors are data about one provider's keys.
 * - policy: the config and its schema, which names the built-in detectors.
 * - inventory: judges the keys a policy lists.
 * - sources: turn a tree, a git range or a patch into fragments of text.
 * - scan: runs the detectors over the fragments a source gives.
 * - report: scan reports (text, JSON, SARIF, Markdown summary) of what a scan found.
 * - audit: reads the providers' admin APIs (OpenAI, Anthropic) and judges their keys.
 * - onboarding: the first pull request's policy, workflow and body, from a scan and an inventory.
 * - tracking: plans for key issues, incidents and the dashboard, and their text.
 * - cli: the key-hygiene command.
 */
const SRC_LAYERS = [
  'providers',
  'detectors',
  'policy',
  'inventory',
  'sources',
  'scan',
  'report',
  'audit',
  'onboarding',
  'tracking',
  'cli',
];

/** Crossings that have a rule of their own (below), so the layer rule doesn't report them twice. */
const NAMED = { detectors: ['scan'], report: ['tracking', 'onboarding'] };

/**
 * The only imports against the order that are allowed, each of one file: loops between folders that were
 * there when the order was written down. A new import against the order is not allowed, even from a
 * folder listed here.
 */
const EXCEPTIONS = {
  // The type of a detector's pattern is the config's regex type, whose schema lists the detectors.
  detectors: ['^src/policy/config-regex\\.ts$'],
  // The read window a source must give around each piece is the scanner's own constant.
  sources: ['^src/scan/scan-context\\.ts$'],
  // `show-config` masks the keys in the config it prints with the same masking as the issues.
  policy: ['^src/scan/mask-keys\\.ts$'],
};

/**
 * One rule per folder of an ordered family (`base` + each of `layers`, lowest first): no import of a folder
 * after it, nor of what `above` names. `named` lists crossings that have a rule of their own, `exceptions` the
 * one-file imports against the order that are allowed.
 */
const orderRules = (family, base, layers, { named = {}, exceptions = {}, above = [] } = {}) =>
  layers.slice(0, -1).map((layer, i) => {
    const after = layers.slice(i + 1).filter((other) => !(named[layer] ?? []).includes(other));
    return {
      name: `${family}-layer-${layer}`,
      comment:
        `${base}${layer}/ may import only ${i === 0 ? 'the shared files beside it' : `${base}{${layers.slice(0, i).join(',')}}/ and the shared files beside them`}: ` +
        `the folders form one order (.dependency-cruiser.cjs) so that no two of them loop into each other.`,
      severity: 'error',
      from: { path: `^${base}${layer}/` },
      to: {
        path: [`^${base}(${after.join('|')})/`, ...above],
        ...(exceptions[layer] && { pathNot: exceptions[layer] }),
      },
    };
  });

/**
 * The App's folders, lowest first, with the same rule as SRC_LAYERS: a folder imports only those before it.
 * - metrics: Prometheus metrics and health; octokit: the client stack (caches, pacers, budget, auth);
 * - github: single questions asked of GitHub; repo: per-repository services every handler and sweep uses;
 * - incidents, onboarding: leaked keys and the first pull request; sweep: the sweep itself;
 * - queue: sweeps as jobs; commands: what people ask in issues; schedule: when sweeps run; cli: the commands.
 * `app/index.ts` is the composition root on top; `app/deps.ts` and `app/settings.ts` are the shared types.
 */
const APP_LAYERS = [
  'metrics',
  'octokit',
  'github',
  'repo',
  'incidents',
  'onboarding',
  'sweep',
  'queue',
  'commands',
  'schedule',
  'cli',
];

/**
 * The groups of `src/tracking/`, lowest first. The files at its root (the markers, labels and the tracked-key
 * vocabulary every kind of issue shares) import no group.
 */
const TRACKING_LAYERS = ['key-issues', 'provider-issues', 'incidents', 'dashboard', 'commands'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'src-not-adapters',
      comment:
        'src/ is the engine that the CLI, the Action and the App share: it never imports an adapter (app/, action/, sweep/), ' +
        'or the CLI would carry Probot and the Action would carry the App.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(app|action|sweep)/' },
    },
    {
      name: 'action-not-app',
      comment:
        'The Action and the App are two adapters over src/: what both need belongs in src/, or the Action bundle carries the App.',
      severity: 'error',
      from: { path: '^action/' },
      to: { path: '^app/' },
    },
    {
      name: 'app-not-action',
      comment: 'The App and the Action are two adapters over src/: what both need belongs in src/, not in one of them.',
      severity: 'error',
      from: { path: '^app/' },
      to: { path: '^action/' },
    },
    {
      name: 'detectors-not-scan',
      comment:
        'A detector is data (an id, a pattern, its validators) that the scanner runs: detectors never import the scanner; ' +
        'the helpers a detector needs (placeholders, entropy) live beside the detectors.',
      severity: 'error',
      from: { path: '^src/detectors/' },
      to: { path: '^src/scan/' },
    },
    {
      name: 'report-not-tracking',
      comment:
        'src/report/ renders what a scan found, for the CLI, the Action and the App alike; the text of key issues, incidents ' +
        'and the dashboard lives beside the tracking planners that use it, so scan reports never import tracking.',
      severity: 'error',
      from: { path: '^src/report/' },
      to: { path: '^src/tracking/' },
    },
    {
      name: 'report-not-onboarding',
      comment:
        "Scan reports never import the onboarding pull request's text; what both need (key masking) lives lower, in scan.",
      severity: 'error',
      from: { path: '^src/report/' },
      to: { path: '^src/onboarding/' },
    },
    ...orderRules('src', 'src/', SRC_LAYERS, { named: NAMED, exceptions: EXCEPTIONS, above: ['^src/cli\\.ts$'] }),
    ...orderRules('app', 'app/', APP_LAYERS),
    ...orderRules('tracking', 'src/tracking/', TRACKING_LAYERS),
    {
      name: 'app-root-composition',
      comment:
        'app/index.ts wires every folder together; a folder that imported it would loop through the whole App. ' +
        'Folders share only app/deps.ts and app/settings.ts.',
      severity: 'error',
      from: { path: '^app/[^/]+/' },
      to: { path: '^app/index\\.ts$' },
    },
    {
      name: 'tracking-shared-files',
      comment:
        'The files at the root of src/tracking/ are the vocabulary every kind of issue shares (markers, labels, the ' +
        'tracked key); they import none of the groups, which all import them.',
      severity: 'error',
      from: { path: '^src/tracking/[^/]+\\.ts$' },
      to: { path: '^src/tracking/[^/]+/' },
    },
    {
      name: 'src-shared-files',
      comment:
        'The files at the root of src/ (types.ts, version.ts, …) are shared by every folder, so they import none of them ' +
        'but src/providers/, the bottom (types.ts names the providers it records); src/cli.ts, the CLI entry, is the ' +
        'exception and sits on top.',
      severity: 'error',
      from: { path: '^src/[^/]+\\.ts$', pathNot: '^src/cli\\.ts$' },
      to: { path: ['^src/[^/]+/', '^src/cli\\.ts$'], pathNot: '^src/providers/' },
    },
    {
      name: 'product-not-tests',
      comment:
        'Product code (src/, action/, app/, sweep/) never imports test code: the GitHub emulator in test/support/ ' +
        'answers like GitHub only as far as the tests need, and would ship in the bundles.',
      severity: 'error',
      from: { path: '^(src|action|app|sweep)/' },
      to: { path: '^test/' },
    },
    {
      name: 'no-circular',
      comment:
        'No import cycles, type-only ones included: a cycle means two files are one unit split in two, ' +
        'and a runtime cycle can see a binding before it is initialised.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|sweep/dist|lib|lib-app|coverage|\\.build[^/]*)/' },
    // Type-only imports count: a layer crossed only by a type is still crossed.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
