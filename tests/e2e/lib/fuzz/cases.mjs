// The fuzz cases: request #i of a run is made by makeCase(seed, i, ...) from its own generator, so
// the same seed and index give the same request (ids and tokens of the run aside). A case is
// { index, kind, transport: 'http' | 'ws', request | session, note }; `kind` groups the report and is
// what ETICKET_FUZZ_SKIP matches.
import { requestRng } from './prng.mjs';
import {
  aliasDocument, brokenDocument, deepInputDocument, deepSelectionDocument, deepSyntaxDocument, fragmentDocument,
  generateOperation, hugeListDocument,
} from './documents.mjs';
import { batchBody, mutateJsonBody } from './json-mutators.mjs';
import { isRaw, rawJson, toJson } from './json.mjs';
import { anyText, longText, loneSurrogateText, oddText } from './strings.mjs';
import { forgedAuthorization } from './tokens.mjs';
import { wsSession } from './websocket.mjs';

/** How often each kind of case comes up. */
export const WEIGHTS = {
  query: 13,
  'query-odd': 9,
  'query-wrong': 8,
  get: 6,
  mutation: 10,
  'mutation-odd': 6,
  unicode: 5,
  huge: 3,
  deep: 4,
  aliases: 2,
  directives: 2,
  batch: 1.5,
  json: 8,
  media: 5,
  auth: 5,
  wire: 3,
  ws: 10,
  sse: 2,
};

/**
 * The first requests of every run walk through these, so each kind (and each way of breaking the
 * transport) is tried whatever the seed and however short the run.
 */
export const TOUR = [
  ...Object.keys(WEIGHTS),
  'json/repeated-keys', 'json/lone-surrogate', 'huge/or-list', 'huge/long-string', 'deep/input', 'deep/fragments',
  'wire/chunked-malformed', 'wire/length-too-long', 'wire/reset', 'wire/stall', 'unicode/lone-surrogate-literal',
];

const ACCEPTS = ['application/graphql-response+json', 'application/json', null, '*/*',
  'application/graphql-response+json, application/json;q=0.9'];

export function makeCase(seed, index, model, ctx) {
  const rng = requestRng(seed, index);
  const chosen = index < TOUR.length ? TOUR[index] : rng.weighted(WEIGHTS);
  const [kind, forced] = chosen.split('/');
  const made = KINDS[kind](rng, model, ctx, forced);
  return { index, ...made, kind: `${made.transport === 'ws' ? 'ws' : kind}/${made.sub ?? forced ?? 'any'}` };
}

// ---------------------------------------------------------------- building HTTP requests

/**
 * encodeURIComponent that does not refuse lone surrogates: it writes them as the three bytes
 * UTF-8 would (ED A0 80 for U+D800), which is not valid UTF-8, so the server has to cope.
 */
export function percentEncode(text) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text[i] + text[i + 1]);
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(text[i]);
    }
  }
  return out;
}

function authorization(rng, ctx, who) {
  const role = who ?? rng.weighted({ none: 5, seller: 2, buyer: 2, admin: 1 });
  return role === 'none' ? [] : [['Authorization', `Bearer ${ctx.tokens[role]}`]];
}

function accept(rng) {
  const value = rng.pick(ACCEPTS);
  return value === null ? [] : [['Accept', value]];
}

/** POST /graphql with a JSON body (a Buffer, or a value written with toJson). */
function post(rng, ctx, body, { headers, who, contentType = 'application/json' } = {}) {
  const buffer = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : toJson(body), 'utf8');
  return {
    method: 'POST',
    target: '/graphql',
    headers: [...(contentType === null ? [] : [['Content-Type', contentType]]), ...accept(rng), ...authorization(rng, ctx, who), ...(headers ?? [])],
    body: buffer,
  };
}

function requestBody({ query, variables, operationName, extensions }) {
  const body = { query };
  if (variables !== undefined) body.variables = variables;
  if (operationName !== undefined && operationName !== null) body.operationName = operationName;
  if (extensions !== undefined) body.extensions = extensions;
  return body;
}

function http(request, extra = {}) {
  return { transport: 'http', request, ...extra };
}

// ---------------------------------------------------------------- the kinds

const KINDS = {
  query(rng, model, ctx) {
    const op = generateOperation(rng, model, ctx, {
      mode: 'valid', depth: rng.int(1, 4), rootFields: rng.int(1, 3), aliases: 0.1, fragments: 0.15, directives: 0.05,
    });
    return http(post(rng, ctx, requestBody(op)));
  },

  'query-odd'(rng, model, ctx) {
    const op = generateOperation(rng, model, ctx, { mode: 'odd', depth: rng.int(1, 3), rootFields: rng.int(1, 2), fragments: 0.1 });
    return http(post(rng, ctx, requestBody(op)));
  },

  'query-wrong'(rng, model, ctx) {
    const operation = rng.weighted({ query: 6, mutation: 2, subscription: 1 });
    const op = rng.chance(0.1) ? { query: brokenDocument(rng) }
      : generateOperation(rng, model, ctx, { operation, mode: 'wrong', depth: rng.int(0, 3), rootFields: rng.int(1, 2), fragments: 0.1, directives: 0.1 });
    return http(post(rng, ctx, requestBody(op), { who: operation === 'mutation' ? rng.pick(['seller', 'buyer', 'none']) : undefined }));
  },

  get(rng, model, ctx) {
    const operation = rng.weighted({ query: 8, mutation: 1, subscription: 1 });
    const op = generateOperation(rng, model, ctx, { operation, mode: rng.weighted({ valid: 3, odd: 1, wrong: 1 }), depth: rng.int(1, 3) });
    const params = [['query', op.query]];
    if (op.variables) params.push(['variables', toJson(op.variables)]);
    if (op.operationName) params.push(['operationName', op.operationName]);
    let sub = 'params';
    let target = `/graphql?${params.map(([key, value]) => `${key}=${percentEncode(value)}`).join('&')}`;
    if (rng.chance(0.4)) {
      sub = 'odd-query-string';
      target = rng.pick([
        `${target}&query=${percentEncode('{ __typename }')}`,
        `${target}&variables=${percentEncode('{"a":1,"a":2}')}`,
        `${target}&variables=${percentEncode('[1]')}`,
        `${target}&variables=%7B%22v%22%3A%22%ED%A0%80%22%7D`,
        `${target}&variables=${percentEncode('{"v":"\\ud800"}')}`,
        `${target}&extensions=${percentEncode('{"e":"\\udfff"}')}`,
        `${target}&operationName=%ED%A0%80`,
        `${target}&operationName=${percentEncode('\\ud800')}`,
        `/graphql?query=%7B%20__typename%20%FF%20%7D`,
        `/graphql?query=%7B%20__typename%20%7D%00`,
        `/graphql?query=%zz`,
        '/graphql?query=',
        '/graphql?query',
        '/graphql?=&&&=',
        '/graphql?query[]=x',
        `/graphql?query=${percentEncode('{ __typename }')}&variables=${percentEncode(`${'['.repeat(100)}${']'.repeat(100)}`)}`,
        `/graphql?query=${percentEncode('{ __typename }')}&variables=${percentEncode(`{"v":${'{"a":'.repeat(70)}1${'}'.repeat(70)}}`)}`,
        `/graphql?query=${percentEncode('{ __typename }')}&x=${'a'.repeat(rng.pick([4000, 9000]))}`,
        `/graphql?QUERY=${percentEncode('{ __typename }')}`,
        `/graphql?query=${percentEncode('{ __typename }')}#fragment`,
        `/graphql?query=${percentEncode('{ __typename }')};variables={}`,
        `/graphql?query=${percentEncode(`{ __typename(a: "${loneSurrogateText(rng)}") }`)}`,
      ]);
    }
    const headers = [...accept(rng), ...authorization(rng, ctx)];
    if (rng.chance(0.1)) headers.push(['Accept', 'text/html']);
    return http({ method: rng.chance(0.05) ? 'HEAD' : 'GET', target, headers, body: null }, { sub });
  },

  mutation(rng, model, ctx) {
    const op = generateOperation(rng, model, ctx, { operation: 'mutation', mode: 'valid', depth: rng.int(1, 3), rootFields: rng.chance(0.85) ? 1 : 2 });
    return http(post(rng, ctx, requestBody(op), { who: rng.weighted({ seller: 4, buyer: 4, admin: 2, none: 2 }) }));
  },

  'mutation-odd'(rng, model, ctx) {
    const op = generateOperation(rng, model, ctx, { operation: 'mutation', mode: rng.pick(['odd', 'wrong']), depth: rng.int(1, 2) });
    return http(post(rng, ctx, requestBody(op), { who: rng.weighted({ seller: 3, buyer: 3, admin: 1, none: 2 }) }));
  },

  unicode(rng, model, ctx, forced) {
    const sub = forced ?? rng.pick(['lone-surrogate-literal', 'odd-variables', 'operation-name', 'comment', 'variable-key', 'raw-text']);
    const operation = rng.weighted({ query: 3, mutation: 1 });
    const op = generateOperation(rng, model, ctx, { operation, mode: 'odd', depth: 2, rawSurrogates: sub === 'lone-surrogate-literal', variables: sub === 'odd-variables' ? 1 : 0.3 });
    let body = requestBody(op);
    if (sub === 'lone-surrogate-literal') {
      // An argument literal with a lone surrogate, unescaped in the GraphQL text (JSON escapes it).
      const target = model.fields(model.roots.query).find((field) => field.args.some((arg) => String(arg.type).startsWith('String')));
      const arg = target?.args.find((a) => String(a.type).startsWith('String'));
      if (target && rng.bool()) body = { query: `{ ${target.name}(${arg.name}: "${loneSurrogateText(rng).replace(/["\\]/g, '')}") { __typename } }` };
    } else if (sub === 'operation-name') {
      body = { ...body, operationName: rng.bool() ? loneSurrogateText(rng) : oddText(rng) };
    } else if (sub === 'comment') {
      body = { ...body, query: `# ${oddText(rng)}\n${body.query}\n# ${loneSurrogateText(rng)}` };
    } else if (sub === 'variable-key') {
      body = { ...body, variables: { ...(body.variables ?? {}), [oddText(rng)]: anyText(rng), [loneSurrogateText(rng)]: 1 } };
    } else if (sub === 'raw-text') {
      body = { query: `{ __typename ${oddText(rng)} }` };
    }
    return http(post(rng, ctx, body, { who: operation === 'mutation' ? rng.pick(['seller', 'buyer']) : undefined }), { sub });
  },

  huge(rng, model, ctx, forced) {
    const sub = forced ?? rng.pick(['or-list', 'or-list-literal', 'long-string', 'big-list', 'many-variables', 'long-document', 'long-names']);
    const limit = ctx.limits.maxRequestBytes;
    let body;
    let note;
    if (sub === 'or-list' || sub === 'or-list-literal') {
      const literal = sub === 'or-list-literal';
      // The tour's one is as large as the body limit allows; others vary.
      let count = literal ? rng.pick([100, 400, 800]) : forced ? 12000 : rng.pick([1000, 3000, 6000, 12000]);
      let doc = hugeListDocument(rng, model, ctx, { count, asVariable: !literal });
      // Keep it under the body limit: a 413 would test nothing here.
      while (doc && Buffer.byteLength(toJson(requestBody(doc))) > limit * 0.97 && count > 50) {
        count = Math.floor(count * 0.85);
        doc = hugeListDocument(rng, model, ctx, { count, asVariable: !literal });
      }
      if (!doc) return KINDS.query(rng, model, ctx);
      body = requestBody(doc);
      note = doc.note;
    } else if (sub === 'long-string') {
      const op = generateOperation(rng, model, ctx, { operation: rng.pick(['query', 'mutation']), mode: 'valid', variables: 1, depth: 1 });
      const size = rng.pick([20_000, 100_000, Math.floor(limit * 0.9)]);
      body = requestBody({ ...op, variables: inflateStrings(op.variables ?? {}, size, rng) });
      note = `strings of ${size} characters in the variables`;
    } else if (sub === 'big-list') {
      const op = generateOperation(rng, model, ctx, { mode: 'valid', variables: 1, depth: 1, rootFields: 2 });
      const size = rng.pick([1000, 10000, 30000]);
      body = requestBody({ ...op, variables: inflateLists(op.variables ?? {}, size) });
      note = `lists of ${size} items in the variables`;
    } else if (sub === 'many-variables') {
      const count = rng.pick([1000, 10000]);
      body = { query: '{ __typename }', variables: Object.fromEntries(Array.from({ length: count }, (_, i) => [`v${i}`, i])) };
      note = `${count} unused variables`;
    } else if (sub === 'long-document') {
      const length = rng.pick([16_383, 16_384, 16_385, 100_000, Math.floor(limit * 0.9)]);
      const filler = rng.pick([' ', '#', ',', '\n']);
      const core = '{ __typename }';
      body = { query: filler === '#' ? `${core}\n#${'x'.repeat(length - core.length - 2)}` : `${core}${filler.repeat(length - core.length)}` };
      note = `document of ${length} characters`;
    } else {
      const name = 'n'.repeat(rng.pick([1000, 10_000, 100_000]));
      body = rng.pick([
        { query: `query ${name} { __typename }`, operationName: name },
        { query: `{ ${name}: __typename }` },
        { query: `query ($${name}: Int) { __typename }`, variables: { [name]: 1 } },
        { query: `{ ${name} }` },
      ]);
      note = `names of ${name.length} characters`;
    }
    return http(post(rng, ctx, body), { sub, note });
  },

  deep(rng, model, ctx, forced) {
    const sub = forced ?? rng.pick(['input', 'input-literal', 'selection', 'syntax', 'fragments']);
    let doc;
    if (sub === 'input') doc = deepInputDocument(rng, model, ctx, { levels: rng.pick([5, 15, 30, 31, 32, 40]), asVariable: true });
    else if (sub === 'input-literal') doc = deepInputDocument(rng, model, ctx, { levels: rng.pick([10, 40, 60, 63, 64, 65, 100, 1000]), asVariable: false });
    else if (sub === 'selection') doc = deepSelectionDocument(rng, model, ctx, { levels: rng.pick([11, 12, 13, 20, 60, 130]) });
    else if (sub === 'syntax') doc = deepSyntaxDocument(rng, model, { levels: rng.pick([100, 127, 128, 129, 500, 4000]) });
    else doc = fragmentDocument(rng, model, { length: rng.pick([2, 3, 10, 100, 500]) });
    if (!doc) return KINDS.query(rng, model, ctx);
    return http(post(rng, ctx, requestBody(doc)), { sub, note: doc.note });
  },

  aliases(rng, model, ctx) {
    const doc = aliasDocument(rng, model, ctx, { count: rng.pick([29, 30, 31, 100, 1000]) });
    return http(post(rng, ctx, requestBody(doc)), { note: doc.note });
  },

  directives(rng, model, ctx) {
    const op = generateOperation(rng, model, ctx, { mode: rng.pick(['valid', 'wrong']), depth: 2, directives: 0.6, fragments: 0.3 });
    return http(post(rng, ctx, requestBody(op)));
  },

  batch(rng, model, ctx) {
    const requests = Array.from({ length: rng.int(1, 5) }, () => requestBody(generateOperation(rng, model, ctx, { depth: 1 })));
    return http(post(rng, ctx, batchBody(rng, requests)));
  },

  json(rng, model, ctx, forced) {
    const op = generateOperation(rng, model, ctx, { mode: 'valid', depth: 1, variables: 0.8 });
    let { sub, body } = mutateJsonBody(rng, requestBody(op));
    while (forced && sub !== forced) ({ sub, body } = mutateJsonBody(rng, requestBody(op)));
    return http(post(rng, ctx, body), { sub });
  },

  media(rng, model, ctx) {
    const op = generateOperation(rng, model, ctx, { mode: 'valid', depth: 1 });
    const body = Buffer.from(toJson(requestBody(op)));
    const sub = rng.pick(['content-type', 'accept', 'method', 'path', 'headers']);
    const request = post(rng, ctx, body);
    if (sub === 'content-type') {
      const contentType = rng.pick([null, 'text/plain', 'application/json; charset=utf-16', 'application/json; charset=UTF-8',
        'application/json; charset="utf-8"', 'application/json;;', 'application/json; charset=', 'application/graphql',
        'application/graphql-response+json', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded',
        'APPLICATION/JSON', 'application/json ; charset = utf-8', 'application/*', '*/*', 'application/json, text/plain',
        'application/json; charset=latin1', 'application/json; boundary=\u00e9', `application/json; ${'p=1;'.repeat(500)}`,
        '\u00e9\u00e9', 'application/json; charset=utf-8; charset=utf-16', 'application/jsonx', 'json']);
      request.headers = request.headers.filter(([name]) => name !== 'Content-Type');
      if (contentType !== null) request.headers.push(['Content-Type', contentType]);
      if (contentType === 'application/x-www-form-urlencoded') request.body = Buffer.from(`query=${percentEncode(op.query)}`);
    } else if (sub === 'accept') {
      request.headers = request.headers.filter(([name]) => name !== 'Accept');
      request.headers.push(['Accept', rng.pick(['text/html', 'application/xml', 'application/json;q=0', '*/*;q=0',
        'application/graphql-response+json;q=abc', 'application/json;q=1.5', 'application/json;q=-1', 'text/event-stream;q=0.5, application/json',
        'text/event-stream, application/graphql-response+json', ',,,', ';', 'application/json; charset=utf-16',
        'application/graphql-response+json; charset=latin1', `${'application/json, '.repeat(200)}text/html`, '\u00e9', 'image/*', '*/json'])]);
    } else if (sub === 'method') {
      request.method = rng.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'FOO', 'get', 'post', 'PROPFIND', 'CONNECT']);
      if (request.method === 'CONNECT') request.target = '127.0.0.1:1';
    } else if (sub === 'path') {
      request.target = rng.pick(['/graphql/', '/GRAPHQL', '/graphql%00', '/graphql/../graphql', '//graphql', '/graphql;x', '/graphql?',
        '/graphql?query=%7B__typename%7D', '/graphql/%2e%2e/graphql', '/%67raphql', '/graphql\u00e9', '/graphql/ide/../', '*',
        `/graphql?${'a=1&'.repeat(2000)}`, '/graphql?%ED%A0%80=1', 'http://example.com/graphql', '/graphql#x', '/graphql%2F']);
    } else {
      request.headers.push(...rng.pick([
        [['X-Forwarded-For', rng.pick(['1.2.3.4', 'garbage', '::1, ::1', '999.999.999.999', oddText(rng).replace(/[\r\n]/g, '')])]],
        [['X-Forwarded-Proto', 'gopher'], ['X-Forwarded-Host', 'evil']],
        [['Expect', '100-continue']],
        [['Expect', 'nothing']],
        [['Connection', 'Upgrade'], ['Upgrade', 'websocket']],
        [['Upgrade', 'h2c'], ['HTTP2-Settings', 'AAMAAABkAARAAAAAAAIAAAAA']],
        [['Content-Encoding', 'gzip']],
        [['Content-Encoding', 'br']],
        [['Transfer-Encoding', 'identity']],
        [['Accept-Charset', 'utf-16']],
        [['Accept-Encoding', 'gzip, br, *']],
        [['Origin', 'null']],
        [['Cookie', `${'a=b; '.repeat(500)}`]],
        [['X-Huge', 'x'.repeat(rng.pick([8000, 40000]))]],
        Array.from({ length: 120 }, (_, i) => [`X-H${i}`, String(i)]),
        [['Host', '']],
        [['Host', 'a'], ['Host', 'b']],
        [['X-Latin1', Buffer.from([0xe9, 0xff, 0x80])]],
        [['Traceparent', '00-zzzz-yyyy-01']],
        [['Traceparent', `00-${'0'.repeat(32)}-${'0'.repeat(16)}-01`]],
        [['Baggage', `${'k=v,'.repeat(2000)}`]],
        [['Content-Length', '-1']],
      ]));
    }
    return http(request, { sub });
  },

  auth(rng, model, ctx) {
    const op = generateOperation(rng, model, ctx, { operation: rng.pick(['query', 'query', 'mutation']), mode: 'valid', depth: 1 });
    const { label, values } = forgedAuthorization(rng, ctx.tokens, ctx.slots.member?.[0]);
    const request = post(rng, ctx, requestBody(op), { who: 'none' });
    request.headers.push(...values.map((value) => ['Authorization', value]));
    if (rng.chance(0.2)) {
      request.method = 'GET';
      request.target = `/graphql?query=${percentEncode('{ me { id } }')}`;
      request.body = null;
    }
    return http(request, { sub: label.split(',')[0] === 'Bearer' ? 'forged-token' : 'odd-header', note: label });
  },

  wire(rng, model, ctx, forced) {
    const op = generateOperation(rng, model, ctx, { mode: 'valid', depth: 1 });
    const body = Buffer.from(toJson(requestBody(op)));
    const sub = forced ?? rng.pick(['chunked', 'chunked-malformed', 'length-too-long', 'length-too-short', 'length-and-chunked',
      'length-odd', 'trickle', 'half-close', 'reset', 'expect-continue', 'http10', 'no-host', 'absolute-form', 'bare-lf',
      'h2-preface', 'websocket-handshake', 'pipelined', 'huge-declared-length']);
    const base = post(rng, ctx, body);
    const request = { ...base, framing: 'length' };
    switch (sub) {
      case 'chunked':
        request.framing = 'chunked';
        request.pieces = rng.int(1, 3);
        break;
      case 'chunked-malformed': {
        request.framing = 'none';
        request.headers.push(['Transfer-Encoding', 'chunked']);
        const size = body.length.toString(16);
        request.body = Buffer.from(rng.pick([
          `zz\r\n${body}\r\n0\r\n\r\n`,
          `${size};ext=1\r\n${body}\r\n0\r\n\r\n`,
          `${size}\r\n${body}0\r\n\r\n`,
          `${(body.length + 10).toString(16)}\r\n${body}\r\n0\r\n\r\n`,
          `-1\r\n${body}\r\n0\r\n\r\n`,
          `ffffffffffffffff\r\n${body}\r\n`,
          `${size}\r\n${body}\r\n`,
          `${size}\r\n${body}\r\n0\r\nX-Trailer: 1\r\n\r\n`,
          `${size} \r\n${body}\r\n0\r\n\r\n`,
          `0x${size}\r\n${body}\r\n0\r\n\r\n`,
          `${size}\n${body}\n0\n\n`,
          `1\r\n${body.subarray(0, 1)}\r\n${'1\r\nx\r\n'.repeat(2000)}0\r\n\r\n`,
        ]));
        request.after = 'half-close';
        break;
      }
      case 'length-too-long':
        request.headers.push(['Content-Length', String(body.length + rng.int(1, 1000))]);
        request.after = 'half-close';
        break;
      case 'length-too-short':
        request.headers.push(['Content-Length', String(Math.max(0, body.length - rng.int(1, 20)))]);
        break;
      case 'length-and-chunked':
        request.framing = 'chunked';
        request.headers.push(['Content-Length', String(body.length)]);
        break;
      case 'length-odd':
        request.framing = 'none';
        request.headers.push(...rng.pick([[['Content-Length', 'abc']], [['Content-Length', '1e3']], [['Content-Length', `${body.length}`], ['Content-Length', `${body.length + 1}`]],
          [['Content-Length', ` ${body.length}`]], [['Content-Length', '99999999999999999999']], [['Content-Length', '+5']]]));
        request.after = 'half-close';
        break;
      case 'trickle':
        request.pieces = rng.int(3, 6);
        request.pauseMs = rng.int(5, 30);
        break;
      case 'half-close':
        request.after = 'half-close';
        break;
      case 'reset':
        request.framing = 'none';
        request.headers.push(['Content-Length', String(body.length * 2)]);
        request.after = 'reset';
        break;
      case 'stall':
        // Half the body, then silence: the server must give up reading (Kestrel's minimum data rate) and answer.
        request.after = 'stall';
        break;
      case 'expect-continue':
        request.headers.push(['Expect', '100-continue']);
        break;
      case 'http10':
        request.protocol = 'HTTP/1.0';
        break;
      case 'no-host':
        request.headers.push(['Host', '']);
        break;
      case 'absolute-form':
        request.target = rng.pick(['http://127.0.0.1/graphql', 'http://evil.example/graphql', 'https://x:1/graphql?query=x']);
        break;
      case 'bare-lf':
        request.raw = Buffer.from(`POST /graphql HTTP/1.1\nHost: x\nContent-Type: application/json\nContent-Length: ${body.length}\nConnection: close\n\n${body}`);
        break;
      case 'h2-preface':
        request.raw = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\u0000\u0000\u0000\u0004\u0000\u0000\u0000\u0000\u0000', 'latin1');
        break;
      case 'websocket-handshake':
        request.method = 'GET';
        request.body = null;
        request.headers = [['Connection', 'Upgrade'], ['Upgrade', 'websocket'], ...rng.pick([
          [['Sec-WebSocket-Version', '13']],
          [['Sec-WebSocket-Version', '12'], ['Sec-WebSocket-Key', 'dGhlIHNhbXBsZSBub25jZQ==']],
          [['Sec-WebSocket-Version', '13'], ['Sec-WebSocket-Key', 'short']],
          [['Sec-WebSocket-Version', '13'], ['Sec-WebSocket-Key', 'dGhlIHNhbXBsZSBub25jZQ=='], ['Sec-WebSocket-Protocol', 'graphql-transport-ws, graphql-transport-ws']],
          [['Sec-WebSocket-Version', '13'], ['Sec-WebSocket-Key', 'dGhlIHNhbXBsZSBub25jZQ=='], ['Sec-WebSocket-Protocol', oddText(rng).replace(/[\r\n]/g, '')]],
          [['Sec-WebSocket-Version', '13'], ['Sec-WebSocket-Key', 'dGhlIHNhbXBsZSBub25jZQ=='], ['Sec-WebSocket-Extensions', 'permessage-deflate; client_max_window_bits=99; server_max_window_bits=1']],
        ])];
        break;
      case 'pipelined':
        request.headers.push(['Connection', 'keep-alive']);
        request.trailer = Buffer.from(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n{"q":`);
        request.after = 'half-close';
        break;
      default:
        request.headers.push(['Content-Length', String(ctx.limits.maxRequestBytes * 100)]);
        request.framing = 'none';
        request.after = 'half-close';
    }
    return http(request, { sub });
  },

  ws(rng, model, ctx) {
    return { transport: 'ws', session: wsSession(rng, model, ctx) };
  },

  sse(rng, model, ctx) {
    const operation = rng.weighted({ subscription: 3, query: 2, mutation: 1 });
    const op = generateOperation(rng, model, ctx, { operation, mode: rng.weighted({ valid: 3, odd: 1, wrong: 1 }), depth: rng.int(1, 3) });
    // Numbers JavaScript cannot hold (1e400) in the variables, used or not.
    if (rng.chance(0.15)) op.variables = { ...(op.variables ?? {}), [rng.pick(['x', Object.keys(op.variables ?? {})[0] ?? 'y'])]: rawJson(rng.pick(['1e400', '-1e400', '1e-400', '123456789012345678901234567890'])) };
    const who = rng.weighted({ none: 2, seller: 1, buyer: 1, forged: 1 });
    const headers = [['Accept', rng.pick(['text/event-stream', 'text/event-stream, application/json;q=0.5', 'text/event-stream;q=1, application/json;q=1'])]];
    if (who === 'forged') headers.push(['Authorization', forgedAuthorization(rng, ctx.tokens).values[0]]);
    else if (who !== 'none') headers.push(['Authorization', `Bearer ${ctx.tokens[who]}`]);
    if (rng.chance(0.1)) headers.push(['Last-Event-ID', oddText(rng).replace(/[\r\n]/g, '')]);
    if (operation !== 'mutation' && rng.chance(0.3)) {
      const params = [['query', op.query], ...(op.variables ? [['variables', toJson(op.variables)]] : [])];
      return http({ method: 'GET', target: `/graphql?${params.map(([k, v]) => `${k}=${percentEncode(v)}`).join('&')}`, headers, body: null }, { sub: 'get' });
    }
    return http({ method: 'POST', target: '/graphql', headers: [['Content-Type', 'application/json'], ...headers], body: Buffer.from(toJson(requestBody(op))) }, { sub: 'post' });
  },
};

/** Every string in a variables value made `size` characters long. */
function inflateStrings(value, size, rng) {
  if (typeof value === 'string') return longText(rng, size).padEnd(size, 'x');
  if (Array.isArray(value)) return value.map((item) => inflateStrings(item, size, rng));
  if (value && typeof value === 'object' && !isRaw(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inflateStrings(v, size, rng)]));
  return value;
}

/** Every list in a variables value made `size` items long (repeating its first item), and a list where there is none. */
function inflateLists(value, size) {
  if (Array.isArray(value)) return Array.from({ length: size }, (_, i) => value[i % Math.max(1, value.length)] ?? 1);
  if (value && typeof value === 'object' && !isRaw(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inflateLists(v, size)]));
  return value;
}

