// Lint: typescript-eslint's recommended rules, plus the architecture's one hard boundary: the core is pure.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The WPS object model's globals (window.Application, wps): only the WPS adapter (src/wps) touches WPS.
const WPS_GLOBALS = [
  { name: 'Application', message: 'The WPS object model belongs in src/wps.' },
  { name: 'wps', message: 'The WPS object model belongs in src/wps.' },
];

const CORE_FORBIDDEN = [
  { group: ['exceljs', 'exceljs/*', 'xlsx', 'xlsx/*'], message: 'The core is pure: workbook libraries belong in src/xlsx (an adapter).' },
  { group: ['react', 'react/*', 'react-dom', 'react-dom/*', '@fluentui/*'], message: 'The core is pure: UI belongs in src/taskpane.' },
  { group: ['@microsoft/office-js', 'office-js', 'office-addin-*'], message: 'The core is pure: Office.js belongs in src/office (an adapter).' },
  { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'crypto', 'zlib', 'stream', 'url', 'worker_threads'], message: 'The core performs no I/O: Node built-ins belong in adapters or the CLI.' },
  { group: ['../xlsx/*', '../office/*', '../cli/*', '../taskpane/*', '../../xlsx/*', '../../office/*', '../../cli/*', '../../taskpane/*'], message: 'The core never imports an adapter; adapters import the core.' },
];

export default tseslint.config(
  { ignores: ['.scratch/**', 'dist/**', 'lib/**', 'out/**', 'coverage/**', 'node_modules/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: CORE_FORBIDDEN }],
      // Office.js globals must not be reached for either.
      'no-restricted-globals': ['error', { name: 'Excel', message: 'Office.js belongs in src/office.' }, { name: 'Office', message: 'Office.js belongs in src/office.' }, { name: 'process', message: 'The core performs no I/O.' }, ...WPS_GLOBALS],
    },
  },
  {
    // Only the Office.js adapter (src/office) touches Excel; the pane and commands go through it, and what both hosts share (src/common) is neither's.
    files: ['src/taskpane/**/*.{ts,tsx}', 'src/commands/**/*.ts', 'src/common/**/*.ts', 'src/xlsx/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'Excel', message: 'Office.js belongs in src/office.' }, { name: 'Office', message: 'Office.js belongs in src/office.' }, ...WPS_GLOBALS],
    },
  },
  {
    // Only the WPS adapter touches WPS's globals; the Office.js adapter never does.
    files: ['src/office/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...WPS_GLOBALS] },
  },
  {
    // And the WPS adapter never touches Office.js.
    files: ['src/wps/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', { name: 'Excel', message: 'Office.js belongs in src/office.' }, { name: 'Office', message: 'Office.js belongs in src/office.' }] },
  },
  {
    // One terminal writer (src/cli/run-command.ts): a command prints only through it, so every piece of text from a
    // workbook, rulebook or file name is escaped on its way out. Its lines may be tagged templates (term.say`…`).
    files: ['src/cli/commands/**/*.ts', 'src/cli/run-command.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': ['error', { allowTaggedTemplates: true }] },
  },
  {
    files: ['src/cli/commands/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='console']", message: 'Print through the terminal writer (terminal(ctx) in src/cli/run-command.ts).' },
        { selector: "MemberExpression[object.name='process'][property.name=/^(stdout|stderr)$/]", message: 'Print through the terminal writer (terminal(ctx) in src/cli/run-command.ts).' },
        { selector: "MemberExpression[object.name='io'][property.name=/^(out|err)$/]", message: 'Print through the terminal writer (terminal(ctx) in src/cli/run-command.ts), which escapes every piece.' },
        { selector: "MemberExpression[object.property.name='io'][property.name=/^(out|err)$/]", message: 'Print through the terminal writer (terminal(ctx) in src/cli/run-command.ts), which escapes every piece.' },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests edit raw rulebook JSON on purpose, including into invalid shapes.
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']", message: 'No focused tests: .only silences the rest of the suite.' },
      ],
    },
  },
);
