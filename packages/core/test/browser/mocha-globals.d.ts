// @web/test-runner runs browser tests with mocha's globals.
declare function describe(name: string, body: () => void): void;
/** `this.skip()` marks the test skipped, as the report shows. */
declare function it(name: string, body: (this: { skip(): never }) => unknown): void;
