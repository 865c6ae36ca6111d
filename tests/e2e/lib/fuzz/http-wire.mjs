// HTTP/1.1 written by hand on a TCP socket, so the fuzz can send what fetch refuses to: any method,
// repeated or non-ASCII headers, a Content-Length that lies, malformed chunked bodies, bodies that
// trickle in or stop halfway, a connection reset mid-body. Reads one response back.
import { connect } from 'node:net';

const CRLF = '\r\n';
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A request: { method, target, headers: [[name, value]], body: Buffer | null, framing, pieces, pauseMs, after }.
 * framing: 'length' (Content-Length added unless a header names it), 'chunked' (encoded here),
 * 'none' (the body as given, no length header added).
 * pieces/pauseMs: the body (after framing) written in that many pieces with pauses between them.
 * after: 'wait' (keep the connection open until the answer), 'half-close' (end our side once written),
 * 'reset' (reset the connection after writing), 'stall' (write part of the body, then wait for the answer).
 */
export function encodeRequest({ method, target, headers = [], body = null, framing = 'length', host, protocol = 'HTTP/1.1', raw, trailer }) {
  // `raw`: bytes sent exactly as given (bare LF line ends, an HTTP/2 preface).
  if (raw) return { head: raw, payload: Buffer.alloc(0) };
  const names = headers.map(([name]) => String(name).toLowerCase());
  const lines = [`${method} ${target} ${protocol}`];
  const all = [...headers];
  if (!names.includes('host') && host) all.unshift(['Host', host]);
  if (!names.includes('connection')) all.push(['Connection', 'close']);
  let payload = body ?? Buffer.alloc(0);
  if (framing === 'length' && body !== null && !names.includes('content-length')) all.push(['Content-Length', String(payload.length)]);
  if (framing === 'chunked') {
    if (!names.includes('transfer-encoding')) all.push(['Transfer-Encoding', 'chunked']);
    payload = chunk(payload);
  }
  // `trailer`: more bytes after the body (a second, pipelined request).
  if (trailer) payload = Buffer.concat([payload, trailer]);
  const head = Buffer.concat([
    Buffer.from(lines.join(CRLF) + CRLF, 'latin1'),
    ...all.map(([name, value]) => Buffer.concat([Buffer.from(`${name}: `, 'latin1'),
      Buffer.isBuffer(value) ? value : Buffer.from(String(value), 'utf8'), Buffer.from(CRLF, 'latin1')])),
    Buffer.from(CRLF, 'latin1'),
  ]);
  return { head, payload };
}

/** Chunked transfer coding with chunks of up to 4 KB. */
function chunk(payload) {
  const parts = [];
  for (let at = 0; at < payload.length; at += 4096) {
    const piece = payload.subarray(at, at + 4096);
    parts.push(Buffer.from(`${piece.length.toString(16)}${CRLF}`), piece, Buffer.from(CRLF));
  }
  parts.push(Buffer.from(`0${CRLF}${CRLF}`));
  return Buffer.concat(parts);
}

/**
 * Sends one request to host:port and resolves with { status, headers, body, error, timedOut }.
 * Never rejects: a refused or reset connection is { status: null, error }.
 * `streamCutMs`: for an event stream (or any response still open), stop reading that long after the headers.
 */
export function sendRaw(address, request, { timeoutMs = 20_000, streamCutMs = 200 } = {}) {
  const { head, payload } = encodeRequest({ ...request, host: address.host + ':' + address.port });
  const pieces = Math.max(1, request.pieces ?? 1);
  const after = request.after ?? 'wait';
  return new Promise((resolve) => {
    const socket = connect({ host: address.host, port: address.port, allowHalfOpen: true });
    let received = Buffer.alloc(0);
    let settled = false;
    let headersAt = null;
    const finish = (extra = {}) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...parseResponse(received), ...extra });
    };
    const timer = setTimeout(() => finish({ timedOut: true }), timeoutMs);
    socket.on('error', (error) => finish({ error: error.code ?? error.message }));
    socket.on('data', (data) => {
      received = Buffer.concat([received, data]);
      const parsed = parseResponse(received);
      if (parsed.complete) finish();
      else if (parsed.status !== null && headersAt === null) {
        headersAt = Date.now();
        // An event stream stays open (a subscription); what it says first is enough.
        setTimeout(() => finish({ cut: true }), streamCutMs).unref();
      }
    });
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    socket.on('connect', async () => {
      try {
        socket.write(head);
        if (after === 'stall') {
          // Part of the body, then nothing: the server's body read has to give up on its own.
          socket.write(payload.subarray(0, Math.floor(payload.length / 2)));
          return;
        }
        const size = Math.ceil(payload.length / pieces);
        for (let i = 0; i < pieces; i++) {
          if (socket.destroyed) return;
          socket.write(payload.subarray(i * size, (i + 1) * size));
          if (i + 1 < pieces && request.pauseMs) await delay(request.pauseMs);
        }
        if (after === 'half-close') socket.end();
        else if (after === 'reset') {
          await delay(5);
          socket.resetAndDestroy();
          finish({ error: 'reset by the fuzz' });
        }
      } catch (error) {
        finish({ error: error.code ?? error.message });
      }
    });
  });
}

/** { status, headers, body, complete } of what has arrived so far. */
export function parseResponse(buffer) {
  const end = buffer.indexOf('\r\n\r\n');
  if (end < 0) return { status: null, headers: {}, body: Buffer.alloc(0), complete: false };
  const [statusLine, ...lines] = buffer.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(statusLine)?.[1] ?? NaN);
  const headers = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = buffer.subarray(end + 4);
  if (headers['transfer-encoding']?.toLowerCase().includes('chunked')) {
    const { body, complete } = dechunk(rest);
    return { status, headers, body, complete };
  }
  if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    return { status, headers, body: rest.subarray(0, length), complete: rest.length >= length };
  }
  // 1xx, 204 and 304 have no body.
  const bodiless = status < 200 || status === 204 || status === 304;
  return { status, headers, body: rest, complete: bodiless };
}

function dechunk(buffer) {
  const parts = [];
  let at = 0;
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', at);
    if (lineEnd < 0) return { body: Buffer.concat(parts), complete: false };
    const size = parseInt(buffer.subarray(at, lineEnd).toString('latin1'), 16);
    if (Number.isNaN(size)) return { body: Buffer.concat(parts), complete: false };
    if (size === 0) return { body: Buffer.concat(parts), complete: buffer.indexOf('\r\n', lineEnd + 2) >= 0 };
    if (buffer.length < lineEnd + 2 + size + 2) {
      parts.push(buffer.subarray(lineEnd + 2, Math.min(buffer.length, lineEnd + 2 + size)));
      return { body: Buffer.concat(parts), complete: false };
    }
    parts.push(buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}
