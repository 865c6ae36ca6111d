// What the fuzz found, grouped by symptom and kind of request, with what it takes to send each
// offending request again: the seed and index, and the request itself (method, headers, body cut short).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeRequest } from './http-wire.mjs';

const MAX_BODY = 600;
const EXAMPLES = 3;

/** Printable text of bytes: UTF-8 where it decodes, \xNN where it does not, cut in the middle when long. */
export function printable(buffer, max = MAX_BODY) {
  if (!buffer) return '';
  const bytes = Buffer.isBuffer(buffer) ? buffer : Buffer.from(String(buffer));
  const shown = bytes.length > max ? Buffer.concat([bytes.subarray(0, max - 100), Buffer.from(' \u2026 '), bytes.subarray(bytes.length - 80)]) : bytes;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(shown);
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufffd]/g, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`)
    + (bytes.length > max ? ` (${bytes.length} bytes in all)` : '');
}

/** The request of a case, as a few lines: method, target, headers, body. */
export function describeCase(fuzzCase) {
  if (fuzzCase.transport === 'ws') {
    const { protocols, headers, compress, steps } = fuzzCase.session;
    const lines = [`WebSocket /graphql protocols=${JSON.stringify(protocols)}${compress ? ' permessage-deflate' : ''}${Object.keys(headers).length ? ` headers=${printable(JSON.stringify(headers), 200)}` : ''}`];
    for (const step of steps) {
      if (step.awaitAck) lines.push('  (wait for connection_ack)');
      else if (step.frame) lines.push(`  raw frame bytes: ${step.frame.subarray(0, 40).toString('hex')}${step.frame.length > 40 ? '\u2026' : ''}`);
      else if (step.close) lines.push(`  close ${step.close[0]} ${printable(step.close[1], 100)}`);
      else lines.push(`  send${step.binary ? ' (binary)' : ''}: ${printable(step.send, 400)}`);
    }
    return lines;
  }
  const request = fuzzCase.request;
  if (request.raw) return [`raw bytes: ${printable(request.raw)}`];
  const lines = [`${request.method} ${printable(request.target, 400)}${request.protocol ? ` ${request.protocol}` : ''}`];
  for (const [name, value] of request.headers) lines.push(`  ${name}: ${printable(value, 200)}`);
  const framing = [request.framing && request.framing !== 'length' ? `framing ${request.framing}` : '', request.pieces > 1 ? `${request.pieces} pieces, ${request.pauseMs ?? 0} ms apart` : '',
    request.after && request.after !== 'wait' ? `then ${request.after}` : ''].filter(Boolean).join(', ');
  if (framing) lines.push(`  (${framing})`);
  if (request.body) lines.push(`  body: ${printable(request.body)}`);
  if (request.trailer) lines.push(`  then: ${printable(request.trailer, 200)}`);
  return lines;
}

/** The outcome in one line: status and the start of the answer, or close code and reason. */
export function describeOutcome(outcome) {
  if (!outcome) return '';
  if (outcome.transport === 'ws') {
    return `handshake ${outcome.handshakeStatus ?? '-'}, close ${outcome.closeCode ?? '-'} ${printable(outcome.closeReason, 200)}${outcome.error ? `, ${outcome.error}` : ''}`
      + (outcome.internal ? `; message: ${printable(JSON.stringify(outcome.internal), 300)}` : '');
  }
  return `${outcome.status ?? 'no status'}${outcome.error ? ` (${outcome.error})` : ''}${outcome.timedOut ? ' (no answer)' : ''} ${printable(outcome.body, 300)}`;
}

/**
 * What a logged entry says happened, without what changes per request (connection ids, paths, line
 * numbers): the exception type and the first frame in our code (or the first frame).
 */
export function logSignature(lines) {
  const exceptions = lines.map((line) => /^\s*(?:---> )?([\w.]+(?:Exception|Error)): /.exec(line)?.[1]).filter(Boolean);
  const frames = lines.map((line) => /^\s+at ([\w.`<>|]+)\(/.exec(line)?.[1]).filter(Boolean);
  const ours = frames.find((frame) => frame.startsWith('ETicket.')) ?? frames[0];
  const category = /^\w+: ([^\[]+)/.exec(lines[0])?.[1] ?? lines[0];
  const innermost = exceptions.length > 1 ? ` (inner ${exceptions[exceptions.length - 1]})` : '';
  // Without an exception, the message: without figures, parameter lists and ids that differ per request.
  const message = (lines[1] ?? '').trim().replace(/\[Parameters=.*$/, '').replace(/\(\d+ms\)/, '').replace(/"[^"]*"/g, '"\u2026"').slice(0, 120).trim();
  return `${category}: ${exceptions[0] ?? message}${innermost}${ours ? ` at ${ours.replace(/^ETicket\./, '')}` : ''}`;
}

/**
 * Failures: [{ symptom, index, kind, fuzzCase, outcome, log }]. Failures of one request are merged
 * (a 500 and the Error line it logged); requests are grouped by what went wrong (the symptoms and
 * the logged exception), and within a group listed by kind, EXAMPLES of them in full.
 */
export function formatReport({ seed, requests, failures, replayCommand }) {
  // `requests`: a count, or the list of indexes run (ETICKET_FUZZ_ONLY).
  const byRequest = new Map();
  for (const failure of failures) {
    const key = failure.index ?? `? ${byRequest.size}`;
    const merged = byRequest.get(key) ?? { index: failure.index, kind: failure.kind, fuzzCase: failure.fuzzCase, symptoms: [], logs: [] };
    if (failure.log && failure.symptom.startsWith('logged')) {
      merged.logs.push(failure.log);
      // The first entry a request logged names the group; what it logged after follows from it.
      if (!merged.symptoms.some((symptom) => symptom.startsWith('logged'))) merged.symptoms.push(`logged ${failure.log[0].slice(0, 4)}: ${logSignature(failure.log)}`);
    } else {
      merged.symptoms.push(failure.symptom);
      if (failure.log) merged.logs.push(failure.log);
    }
    merged.outcome = merged.outcome ?? failure.outcome;
    byRequest.set(key, merged);
  }
  const groups = new Map();
  for (const request of byRequest.values()) {
    const key = [...new Set(request.symptoms)].join(' + ');
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(request);
  }
  const lines = [`The fuzz found ${byRequest.size} offending request(s) in ${groups.size} group(s); seed ${seed}, ${Array.isArray(requests) ? `requests #${requests.join(', #')}` : `${requests} requests`}.`,
    `Run it again: ${replayCommand()}`, ''];
  let number = 0;
  for (const [key, members] of groups) {
    const kinds = new Map();
    for (const member of members) kinds.set(member.kind, [...(kinds.get(member.kind) ?? []), member.index ?? '?']);
    lines.push(`== ${++number}. ${key}`);
    lines.push(`   ${members.length} request(s): ${[...kinds].map(([kind, indexes]) => `${kind} #${indexes.slice(0, 12).join(', #')}${indexes.length > 12 ? ` \u2026 (${indexes.length})` : ''}`).join('; ')}`);
    // One example per kind first, then more, up to EXAMPLES.
    const examples = [...new Map(members.map((member) => [member.kind, member])).values(), ...members].filter((m, i, all) => all.indexOf(m) === i).slice(0, EXAMPLES);
    for (const request of examples) {
      lines.push(`   -- #${request.index ?? '?'} ${request.kind}${request.fuzzCase?.note ? ` (${request.fuzzCase.note})` : ''}; alone: ${replayCommand(request.index)}`);
      if (request.fuzzCase) lines.push(...describeCase(request.fuzzCase).map((line) => `      ${line}`));
      if (request.outcome) lines.push(`      answer: ${describeOutcome(request.outcome)}`);
      if (request.logs.length > 1) lines.push(`      (logged ${request.logs.length} entries; the first:)`);
      for (const log of request.logs.slice(0, 1)) lines.push(...log.slice(0, 8).map((line) => `      | ${line.length > 300 ? `${line.slice(0, 300)}\u2026` : line}`));
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** Writes each offending request's exact bytes (HTTP) or script (WebSocket) under `directory`. */
export function writeRequests(directory, seed, failures) {
  mkdirSync(directory, { recursive: true });
  const written = new Set();
  for (const { index, fuzzCase } of failures) {
    if (!fuzzCase || written.has(index)) continue;
    written.add(index);
    if (fuzzCase.transport === 'http') {
      const { head, payload } = encodeRequest({ ...fuzzCase.request, host: '127.0.0.1' });
      writeFileSync(join(directory, `${seed}-${index}.http`), Buffer.concat([head, payload]));
    } else {
      const steps = fuzzCase.session.steps.map((step) => (step.frame ? { frame: step.frame.toString('hex') }
        : step.send !== undefined && Buffer.isBuffer(step.send) ? { ...step, send: step.send.toString('hex'), hex: true } : step));
      writeFileSync(join(directory, `${seed}-${index}.ws.json`), JSON.stringify({ ...fuzzCase.session, steps }, null, 2));
    }
  }
}
