// The browser tests (test/browser): the Update progress sidebar driven in Debian's Chromium (npm run test:browser).
// Same setup as jest.config.cjs (ts-jest, dist/Code.js built first, far-away TZ), over test/browser only.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.node.json' }] },
  globalSetup: '<rootDir>/test/globalSetup.cjs',
  testTimeout: 60000,
};
