import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RelayMetrics } from './metrics.js';
import type { RelayHealth } from './relay-options.js';
import { pathOf } from './upgrade-request.js';

export interface EndpointOptions {
  readonly healthPath: string;
  readonly metricsPath: string;
  readonly health: () => RelayHealth;
  readonly metrics: RelayMetrics;
}

/**
 * The relay's HTTP endpoints: health (200 when ok, 503 otherwise, as JSON) and Prometheus metrics.
 * The handler returns false for any other path, so an attached server's own handler can answer it.
 */
export function endpointHandler(options: EndpointOptions) {
  const { healthPath, metricsPath, metrics } = options;
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    const path = pathOf(request);
    if (path === healthPath) {
      const health = options.health();
      response.writeHead(health.status === 'ok' ? 200 : 503, {
        'content-type': 'application/json',
        'cache-control': 'no-store',
      });
      response.end(JSON.stringify(health));
      return true;
    }
    if (path === metricsPath) {
      metrics.registry.metrics().then(
        (text) => {
          response.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
          response.end(text);
        },
        () => {
          response.writeHead(500).end();
        },
      );
      return true;
    }
    return false;
  };
}
