// graphql-transport-ws sessions for the fuzz: a script of messages (valid, malformed, out of order,
// duplicate ids, binary, fragmented, raw frames that break the WebSocket protocol), generated from
// the seed, and a runner that plays it with the `ws` client and records what the server did.
import WebSocket from 'ws';
import { generateOperation } from './documents.mjs';
import { anyText, longText, loneSurrogateText, oddText } from './strings.mjs';
import { forgedToken } from './tokens.mjs';
import { rawJson, toJson } from './json.mjs';

const PROTOCOL = 'graphql-transport-ws';

/**
 * A session: { protocols, headers, compress, steps }. A step is { send: string | Buffer, binary, fin }
 * or { frame: Buffer } (bytes written to the socket as they are) or { awaitAck: true } or
 * { close: [code, reason] }.
 */
export function wsSession(rng, model, ctx) {
  const protocols = rng.chance(0.9) ? [PROTOCOL]
    : rng.pick([[], ['graphql-ws'], ['graphql-ws', PROTOCOL], ['x'], [PROTOCOL, PROTOCOL.toUpperCase()]]);
  const headers = rng.chance(0.1) ? { authorization: `Bearer ${forgedToken(rng, ctx.tokens.seller).token}` } : {};
  const steps = [];
  const kind = rng.weighted({ normal: 4, disorder: 2, malformed: 3, ids: 2, frames: 1, auth: 2 });
  const init = () => ({ send: json({ type: 'connection_init', payload: initPayload(rng, ctx, kind === 'auth') }) });
  const subscribe = (id) => ({ send: json({ id, type: 'subscribe', payload: operationPayload(rng, model, ctx) }) });

  if (kind === 'disorder') {
    // Messages before connection_init, a second init, subscribe before the ack.
    const early = rng.pick([subscribe('1'), { send: json({ type: 'ping' }) }, { send: json({ id: '1', type: 'complete' }) }, { send: json({ type: 'pong' }) }]);
    steps.push(early, init());
    if (rng.bool()) steps.push(subscribe('2'));
    steps.push({ awaitAck: true });
    if (rng.bool()) steps.push(init());
    steps.push(subscribe('3'));
  } else {
    steps.push(init(), { awaitAck: true });
    const count = rng.int(1, 5);
    for (let i = 0; i < count; i++) {
      if (kind === 'normal') steps.push(rng.chance(0.8) ? subscribe(String(i + 1)) : { send: json({ id: String(rng.int(1, 3)), type: 'complete' }) });
      else if (kind === 'auth') steps.push(subscribe(String(i + 1)));
      else if (kind === 'malformed') steps.push(malformedMessage(rng, model, ctx));
      else if (kind === 'ids') steps.push({ send: json({ id: oddId(rng), type: 'subscribe', payload: operationPayload(rng, model, ctx) }) });
      else steps.push(frameStep(rng));
    }
    if (kind === 'ids' && rng.bool()) steps.push(subscribe('dup'), subscribe('dup'));
  }
  if (rng.chance(0.1)) steps.push({ close: [rng.pick([1000, 1001, 1002, 3000, 4000, 4999, 1005, 1006, 999, 5000, 1015]), rng.pick(['', 'bye', oddText(rng)])] });
  return { sub: kind, protocols, headers, compress: rng.chance(0.3), steps };
}

const json = (value) => toJson(value);

function initPayload(rng, ctx, oddAuth) {
  const token = rng.pick([ctx.tokens.seller, ctx.tokens.buyer, ctx.tokens.admin]);
  if (!oddAuth) return rng.chance(0.5) ? { authorization: `Bearer ${token}` } : rng.chance(0.5) ? {} : undefined;
  return rng.pick([
    { authorization: `Bearer ${forgedToken(rng, token).token}` },
    { Authorization: `Bearer ${token}` },
    { AUTHORIZATION: `bearer ${token}` },
    { authorization: token },
    { authorization: 1 },
    { authorization: null },
    { authorization: ['Bearer', token] },
    { authorization: { token } },
    { authorization: `Bearer ${token}`, Authorization: 'Bearer x' },
    { headers: { authorization: `Bearer ${token}` } },
    'Bearer x',
    [1, 2],
    42,
    { authorization: `Bearer ${loneSurrogateText(rng)}` },
  ]);
}

function operationPayload(rng, model, ctx) {
  const operation = rng.weighted({ subscription: 5, query: 3, mutation: 1 });
  const mode = rng.weighted({ valid: 6, odd: 2, wrong: 2 });
  const { query, variables, operationName } = generateOperation(rng, model, ctx, { operation, mode, depth: rng.int(1, 3) });
  // Now and then a number JavaScript cannot hold (1e400) in the variables, used or not.
  const odd = rng.chance(0.1) ? { [rng.pick(['x', Object.keys(variables ?? {})[0] ?? 'y'])]: rawJson(rng.pick(['1e400', '-1e400', '1e-400'])) } : {};
  return { query, variables: variables || Object.keys(odd).length ? { ...(variables ?? {}), ...odd } : undefined, operationName: operationName ?? undefined };
}

function oddId(rng) {
  return rng.pick(['', ' ', '0', '-1', 1, null, true, {}, [], oddText(rng), loneSurrogateText(rng), longText(rng, 10_000), 'a'.repeat(300)]);
}

function malformedMessage(rng, model, ctx) {
  const id = String(rng.int(1, 3));
  const choices = [
    () => ({ send: 'not json' }),
    () => ({ send: '' }),
    () => ({ send: '{' }),
    () => ({ send: 'null' }),
    () => ({ send: '[]' }),
    () => ({ send: '"subscribe"' }),
    () => ({ send: json({}) }),
    () => ({ send: json({ type: rng.pick(['unknown', 'SUBSCRIBE', 'next', 'error', 'connection_ack', 'start', 'stop', 'connection_terminate', '', null, 1]) , id }) }),
    () => ({ send: json({ type: 'subscribe' }) }),
    () => ({ send: json({ type: 'subscribe', id }) }),
    () => ({ send: json({ type: 'subscribe', id, payload: rng.pick([null, 1, 'x', [], {}, { query: 1 }, { query: null }, { query: '' }, { query: '{ __typename }', variables: 'x' }, { query: '{ __typename }', extensions: [] }, { query: '{ __typename }', operationName: 1 }]) }) }),
    () => ({ send: `{"type":"subscribe","id":"${id}","payload":{"query":"{ __typename }\\ud800"}}` }),
    () => ({ send: `{"type":"subscribe","id":"${id}\\udc00","payload":{"query":"{ __typename }"}}` }),
    () => ({ send: `{"type":"subscribe","type":"ping","id":"${id}","payload":{"query":"{ __typename }"}}` }),
    () => ({ send: `{"type":"subscribe","id":"${id}","id":"${id}x","payload":{"query":"{ __typename }"}}` }),
    () => ({ send: `{"type":"subscribe","id":"${id}","payload":{"query":"{ __typename }","variables":{"a":1,"a":2}}}` }),
    () => ({ send: `{"type":"subscribe","id":"${id}","payload":{"query":"{ __typename }"},"payload":{"query":"{ me { id } }"}}` }),
    () => ({ send: json({ type: 'ping', payload: rng.pick([null, 1, 'x', [1], { deep: JSON.parse(`${'['.repeat(60)}${']'.repeat(60)}`) }, longText(rng, 50_000)]) }) }),
    () => ({ send: json({ type: 'pong', payload: anyText(rng) }) }),
    () => ({ send: `${'['.repeat(rng.pick([65, 1000]))}${']'.repeat(0)}` }),
    () => ({ send: json({ type: 'complete', id: rng.pick([id, '', 'never']) }) }),
    () => ({ send: Buffer.from(json({ type: 'subscribe', id, payload: operationPayload(rng, model, ctx) })), binary: true }),
    () => ({ send: Buffer.from([0xff, 0xfe, 0x00, 0x80]), binary: rng.bool() }),
    () => ({ send: Buffer.concat([Buffer.from('{"type":"ping","payload":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]), binary: false }),
    () => ({ send: json({ type: 'subscribe', id, payload: { query: `{ __typename } ${'#'.repeat(300_000)}` } }) }),
    () => ({ send: `\ufeff${json({ type: 'ping' })}` }),
    () => ({ send: json({ type: 'ping' }).replace('ping', 'ping\u0000') }),
  ];
  return rng.pick(choices)();
}

/** A step that writes raw WebSocket frames: fragmented messages, reserved bits and opcodes, bad control frames. */
function frameStep(rng) {
  const text = Buffer.from(json({ type: 'ping', payload: { fragmented: true } }));
  const half = Math.floor(text.length / 2);
  switch (rng.int(0, 9)) {
    case 0: return { frame: Buffer.concat([frame(0x1, text.subarray(0, half), { fin: false }), frame(0x0, text.subarray(half))]) };
    case 1: return { frame: frame(0x0, text) }; // continuation without a start
    case 2: return { frame: frame(0x1, text, { rsv: 0x40 }) }; // RSV1 without an extension
    case 3: return { frame: frame(rng.pick([0x3, 0x7, 0xb, 0xf]), text) }; // reserved opcodes
    case 4: return { frame: frame(0x9, Buffer.alloc(200)) }; // ping longer than 125 bytes
    case 5: return { frame: frame(0x9, Buffer.from('x'), { fin: false }) }; // fragmented control frame
    case 6: return { frame: frame(0x1, text, { mask: false }) }; // an unmasked client frame
    case 7: return { frame: frame(0x8, Buffer.from([0x03, 0xe7])) }; // close code 999
    case 8: return { frame: frame(0x8, Buffer.concat([Buffer.from([0x03, 0xe8]), Buffer.from([0xff, 0xfe])])) }; // close reason not UTF-8
    default: return { frame: Buffer.concat([frame(0x1, text.subarray(0, half), { fin: false }), frame(0x9, Buffer.from('p')), frame(0x0, text.subarray(half))]) };
  }
}

/** One WebSocket frame as a client writes it (masked unless told otherwise). */
export function frame(opcode, payload, { fin = true, rsv = 0, mask = true } = {}) {
  const length = payload.length;
  const header = [((fin ? 0x80 : 0) | rsv | opcode) & 0xff];
  const maskBit = mask ? 0x80 : 0;
  if (length < 126) header.push(maskBit | length);
  else if (length < 65536) header.push(maskBit | 126, length >> 8, length & 0xff);
  else header.push(maskBit | 127, 0, 0, 0, 0, (length >>> 24) & 0xff, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff);
  if (!mask) return Buffer.concat([Buffer.from(header), payload]);
  const key = Buffer.from([0x12, 0x34, 0x56, 0x78]);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ key[i % 4]));
  return Buffer.concat([Buffer.from(header), key, masked]);
}

/**
 * Plays a session against ws://.../graphql. Resolves with { handshakeStatus, closeCode, closeReason,
 * messages, error }. Never rejects. Every wait is bounded, so a silent server ends the session.
 */
export function runWsSession(wsUrl, session, { waitMs = 5000 } = {}) {
  return new Promise((resolve) => {
    const result = { handshakeStatus: null, closeCode: null, closeReason: '', messages: [], error: null };
    let socket;
    try {
      socket = new WebSocket(wsUrl, session.protocols, { headers: session.headers, perMessageDeflate: session.compress, maxPayload: 16 * 1024 * 1024 });
    } catch (error) {
      resolve({ ...result, error: String(error.message) });
      return;
    }
    let done = false;
    const waiters = new Set();
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(overall);
      for (const wake of waiters) wake();
      resolve(result);
    };
    const overall = setTimeout(() => {
      result.error = result.error ?? 'session did not end';
      result.timedOut = true;
      socket.terminate();
      finish();
    }, waitMs * 4);
    /** Resolves when a message matches (or the socket closes, or waitMs passes). */
    const waitFor = (match) => new Promise((wake) => {
      if (done) return wake();
      const timer = setTimeout(() => { waiters.delete(check); wake(); }, waitMs);
      const check = (message) => {
        if (message === undefined || match(message)) {
          clearTimeout(timer);
          waiters.delete(check);
          wake();
        }
      };
      waiters.add(check);
    });
    socket.on('unexpected-response', (request, response) => {
      result.handshakeStatus = response.statusCode;
      response.resume();
      request.destroy();
      finish();
    });
    socket.on('upgrade', (response) => { result.handshakeStatus = response.statusCode; });
    socket.on('error', (error) => { result.error = result.error ?? String(error.message); });
    socket.on('message', (data, isBinary) => {
      const text = data.toString('utf8');
      let message;
      try {
        message = JSON.parse(text);
      } catch {
        message = { unparsed: text.slice(0, 200), isBinary };
      }
      result.messages.push(message);
      for (const wake of [...waiters]) wake(message);
    });
    socket.on('close', (code, reason) => {
      result.closeCode = code;
      result.closeReason = reason.toString('utf8');
      for (const wake of [...waiters]) wake(undefined);
      finish();
    });
    socket.on('open', async () => {
      try {
        for (const step of session.steps) {
          if (done || socket.readyState !== WebSocket.OPEN) break;
          if (step.awaitAck) await waitFor((message) => message?.type === 'connection_ack');
          else if (step.frame) socket._socket.write(step.frame); // raw bytes: the only way to send a broken frame
          else if (step.close) closeWith(socket, ...step.close);
          else socket.send(step.send, { binary: !!step.binary, fin: step.fin ?? true });
        }
        if (done || socket.readyState !== WebSocket.OPEN) return;
        // Messages are handled in order: once our ping is answered, the server has seen the script.
        socket.send(JSON.stringify({ type: 'ping', payload: { fuzz: 'end' } }));
        await waitFor((message) => message?.type === 'pong' && message.payload?.fuzz === 'end');
        if (!done && socket.readyState === WebSocket.OPEN) socket.close(1000);
        await waitFor(() => false);
        if (!done) {
          result.error = result.error ?? 'no close frame after ours';
          socket.terminate();
        }
      } catch (error) {
        result.error = result.error ?? String(error.message);
        socket.terminate();
      }
    });
  });
}

/** Closes with any code: one ws accepts through close(), others (1005, 999, 5000) as a raw close frame. */
function closeWith(socket, code, reason) {
  try {
    socket.close(code, reason);
  } catch {
    const bytes = Buffer.from(reason, 'utf8').subarray(0, 120);
    socket._socket.write(frame(0x8, Buffer.concat([Buffer.from([(code >> 8) & 0xff, code & 0xff]), bytes])));
  }
}
