// What a page on any website, or any program, could send the relay: each broken frame closes only
// its own socket, with the right code, and everyone else carries on.
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { CLOSE_CODES } from '../src/index.js';
import {
  AGENT_ONLY,
  ORIGIN,
  startRelay,
  TestClient,
  until,
  wireMessage,
  type StartedRelay,
} from './support/relay-kit.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A TCP connection that has done the WebSocket handshake by hand, and reads the server's frames raw. */
async function rawSocket(url: string): Promise<{ socket: Socket; received: () => Buffer; ended: Promise<void> }> {
  const target = new URL(url);
  const socket = connect({ host: target.hostname, port: Number(target.port) });
  socket.on('error', () => {});
  let buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => (buffer = Buffer.concat([buffer, chunk])));
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(
    `GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nUpgrade: websocket\r\n` +
      `Connection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n` +
      `Sec-WebSocket-Version: 13\r\nOrigin: ${ORIGIN}\r\n\r\n`,
  );
  await until(() => buffer.includes('\r\n\r\n'), 'the handshake answer');
  const head = buffer.subarray(0, buffer.indexOf('\r\n\r\n') + 4);
  expect(String(head)).toMatch(/^HTTP\/1\.1 101/);
  buffer = buffer.subarray(head.length);
  return { socket, received: () => buffer, ended };
}

/** One client frame: FIN, the given first-byte bits and opcode, masked unless told not to. */
function frame(opcode: number, payload: Buffer, options: { mask?: boolean; rsv?: number } = {}): Buffer {
  const masked = options.mask ?? true;
  const first = 0x80 | (options.rsv ?? 0) | opcode;
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([first, (masked ? 0x80 : 0) | length])
      : length < 65536
        ? Buffer.from([first, (masked ? 0x80 : 0) | 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([first, (masked ? 0x80 : 0) | 127]), bigLength(length)]);
  if (!masked) return Buffer.concat([header, payload]);
  const key = randomBytes(4);
  const body = Buffer.from(payload);
  for (let index = 0; index < body.length; index++) body[index]! ^= key[index % 4]!;
  return Buffer.concat([header, key, body]);
}

function bigLength(length: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(length));
  return bytes;
}

/** The code of the close frame the server sent, if it sent one. */
function closeCodeIn(received: Buffer): number | undefined {
  let offset = 0;
  while (offset + 2 <= received.length) {
    const opcode = received[offset]! & 0x0f;
    let length = received[offset + 1]! & 0x7f;
    let start = offset + 2;
    if (length === 126) {
      length = received.readUInt16BE(offset + 2);
      start += 2;
    } else if (length === 127) {
      length = Number(received.readBigUInt64BE(offset + 2));
      start += 8;
    }
    if (opcode === 0x8) return length >= 2 ? received.readUInt16BE(start) : 1005;
    offset = start + length;
  }
  return undefined;
}

/** An agent and a customer who keep talking while others misbehave. */
async function bystanders(started: StartedRelay) {
  const agent = await TestClient.open(await started.urlFor('agent'));
  const customer = await TestClient.open(await started.urlFor('customer'));
  cleanup.push(() => (agent.close(), customer.close()));
  await Promise.all([agent.waitFor('caughtUp'), customer.waitFor('caughtUp')]);
  return {
    async stillTalking() {
      const message = wireMessage(AGENT_ONLY);
      agent.send(message);
      await agent.waitFor('ack', message.id);
      await until(() => customer.entries.some((entry) => entry.message.id === message.id), 'the bystanders’ message');
    },
  };
}

describe('broken frames close only their own socket, with the right code', () => {
  const cases: [string, (payload: Buffer) => Buffer, number, string][] = [
    ['a 2 MB frame', () => frame(0x1, Buffer.alloc(2 * 1024 * 1024, 0x61)), CLOSE_CODES.tooBig, 'protocol-error'],
    [
      'invalid UTF-8',
      () => frame(0x1, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])),
      CLOSE_CODES.invalidPayload,
      'protocol-error',
    ],
    [
      'an unmasked client frame',
      (payload) => frame(0x1, payload, { mask: false }),
      CLOSE_CODES.protocolError,
      'protocol-error',
    ],
    ['a reserved opcode', (payload) => frame(0x3, payload), CLOSE_CODES.protocolError, 'protocol-error'],
    ['a reserved control opcode', (payload) => frame(0xb, payload), CLOSE_CODES.protocolError, 'protocol-error'],
    ['the RSV1 bit set', (payload) => frame(0x1, payload, { rsv: 0x40 }), CLOSE_CODES.protocolError, 'protocol-error'],
    ['the RSV2 bit set', (payload) => frame(0x1, payload, { rsv: 0x20 }), CLOSE_CODES.protocolError, 'protocol-error'],
    ['a binary frame', (payload) => frame(0x2, payload), CLOSE_CODES.unsupportedData, 'binary-frame'],
    [
      'text that is not JSON',
      () => frame(0x1, Buffer.from('{not json')),
      CLOSE_CODES.invalidPayload,
      'malformed-frame',
    ],
    [
      'JSON that is not a message',
      () => frame(0x1, Buffer.from('[1,2,3]')),
      CLOSE_CODES.invalidPayload,
      'malformed-frame',
    ],
  ];

  it.each(cases)('%s', async (_name, make, code, reason) => {
    const started = await startRelay();
    cleanup.push(() => started.close());
    const { stillTalking } = await bystanders(started);
    const raw = await rawSocket(await started.urlFor('customer'));
    raw.socket.write(make(Buffer.from(JSON.stringify({ heartbeat: 'ping' }))));
    await until(() => closeCodeIn(raw.received()) !== undefined, 'a close frame');
    expect(closeCodeIn(raw.received())).toBe(code);
    raw.socket.destroy();
    await until(() => started.relay.connections() === 2, 'the broken socket gone');
    await stillTalking();
    const closed = started.logs.find((record) => record.event === 'connection-closed' && record.role === 'customer');
    expect(closed?.reason).toBe(reason);
  });
});

describe('slow readers and churn', () => {
  it('disconnects a client that stops reading instead of buffering for it, and serves the others', async () => {
    const started = await startRelay({
      limits: { maxBufferedBytes: 256 * 1024, messagesPerSecond: 100_000, messageBurst: 100_000 },
      retention: { maxCount: 100 },
    });
    cleanup.push(() => started.close());
    const agent = await TestClient.open(await started.urlFor('agent'));
    const slow = await TestClient.open(await started.urlFor('customer'));
    const reader = await TestClient.open(await started.urlFor('customer'));
    cleanup.push(() => (agent.close(), slow.close(), reader.close()));
    await Promise.all([agent, slow, reader].map((client) => client.waitFor('caughtUp')));
    (slow.socket as unknown as { _socket: Socket })._socket.pause();
    const pad = 'x'.repeat(15_000);
    let sent = 0;
    // Kernel buffers take a few megabytes first; the relay's own allowance is 256 KiB past them.
    while (started.relay.connections('conv-1') === 3 && sent < 8000) {
      const batch = Array.from({ length: 100 }, () => wireMessage(AGENT_ONLY, 'conv-1', { body: { pad } }));
      for (const message of batch) agent.send(message);
      sent += batch.length;
      await agent.waitFor('ack', batch.at(-1)!.id);
    }
    await until(() => started.relay.connections('conv-1') === 2, 'the slow reader dropped');
    expect(
      await started.relay.metrics.registry.getSingleMetricAsString('chatpay_relay_connections_closed_total'),
    ).toContain('reason="slow-reader"} 1');
    await until(() => reader.entries.length === sent, 'everything at the reader', 20_000);
    expect(agent.socket.readyState).toBe(1);
  }, 60_000);

  it('survives connection churn: handshakes abandoned, connections opened and dropped, and keeps nothing of them', async () => {
    const started = await startRelay();
    cleanup.push(() => started.close());
    const { stillTalking } = await bystanders(started);
    const url = await started.urlFor('customer', 'conv-churn');
    for (let round = 0; round < 10; round++) {
      await Promise.all(
        Array.from({ length: 20 }, async (_, index) => {
          if (index % 4 === 0) {
            // Gone in the middle of the handshake.
            const target = new URL(url);
            const socket = connect({ host: target.hostname, port: Number(target.port) });
            socket.on('error', () => {});
            await new Promise((resolve) => socket.once('connect', resolve));
            socket.write(`GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n`);
            socket.destroy();
            return;
          }
          const client = new TestClient(url);
          await client.opened;
          if (index % 2 === 0) client.socket.terminate();
          else client.close();
          await client.closed;
        }),
      );
    }
    await until(() => started.relay.connections() === 2, 'only the bystanders left');
    await until(() => started.relay.health().conversations === 1, 'the churned conversation forgotten');
    await stillTalking();
  }, 30_000);
});
