// Types for gas-local, which ships none: it loads a folder of Apps Script files into one vm context.
declare module 'gas-local' {
  /** Loads every .js file under `folderPath` into a new vm context whose globals are `globalObject`. */
  export function require(
    folderPath: string,
    globalObject?: object,
    options?: { filter?: (path: string) => boolean },
  ): Record<string, unknown>;
  export const globalMockDefault: object;
}
