/** Jest runs the TypeScript sources directly through ts-jest in ESM mode. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json' }],
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  // Fixture contexts and e2e apps hold package.json files of their own: not modules of this project.
  modulePathIgnorePatterns: [
    '<rootDir>/__fixtures__/',
    '<rootDir>/test/e2e/apps/',
    '<rootDir>/dist/',
  ],
};
