// One end of a postMessage transport, inside a frame of the test page's own origin, handed to the test
// through `window.end` so the contract can drive it.
import { createPostMessageTransport } from '../../src/index.js';

(window as unknown as { end: unknown }).end = createPostMessageTransport({
  target: window.parent,
  targetOrigin: location.origin,
});
window.parent.postMessage('pm-end-ready', location.origin);
