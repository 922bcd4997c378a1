// @web/test-runner runs browser tests with mocha's globals.
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => unknown): void;
declare function afterEach(body: () => unknown): void;
declare function beforeEach(body: () => unknown): void;
