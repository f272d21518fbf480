// Lint, including the process boundaries: which folder may import what. A boundary break fails
// `npm run lint` (and so `npm test`); test/unit/lint/boundaries.test.ts proves each rule bites.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import local from './.eslint-plugin-local/index.js';

const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_'));

// One regex per boundary; they match both bare specifiers and relative paths.
const to = {
  electron: {
    regex: '^electron(/.*)?$',
    message: 'Only the Electron shell (electron/main, electron/preload) may import electron.',
  },
  electronFolder: { regex: '(^|/)electron/', message: 'This code must not reach into electron/.' },
  mainShell: { regex: '(^|/)main/', message: 'Services and operator commands must not depend on the Electron shell.' },
  ops: {
    regex: '(^|/)ops/',
    message: 'Services are below the operator commands (electron/ops) and must not import them.',
  },
  preload: { regex: '(^|/)preload/', message: 'Nothing may import the preload.' },
  services: { regex: '(^|/)services/', message: 'The preload must stay a thin bridge; services belong to main.' },
  renderer: { regex: '(^|/)renderer/', message: 'Only the renderer imports renderer code.' },
  dev: { regex: '(^|/)dev/', message: 'dev/ is never packaged; shipped code must not import it.' },
  nodeBuiltin: { regex: '^node:', message: 'Node built-ins are not available here.' },
  react: { regex: '^react(-dom)?(/.*)?$', message: 'shared/ must not depend on React.' },
  serverOnly: { regex: '^(ldapts|nodemailer|yaml)$', message: 'Server-side libraries belong to main.' },
};

const restrict = (...patterns) => [
  'error',
  {
    paths: patterns.includes(to.nodeBuiltin)
      ? NODE_BUILTINS.map((name) => ({ name, message: to.nodeBuiltin.message }))
      : [],
    patterns: patterns.map(({ regex, message }) => ({ regex, message })),
  },
];

// Runtime imports of electron are allowed only in the composition root and the preload;
// elsewhere in the shell only `import type` (types vanish at build time).
const electronTypesOnly = [
  'error',
  {
    paths: [
      {
        name: 'electron',
        allowTypeImports: true,
        message: 'Only electron/main/main.ts imports electron at runtime; take what you need as a parameter.',
      },
    ],
  },
];

const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'location',
  'HTMLElement',
].map((name) => ({
  name,
  message: 'shared/ runs on both sides; DOM-only globals belong to the renderer.',
}));

const NO_RAW_IPC_MAIN = [
  'error',
  {
    selector: "ImportSpecifier[imported.name='ipcMain']",
    message: 'ipcMain is used only by electron/main/ipc-door.ts (the one validated door).',
  },
  {
    selector: "MemberExpression[object.name='ipcMain'][property.name=/^(handle|handleOnce|on|once|addListener)$/]",
    message: 'Register handlers through the dispatcher; ipc-door.ts wires them to IPC.',
  },
];

export default tseslint.config(
  // test/fixtures holds deliberately bad code that the security gate must catch.
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': NO_RAW_IPC_MAIN,
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    plugins: { local },
    rules: {
      'local/classified-packages': ['error', 'shared'],
      'no-restricted-imports': restrict(to.electron, to.electronFolder, to.renderer, to.dev, to.nodeBuiltin, to.react),
      'no-restricted-globals': [
        'error',
        ...DOM_GLOBALS,
        { name: 'process', message: 'shared/ must not touch the Node process.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, local },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'local/classified-packages': ['error', 'renderer'],
      'no-restricted-imports': restrict(to.electron, to.electronFolder, to.dev, to.nodeBuiltin),
      'local/api-calls-in-flows': 'error',
    },
  },
  {
    // The API itself, its fakes and tests build and call it; flows/ is the rule's own exception.
    files: ['renderer/src/api/**', 'renderer/src/testing/**', 'renderer/**/*.test.{ts,tsx}'],
    rules: { 'local/api-calls-in-flows': 'off' },
  },
  {
    files: ['electron/services/**/*.ts'],
    plugins: { local },
    rules: {
      'no-restricted-imports': restrict(to.electron, to.mainShell, to.ops, to.preload, to.renderer, to.dev),
      'local/service-layers': 'error',
      'local/classified-packages': ['error', 'main'],
    },
  },
  {
    // Packaged with main, run on counter machines: the services' rules, and never the shell.
    files: ['electron/ops/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(to.electron, to.mainShell, to.preload, to.renderer, to.dev) },
  },
  {
    files: ['electron/preload/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': restrict(to.services, to.mainShell, to.renderer, to.dev, to.nodeBuiltin, to.serverOnly),
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/main.ts'],
    rules: { 'no-restricted-imports': electronTypesOnly },
  },
  {
    files: ['electron/main/main.ts'],
    rules: { 'no-restricted-imports': restrict(to.renderer, to.dev, to.preload) },
  },
  {
    files: ['electron/main/ipc-door.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Playwright reads a fixture's dependencies from its destructured first argument, so `{}` is required.
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['dev/**/*.{ts,mjs}', 'test/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs}', 'bench/**/*.ts', '*.config.{ts,js}'],
    rules: { 'no-restricted-imports': electronTypesOnly },
  },
);
