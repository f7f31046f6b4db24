// Builds dist/Code.js once before the tests, so bundle tests always run against the current source.
import { build } from '../esbuild.config.mjs';

export default async function globalSetup() {
  await build();
}
