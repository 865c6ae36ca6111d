// Tracing in the gateway (docs/running.md, "Telemetry"). Hive Gateway's OpenTelemetry plugin
// continues the client's trace (the W3C traceparent header) and passes it on to the subgraphs in
// theirs, so one trace spans the gateway and each subgraph it calls. Off unless the environment
// asks for it: nothing is loaded then, and nothing costs.

/** Span attributes that hold the operation's text, which can carry a ticket code or a phone number as a literal. */
const documentAttributes = ['graphql.document'];

/** Span attributes that hold the request's address, whose query string a GET fills with the document and variables. */
const urlAttributes = ['http.url', 'url.full', 'http.target', 'url.query'];

/**
 * The gateway's `openTelemetry` option, or undefined when tracing is off. On when
 * ETICKET_GATEWAY_TRACING is `true`; by default, whenever OTEL_EXPORTER_OTLP_ENDPOINT is set, in
 * which case the gateway's spans are exported there too (OTLP over HTTP, to `<endpoint>/v1/traces`).
 * On without an endpoint, the trace context is passed on and no span leaves the process.
 */
export async function tracing() {
  const endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const setting = process.env.ETICKET_GATEWAY_TRACING?.trim().toLowerCase();
  if (!(setting ? setting === 'true' : Boolean(endpoint))) return undefined;

  const [{ openTelemetrySetup }, { AsyncLocalStorageContextManager }] = await Promise.all([
    import('@graphql-hive/gateway/opentelemetry/setup'),
    import('@opentelemetry/context-async-hooks'),
  ]);
  let traces = {};
  if (endpoint) {
    // Reads the endpoint, headers and timeout from the standard OTEL_EXPORTER_OTLP_* variables itself.
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    traces = { exporter: new ValuesHidden(new OTLPTraceExporter()) };
  }
  openTelemetrySetup({
    // Spans follow async calls, so a subgraph request's span is the child of the operation's.
    contextManager: new AsyncLocalStorageContextManager(),
    resource: { serviceName: process.env.OTEL_SERVICE_NAME || 'eticket-gateway' },
    traces,
  });
  return { traces: true };
}

/**
 * Exports spans without the client's values: the plugin records each operation's document
 * (`graphql.document`), the full request address and error messages, any of which can hold a
 * literal ticket code. The operation's type and name, the subgraphs called, the error codes and
 * the timings remain, as the platform's own spans have them.
 */
export class ValuesHidden {
  constructor(exporter) {
    this.exporter = exporter;
  }

  export(spans, resultCallback) {
    this.exporter.export(spans.map(withoutValues), resultCallback);
  }

  shutdown() {
    return this.exporter.shutdown();
  }

  forceFlush() {
    return this.exporter.forceFlush?.() ?? Promise.resolve();
  }
}

/** A span as exporters read it (sdk-trace-base's ReadableSpan), with its values left out. */
function withoutValues(span) {
  const attributes = { ...span.attributes };
  for (const name of documentAttributes) delete attributes[name];
  for (const name of urlAttributes) {
    if (typeof attributes[name] === 'string') attributes[name] = withoutQuery(attributes[name]);
  }
  return {
    name: span.name,
    kind: span.kind,
    spanContext: () => span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    // A status message is an error's message.
    status: { code: span.status.code },
    attributes,
    links: span.links,
    events: span.events.map(({ attributes: eventAttributes, ...event }) => {
      const { 'exception.message': _message, ...kept } = eventAttributes ?? {};
      return { ...event, attributes: kept };
    }),
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

/** An address or query string with its parameters' values replaced. */
function withoutQuery(text) {
  const at = text.indexOf('?');
  const query = at < 0 ? (text.includes('=') && !text.includes('/') ? text : undefined) : text.slice(at + 1);
  if (query === undefined) return text;
  const redacted = query.split('&').map((pair) => `${pair.split('=')[0]}=Redacted`).join('&');
  return at < 0 ? redacted : `${text.slice(0, at)}?${redacted}`;
}
