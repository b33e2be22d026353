// How SWC compiles this repository's TypeScript for tests, in Jest (jest.config.js) and in a test's
// child process (ts-hooks.mjs): Nest's decorators with their metadata, class fields as TypeScript
// emits them, native ESM (docs/adr/0001-toolchain.md).
export const swcTypeScript = {
  swcrc: false,
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};
