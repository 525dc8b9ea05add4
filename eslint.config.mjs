import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

// project tags (project.json): scope = bounded context or shared, type = layer of the dependency graph
const depConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  ...['voter-roll', 'turnout', 'excuses', 'sanctions', 'lottery', 'incentives'].map((service) => ({
    sourceTag: `scope:${service}`,
    onlyDependOnLibsWithTags: [`scope:${service}`, 'scope:shared'],
  })),
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:domain', 'type:data', 'type:contracts', 'type:util'],
  },
  {
    sourceTag: 'type:data',
    onlyDependOnLibsWithTags: ['type:domain', 'type:data', 'type:contracts', 'type:util'],
  },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:util'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
  { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['*'] },
  // the outermost ring: deploy/ (the local stack, the ./vl CLI) uses libs and services; nothing inside uses deploy/
  ...['type:app', 'type:data', 'type:domain', 'type:contracts', 'type:util'].map((sourceTag) => ({
    sourceTag,
    notDependOnLibsWithTags: ['type:deploy'],
  })),
  {
    sourceTag: 'type:deploy',
    onlyDependOnLibsWithTags: [
      'type:deploy',
      'type:app',
      'type:domain',
      'type:data',
      'type:contracts',
      'type:util',
    ],
  },
];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', 'tmp/**', 'coverage/**', '.nx/**'] },
  ...nx.configs['flat/base'],
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // a service's rules stay pure: its domain folder imports no framework, database, broker or outer layer
    files: ['services/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '../application/*',
                '../infrastructure/*',
                '../api/*',
                '**/infrastructure/**',
                '**/api/**',
              ],
              message: 'domain code is pure: no outer layer',
            },
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'kafkajs',
                'pg',
                'express',
                '@vl/event-store',
                '@vl/messaging',
                '@vl/ledger',
                '@vl/service-kit',
                '@vl/policy/module',
              ],
              message: 'domain code is pure: no framework, database or broker',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
];
