// Request bodies that are not the JSON object GraphQL over HTTP asks for, or are only just: repeated
// keys, escaped lone surrogates, truncation, the wrong top-level type, byte order marks, invalid
// UTF-8, JSON syntax errors, deep nesting, parameters of the wrong type, odd numbers.
import { pairs, rawJson, toJson } from './json.mjs';
import { loneSurrogateText } from './strings.mjs';

const LONE = ['\\ud800', '\\udfff', '\\udc00\\ud800', '\\ud83d', 'x\\ude00'];

/** Escaped lone surrogate text as it appears inside a JSON string. */
const loneEscape = (rng) => rng.pick(LONE);

/**
 * A mutated body for a request object { query, variables, operationName }. Returns
 * { sub, body: Buffer } where sub names the mutation (the report groups by it).
 */
export function mutateJsonBody(rng, request) {
  const base = toJson(request);
  const sub = rng.pick(['repeated-keys', 'lone-surrogate', 'truncated', 'top-level', 'bom', 'invalid-utf8', 'syntax',
    'deep', 'parameter-types', 'numbers', 'control-characters']);
  const body = MUTATORS[sub](rng, request, base);
  return { sub, body: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8') };
}

const MUTATORS = {
  'repeated-keys': (rng, request) => {
    const variables = request.variables && Object.keys(request.variables).length ? request.variables : { v: 1 };
    const [firstKey, firstValue] = Object.entries(variables)[0];
    switch (rng.int(0, 4)) {
      case 0: return toJson(pairs([['query', request.query], ['query', '{ __typename }']]));
      case 1: return toJson(pairs([['query', request.query], ['variables', pairs([...Object.entries(variables), [firstKey, firstValue]])], ['operationName', request.operationName ?? null]]));
      case 2: return toJson(pairs([['query', request.query], ['variables', variables], ['variables', { v: 2 }]]));
      case 3: return toJson(pairs([['query', request.query], ['extensions', pairs([['a', 1], ['a', 2]])]]));
      default: return toJson({ query: request.query, variables: { ...variables, nested: pairs([['x', 1], ['x', pairs([['y', 1], ['y', 2]])]]) } });
    }
  },
  'lone-surrogate': (rng, request, base) => {
    const lone = loneEscape(rng);
    switch (rng.int(0, 5)) {
      case 0: return base.replace(/"query":"/, `"query":"${lone}`);
      case 1: return toJson({ ...request, operationName: 'X' }).replace(/"operationName":"X"/, `"operationName":"X${lone}"`);
      case 2: return toJson({ query: request.query, variables: { v: 'x' } }).replace(/"v":"x"/, `"v":"${lone}"`);
      case 3: return toJson({ query: request.query, variables: { v: 'x' } }).replace(/"v":/, `"v${lone}":`);
      case 4: return toJson({ query: request.query, extensions: { e: 'x' } }).replace(/"e":"x"/, `"e":"${lone}"`);
      default: return toJson({ query: request.query, variables: { v: [loneSurrogateText(rng)] } });
    }
  },
  truncated: (rng, request, base) => base.slice(0, rng.int(0, Math.max(0, base.length - 1))),
  'top-level': (rng, request, base) => rng.pick([`[${base}]`, `[${base},${base}]`, '[]', '[[]]', JSON.stringify(request.query),
    '1', '-1', '1e400', 'null', 'true', 'false', '""', '{}', `{"query":null}`, `${base}${base}`]),
  bom: (rng, request, base) => {
    const utf8 = Buffer.from(base, 'utf8');
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    switch (rng.int(0, 4)) {
      case 0: return Buffer.concat([bom, utf8]);
      case 1: return Buffer.concat([bom, bom, utf8]);
      case 2: return bom;
      case 3: return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(base, 'utf16le')]);
      default: return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(base, 'utf16le').swap16()]);
    }
  },
  'invalid-utf8': (rng, request, base) => {
    const utf8 = Buffer.from(base, 'utf8');
    const bad = rng.pick([[0xff], [0xfe], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe4, 0xb8], [0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]]);
    const inString = base.indexOf('"query":"') + 9;
    const at = rng.bool() && inString > 8 ? inString : rng.int(0, utf8.length);
    return Buffer.concat([utf8.subarray(0, at), Buffer.from(bad), utf8.subarray(at)]);
  },
  syntax: (rng, request, base) => rng.pick([
    base.replace(/}$/, ',}'), `/* c */${base}`, `${base}// c`, base.replace(/"/g, "'"), base.replace(/"query"/, 'query'),
    `${base} garbage`, `${base}}`, base.replace(/:/, '::'), base.replace(/^\{/, '{,'), `{"query":${JSON.stringify(request.query)},"variables":NaN}`,
    `{"query":${JSON.stringify(request.query)},"variables":undefined}`, `{"query":${JSON.stringify(request.query)} "variables":{}}`,
    ' ', '\n\t ', '', '\u0000', `${base}\u0000`, `{"query":"{ __typename }"\u0000}`, `{"query":"{ __typename }\u0001"}`,
    `{"query":"{ __typename }\\x41"}`, `{"query":"{ __typename }\\u12"}`, `{"query":"\\uZZZZ"}`,
  ]),
  deep: (rng, request) => {
    const levels = rng.pick([63, 64, 65, 66, 200, 5000, 60000]);
    const where = rng.int(0, 3);
    if (where === 0) return `${'['.repeat(levels)}${']'.repeat(levels)}`;
    if (where === 1) return toJson({ query: request.query, variables: { v: rawJson(`${'['.repeat(levels)}${']'.repeat(levels)}`) } });
    if (where === 2) return toJson({ query: request.query, extensions: { e: rawJson(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`) } });
    return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
  },
  'parameter-types': (rng, request) => {
    const wrong = rng.pick([1, -0.5, true, false, [], [request.query], {}, { query: request.query }, '', rawJson('1e400')]);
    const field = rng.pick(['query', 'variables', 'operationName', 'extensions']);
    const extra = rng.chance(0.3) ? { Query: request.query, QUERY: 1, id: 'x', documentId: 'abc', persistedQuery: {} } : {};
    return toJson({ ...request, ...extra, [field]: wrong });
  },
  numbers: (rng, request) => {
    const numbers = ['1e400', '-1e400', '-0', '1.0', '0e0', '123456789012345678901234567890', '1e-400', '2147483648', '9007199254740993',
      '-9223372036854775809', '18446744073709551616', `1${'0'.repeat(5000)}`, `0.${'1'.repeat(5000)}`];
    const variables = Object.fromEntries(Object.keys(request.variables ?? { v: 0 }).map((key) => [key, rawJson(rng.pick(numbers))]));
    return toJson({ query: request.query, variables, operationName: request.operationName ?? null });
  },
  'control-characters': (rng, request) => {
    const raw = rng.pick(['\u0000', '\u0001', '\u001f', '\u007f', '\u0085', '\u2028', '\ufeff', '\r', '\t']);
    return `{"query":"${raw}{ __typename }${raw}","variables":{"v":"${raw}"},"operationName":null}`;
  },
};

/** A JSON array of requests (GraphQL batching), small or large. */
export function batchBody(rng, requests) {
  if (rng.chance(0.2)) {
    const one = requests[0];
    return toJson(Array.from({ length: rng.pick([100, 1000, 5000]) }, () => one));
  }
  return toJson(requests);
}

