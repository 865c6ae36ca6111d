// Tracing across the federated deployment (docs/running.md, "Telemetry"). With tracing on, Hive
// Gateway continues the client's trace (traceparent) and passes it on to the subgraphs: their JSON
// log entries for the request carry the client's trace id, under the gateway's span. The spans it
// exports (to a stand-in OTLP collector here) carry that trace, and neither the document nor its
// values. Without tracing, the subgraph's trace is its own.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { post, signIn, startPlatforms } from './lib/platform.mjs';
import { startGateway } from './lib/services.mjs';

// An entry the subgraphs write for every request once its level allows, with the request's trace in its scopes.
const endpointCategory = 'Microsoft.AspNetCore.Routing.EndpointMiddleware';

const jsonLogs = {
  Logging__Console__FormatterName: 'json',
  [`Logging__LogLevel__${endpointCategory}`]: 'Information',
};

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A client's span: the traceparent header to send, and its ids. */
function callerTrace() {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { traceId, spanId, headers: { traceparent: `00-${traceId}-${spanId}-01` } };
}

/** The subgraph's JSON log entries for requests: { traceId, spanId, parentId } each. */
function requestEntries(platform) {
  return platform.output().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line))
    .filter((entry) => entry.Category === endpointCategory && entry.Message?.startsWith('Executing endpoint'))
    .map((entry) => entry.Scopes.find((scope) => scope.TraceId))
    .map((scope) => ({ traceId: scope?.TraceId, spanId: scope?.SpanId, parentId: scope?.ParentId }));
}

/** Waits (10 s at most) for the subgraph to log a request in the given trace. */
async function entryInTrace(platform, traceId) {
  for (let i = 0; i < 100; i++) {
    const entry = requestEntries(platform).find((e) => e.traceId === traceId);
    if (entry) return entry;
    await delay(100);
  }
  assert.fail(`The ${platform.role} subgraph logged no request in trace ${traceId}:\n${platform.output()}`);
}

/** A stand-in OTLP/HTTP collector: keeps the JSON bodies posted to /v1/traces. */
async function startCollector() {
  const bodies = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => { body += chunk; });
    request.on('end', () => {
      if (request.url === '/v1/traces') bodies.push(body);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const spans = () => bodies.flatMap((body) => JSON.parse(body).resourceSpans ?? []).flatMap((resource) =>
    (resource.scopeSpans ?? []).flatMap((scope) => (scope.spans ?? []).map((span) => ({ ...span, resource: resource.resource }))));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    text: () => bodies.join('\n'),
    spans,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('tracing through Hive Gateway', { timeout: 180_000 }, () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'eticket-telemetry-'));
  let members;
  let tickets;
  let collector;
  let traced;
  let untraced;

  before(async () => {
    collector = await startCollector();
    [members, tickets] = await startPlatforms([
      { role: 'Members', dataDirectory, env: jsonLogs },
      { role: 'Tickets', dataDirectory, env: jsonLogs },
    ]);
    const subgraphs = { membersUrl: members.graphql, ticketsUrl: tickets.graphql };
    [traced, untraced] = await Promise.all([
      // Exported in batches every 200 ms instead of 5 s, so the test need not wait.
      startGateway({ ...subgraphs, env: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '200' } }),
      startGateway(subgraphs),
    ]);
  });

  after(async () => {
    await Promise.all([traced?.stop(), untraced?.stop()]);
    await Promise.all([members?.stop(), tickets?.stop()]);
    await collector?.close();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  test("the subgraph's request is in the client's trace, a child of the gateway's span", async () => {
    const caller = callerTrace();

    const { body } = await post(traced.graphql, 'query Market { listings(first: 1) { totalCount } }', { headers: caller.headers });

    assert.equal(typeof body.data?.listings?.totalCount, 'number', JSON.stringify(body));
    const entry = await entryInTrace(tickets, caller.traceId);
    // The gateway's own span stands between the client's and the subgraph's.
    assert.notEqual(entry.parentId, caller.spanId);
    assert.match(entry.parentId, /^[0-9a-f]{16}$/);
  });

  test('the exported spans carry the trace, the operation and the gateway, never the document or its values', async () => {
    const seller = await signIn(traced.graphql, '13800000801', 'Tracer');
    const caller = callerTrace();
    const ticketCode = `TRACE-LITERAL-${randomBytes(6).toString('hex')}`;
    const startsAt = new Date(Date.now() + 30 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');

    const { body } = await post(traced.graphql, `mutation PublishLiteral {
      publishListing(input: { category: CONCERT, title: "Traced", faceValue: "100", price: "100", ticketCode: "${ticketCode}",
        city: "上海", venue: "Stadium", startsAt: "${startsAt}" }) { listing { id } errors { code } }
    }`, { token: seller.token, headers: caller.headers });

    assert.deepEqual(body.data?.publishListing?.errors, [], JSON.stringify(body));
    await entryInTrace(tickets, caller.traceId);
    const attribute = (span, key) => span.attributes?.find((a) => a.key === key)?.value?.stringValue;
    const isOperation = (span) => attribute(span, 'graphql.operation.name') === 'PublishLiteral' && attribute(span, 'graphql.operation.type') === 'mutation';
    // The client's span is the parent of the gateway's first, its request's, which ends (and is exported) last.
    const isRequest = (span) => span.parentSpanId === caller.spanId;
    let inTrace = [];
    for (let i = 0; i < 100 && !(inTrace.some(isOperation) && inTrace.some(isRequest)); i++) {
      await delay(100);
      inTrace = collector.spans().filter((span) => span.traceId === caller.traceId);
    }
    assert.ok(inTrace.some(isOperation), JSON.stringify(inTrace.map((span) => span.name)));
    assert.ok(inTrace.some(isRequest), JSON.stringify(inTrace.map((span) => [span.name, span.parentSpanId])));
    assert.ok(inTrace.every((span) => span.resource.attributes.some((a) => a.key === 'service.name' && a.value.stringValue === 'eticket-gateway')));
    const exported = collector.text();
    assert.ok(!exported.includes(ticketCode), 'an exported span holds the ticket code');
    assert.ok(!exported.includes('graphql.document'), 'an exported span holds a document');
  });

  test("without tracing the gateway passes no trace on: the subgraph's trace is its own", async () => {
    const caller = callerTrace();
    const before = requestEntries(tickets).length;

    const { body } = await post(untraced.graphql, 'query Market { listings(first: 1) { totalCount } }', { headers: caller.headers });

    assert.equal(typeof body.data?.listings?.totalCount, 'number', JSON.stringify(body));
    for (let i = 0; i < 100 && requestEntries(tickets).length === before; i++) await delay(100);
    const entries = requestEntries(tickets).slice(before);
    assert.ok(entries.length > 0, 'the subgraph logged no request');
    assert.ok(entries.every((entry) => entry.traceId !== caller.traceId));
  });
});
