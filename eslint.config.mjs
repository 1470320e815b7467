// ESLint over the TypeScript of every workspace (src and test). Type-aware rules read the types
// through tsconfig.tests.json, the one project that holds every src and test folder
// (typescript-eslint's projectService would pick each workspace's tsconfig.json, which leaves the tests out).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['**/node_modules/', '**/dist/', '**/coverage/', 'services/*/src/migrations/', 'data/'],
  },
  {
    files: ['{infra,gateway,scripts}/{src,test}/**/*.ts', 'services/*/{src,test}/**/*.ts', 'gateway/web/src/**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: {
        // The dashboard's browser code (gateway/web) has its own project: DOM types, no Node.
        project: ['./tsconfig.tests.json', './gateway/web/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Must-haves.
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // `x != null` is the one idiom for "neither null nor undefined".
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // A variable a closure reads before its one assignment (a server handler naming its own server) stays `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Type-only imports where safe: with experimentalDecorators and emitDecoratorMetadata on, the
      // rule skips every file that has a decorator, so type-graphql and TypeORM keep their runtime imports.
      '@typescript-eslint/consistent-type-imports': 'error',
      // Numbers and booleans read fine in messages; objects, undefined and null do not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `||` on strings is meant: an empty text counts as absent.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true, boolean: true } }],
      // Empty methods are deliberate no-ops of an interface (TypeORM Logger, EventBus.ping).
      '@typescript-eslint/no-empty-function': ['error', { allow: ['methods', 'asyncMethods'] }],

      // Turned off, each with its reason:
      // `!` marks look-ups the code has just checked; with the compiler's strict mode it is the code's idiom.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Resolvers return plain objects for type-graphql @ObjectType classes; the framework never needs instances.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // Entity columns and raw rows hold enum values as strings; loaders assert them to the GraphQL enum.
      '@typescript-eslint/no-unsafe-enum-assignment': 'off',
      // graphql-js's Kind enum is compared with its string values, as its own docs do.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      // Inputs (type-graphql class instances) are spread into plain rows on purpose; strings are spread by code point.
      '@typescript-eslint/no-misused-spread': 'off',
      // Arguments and fields typed non-null by GraphQL are still checked at run time (`?? ''`, `graph?.stop()` in afterAll).
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // An async function without await implements a Promise-returning interface and turns a throw into a rejection.
      '@typescript-eslint/require-await': 'off',
      // `() => void_call()` shorthands are idiomatic here and never used as values.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // `!x || x.y !== null` says the absent case out loud; `x?.y !== null` hides it.
      '@typescript-eslint/prefer-optional-chain': 'off',
      // Both `type` and `interface` describe object shapes here; the choice carries no meaning.
      '@typescript-eslint/consistent-type-definitions': 'off',
    },
  },
  {
    // Tests read GraphQL answers as untyped JSON and assert on their values; typing each answer adds nothing.
    // The synthetic generator is a GraphQL client like the tests (its `call` answers `any`, see there).
    files: ['**/test/**/*.ts', 'scripts/src/synthetic.generator.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
  prettier,
);
