// A minimal WebSocket server (RFC 6455 text frames, ping/pong, close) standing in for Slack's Socket Mode
// endpoint, so the real SocketModeClient inside Bolt connects, receives envelopes and sends its acks.
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { createWaiter } from './wait.ts';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function frame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  const head =
    len < 126
      ? Buffer.from([0x80 | opcode, len])
      : len < 65536
        ? Buffer.from([0x80 | opcode, 126, len >> 8, len & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLength(len)]);
  return Buffer.concat([head, payload]);
}

function bigLength(len: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(len));
  return b;
}

export function attachFakeSocket(server: Server) {
  let socket: Duplex | undefined;
  let pending = Buffer.alloc(0);
  const received: Array<Record<string, unknown>> = [];
  const waiter = createWaiter();
  const notify = waiter.notify;

  function onData(chunk: Buffer) {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 2) {
      const opcode = pending[0]! & 0x0f;
      let len = pending[1]! & 0x7f;
      let offset = 2;
      if (len === 126) {
        if (pending.length < 4) return;
        len = pending.readUInt16BE(2);
        offset = 4;
      } else if (len === 127) {
        if (pending.length < 10) return;
        len = Number(pending.readBigUInt64BE(2));
        offset = 10;
      }
      const masked = (pending[1]! & 0x80) !== 0;
      const total = offset + (masked ? 4 : 0) + len;
      if (pending.length < total) return;
      const mask = masked ? pending.subarray(offset, offset + 4) : undefined;
      const payload = Buffer.from(pending.subarray(total - len, total));
      if (mask) for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
      pending = pending.subarray(total);
      if (opcode === 1) received.push(JSON.parse(payload.toString('utf8')));
      else if (opcode === 9) socket?.write(frame(10, payload));
      else if (opcode === 8) {
        socket?.end(frame(8, payload));
        socket = undefined;
      }
      notify();
    }
  }

  server.on('upgrade', (req, s: Duplex) => {
    const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}${GUID}`).digest('base64');
    s.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    socket = s;
    s.on('data', onData);
    s.on('error', () => undefined);
    notify();
  });

  const waitFor = <T>(get: () => T | undefined, what: string) =>
    waiter.waitFor(get, () => `socket: no ${what}`);

  return {
    received,
    connected: () => waitFor(() => socket, 'connection'),
    send(message: unknown) {
      socket?.write(frame(1, Buffer.from(JSON.stringify(message))));
    },
    /** The client's ack for an envelope: `{ envelope_id, payload? }`. */
    ackFor: (envelopeId: string) =>
      waitFor(() => received.find((m) => m.envelope_id === envelopeId), `ack ${envelopeId}`),
    close() {
      socket?.destroy();
      socket = undefined;
    },
  };
}
