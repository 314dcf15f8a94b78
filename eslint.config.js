// Lint rules in the spirit of Payload's own repository: sorted keys and imports (perfectionist),
// type-only imports kept apart, braces on every block.
import js from '@eslint/js'
import perfectionist from 'eslint-plugin-perfectionist'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      '.next-test/**',
      '.cache/**',
      'coverage/**',
      'data/**',
      'media/**',
      'node_modules/**',
      'migrations/**',
      'src/payload-types.ts',
      'src/app/(payload)/admin/importMap.js',
      'next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { perfectionist },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      curly: ['error', 'all'],
      'no-console': ['error', { allow: ['error', 'warn'] }],
      'perfectionist/sort-imports': ['error', { type: 'natural' }],
      'perfectionist/sort-named-imports': ['error', { type: 'natural' }],
      // As in Payload's own code: identity keys (id, name, slug, type) first, the rest sorted.
      'perfectionist/sort-objects': [
        'error',
        {
          type: 'natural',
          customGroups: { top: ['^_id$', '^id$', '^name$', '^slug$', '^type$'] },
          groups: ['top', 'unknown'],
          partitionByNewLine: true,
        },
      ],
    },
  },
  {
    files: ['scripts/**', 'test/**', 'bench/**', 'examples/**'],
    rules: { 'no-console': 'off' },
  },
)
