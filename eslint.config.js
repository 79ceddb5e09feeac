// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
// Turns off the stylistic rules that Prettier owns (`npm run lint` runs `prettier --check`), so the two never disagree.
import prettier from 'eslint-config-prettier/flat';

export default tseslint.config(
  {
    ignores: [
      'lib/',
      'lib-app/',
      'dist/',
      'sweep/dist/',
      'dist-*/',
      '.build/',
      '.build-*/',
      'node_modules/',
      'coverage/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        AbortController: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // CommonJS config files (.dependency-cruiser.cjs).
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  prettier,
);
