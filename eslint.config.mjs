// ESLint: typescript-eslint's recommended rules, with the type-aware promise rules (a
// forgotten await is the commonest way an end-to-end test asserts nothing), and
// eslint-plugin-playwright's on the specs. Formatting is Prettier's (.prettierrc.json).
import js from '@eslint/js';
import playwright from 'eslint-plugin-playwright';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'app/web/dist/', 'playwright-report/', 'playwright-report-*/', 'test-results/', 'blob-report/', '.e2e/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // `_` marks what a destructuring leaves out on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { process: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['fixtures/**/*.ts'],
    rules: {
      // A Playwright fixture that depends on no other fixture still destructures its first argument: `async ({}, use)`.
      'no-empty-pattern': 'off',
      // One way into the harness: what a worker may load is decided in one module.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+harness/(?!worker\\.ts$)',
              message: 'Fixtures reach the harness through harness/worker.ts: export what you need there.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.spec.ts'],
    ...playwright.configs['flat/recommended'],
    rules: {
      ...playwright.configs['flat/recommended'].rules,
      // Off: the authorization matrix and the fuzzers collect every mismatch before one
      // unconditional assertion (a better failure than the first mismatch alone), and
      // bounded loops run the page's clock until the page answers, as a waiting user would.
      'playwright/no-conditional-in-test': 'off',
      // Specs speak in verbs: routes come from the shared table, tokens from publicApi.as(),
      // undos from the fixture that made the fault, log reads from apiLog, step values from the step.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[raw=/api.{0,2}v1/], TemplateElement[value.raw=/api.{0,2}v1/]',
          message: 'Name api paths with routes and pathTo (fixtures/index.ts), never as /api/v1 text.',
        },
        {
          selector: 'Literal[raw=/Bearer /], TemplateElement[value.raw=/Bearer /]',
          message: 'Call as a user with publicApi.as(user or tokens): the fixture builds the header.',
        },
        {
          selector: 'TryStatement',
          message:
            "A fault's undo belongs to its fixture (faults, services): end it in a step, and the fixture undoes what a failure left.",
        },
        {
          selector: "CallExpression[callee.object.name='stack'][callee.property.name='logs']",
          message: "Read the api's log through apiLog (has, linesWith, sinceTestBegan).",
        },
        {
          selector: "VariableDeclaration[kind='let'] > VariableDeclarator[init.value='']",
          message: 'A test.step returns its value: const id = await test.step(…, async () => …).',
        },
      ],
      // Specs speak the fixtures' vocabulary: everything they use comes through the front door.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!(\\.\\./)+fixtures/index\\.ts$)',
              message: "Specs import only the fixtures' front door, fixtures/index.ts: add what you need there.",
            },
          ],
        },
      ],
    },
  },
);
