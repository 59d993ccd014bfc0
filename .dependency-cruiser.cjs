/**
 * The house rules for imports, checked by `npm run check` (depcruise): imports run one way, down the floors named
 * below, and no files import each other in a circle. README ("Architecture") draws the same floors.
 *
 * A floor may import its own folder and any floor below it, never one above. Tests (*.test.ts, test kits) may reach
 * up for fixtures, so they are not held to the floors; they are still in the circle check.
 */

/** Server floors, lowest first: each entry is one floor (its folders and files, as path patterns). */
const SERVER_FLOORS = [
  ['^shared/src/', '^server/src/data/', '^server/src/metrics\\.ts$'],
  ['^server/src/backend/'],
  ['^server/src/train/'],
  ['^server/src/probe/'],
  ['^server/src/lessons/'],
  ['^server/src/demo/'],
  ['^server/src/engine/'],
  ['^server/src/room/', '^server/src/http/'],
  ['^server/src/app\\.ts$'],
  ['^server/src/main\\.ts$', '^server/src/bench/'],
  ['^server/src/cli\\.ts$'],
];

/** Client floors, lowest first (shared is below them all). */
const CLIENT_FLOORS = [
  ['^client/src/format\\.ts$', '^client/src/route\\.ts$'],
  ['^client/src/net/'],
  ['^client/src/charts/'],
  ['^client/src/scene/', '^client/src/controls/'],
  ['^client/src/demo/'],
  ['^client/src/shell/'],
  ['^client/src/App\\.svelte$', '^client/src/main\\.ts$'],
];

const TESTS = ['\\.test\\.ts$', '^test/', 'TestKit\\.ts$', '/testKit\\.ts$', '^server/src/backend/wasm/(bench|convCases|courseModels)\\.ts$'];
const either = (patterns) => patterns.join('|');

/** For each floor, a rule that forbids importing any floor above it. */
function floorRules(floors, side) {
  return floors.slice(0, -1).map((floor, i) => ({
    name: `${side}-floor-${i}-imports-up`,
    comment: `${floor.join(', ')} may not import a higher floor (${floors
      .slice(i + 1)
      .flat()
      .join(', ')}): imports run one way (.dependency-cruiser.cjs).`,
    severity: 'error',
    from: { path: either(floor), pathNot: either(TESTS) },
    to: { path: either(floors.slice(i + 1).flat()) },
  }));
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Two or more files import each other (types included): one of them belongs lower, or in a third file.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...floorRules(SERVER_FLOORS, 'server'),
    ...floorRules(CLIENT_FLOORS, 'client'),
    {
      name: 'shared-stays-shared',
      comment: 'shared/ is the wire contract of server and client: it imports neither.',
      severity: 'error',
      from: { path: '^shared/src/' },
      to: { path: '^(server|client)/' },
    },
    {
      name: 'client-not-server',
      comment: 'The client talks to the server over the wire only (shared/ holds the contract).',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'socket-thread-no-tfjs',
      comment:
        'The socket thread (the app and what it imports) never loads tfjs: training runs in worker threads. Read lessons through lessons/catalogue.ts, not registry.ts.',
      severity: 'error',
      from: { path: '^server/src/(app|main)\\.ts$' },
      to: { path: '@tensorflow/', reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^client/dist/|^server/scratch/' },
    // Type-only imports count: a circle of types is still two files that need each other.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    // Svelte components: their <script> imports count like a .ts file's.
    extraExtensionsToScan: ['.svelte'],
  },
};
