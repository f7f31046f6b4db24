// Jest runs the TypeScript tests directly through ts-jest; the bundle tests load dist/Code.js.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The browser tests need Chromium: they run under npm run test:browser (jest.browser.config.cjs), not here.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.node.json' }] },
  globalSetup: '<rootDir>/test/globalSetup.cjs',
  testTimeout: 60000,
};
