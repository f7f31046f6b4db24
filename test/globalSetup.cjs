// Builds dist/Code.js once before the tests, so bundle tests always run against the current source.
module.exports = async function globalSetup() {
  // The machine's zone must never matter (Apps Script runs in the script's zone, dates are the spreadsheet's):
  // the tests run far from London so that any slip into local time fails them.
  process.env.TZ = 'Pacific/Auckland';
  const { build } = await import('../esbuild.config.mjs');
  await build();
};
