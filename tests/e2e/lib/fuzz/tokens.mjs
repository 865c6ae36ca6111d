// Authorization headers a client should not send: forged, tampered, expired-looking, oddly spelled.
// Built from a real access token of the run, so they look like the real thing.
import { oddText } from './strings.mjs';

const b64 = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8').toString('base64url');

function parts(token) {
  const [header, payload, signature] = token.split('.');
  const decode = (part) => {
    try {
      return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    } catch {
      return {};
    }
  };
  return { header: decode(header), payload: decode(payload), headerText: header, payloadText: payload, signature: signature ?? '' };
}

/** A token shaped like `token`, changed in one way; the label says how. */
export function forgedToken(rng, token, otherId) {
  const { header, payload, headerText, payloadText, signature } = parts(token);
  const sign = (h, p, s = signature) => `${b64(h)}.${b64(p)}.${s}`;
  const variants = [
    ['role Admin, old signature', () => sign(header, { ...payload, role: 'Admin' })],
    ['another member, old signature', () => sign(header, { ...payload, sub: otherId ?? '0'.repeat(32) })],
    ['alg none', () => `${b64({ alg: 'none', typ: 'JWT' })}.${payloadText}.`],
    ['alg None, no signature part', () => `${b64({ alg: 'None' })}.${payloadText}`],
    ['alg HS512', () => sign({ ...header, alg: 'HS512' }, payload)],
    ['alg RS256', () => sign({ ...header, alg: 'RS256' }, payload)],
    ['alg ES256 with a short signature', () => sign({ ...header, alg: 'ES256' }, payload, 'AAAA')],
    ['exp in the past', () => sign(header, { ...payload, exp: 1 })],
    ['exp far in the future', () => sign(header, { ...payload, exp: 1e20 })],
    ['exp as a string', () => sign(header, { ...payload, exp: 'tomorrow' })],
    ['exp negative', () => sign(header, { ...payload, exp: -1 })],
    ['exp a float', () => sign(header, { ...payload, exp: 1.5e15 })],
    ['nbf in the future', () => sign(header, { ...payload, nbf: 4102444800 })],
    ['sub empty', () => sign(header, { ...payload, sub: '' })],
    ['sub odd text', () => sign(header, { ...payload, sub: oddText(rng) })],
    ['sub an object', () => sign(header, { ...payload, sub: { id: 1 } })],
    ['aud missing', () => sign(header, { ...payload, aud: undefined })],
    ['iss another', () => sign(header, { ...payload, iss: 'evil' })],
    ['kid path', () => sign({ ...header, kid: '../../../../dev/null' }, payload)],
    ['jku and x5u', () => sign({ ...header, jku: 'http://127.0.0.1:1/jwks', x5u: 'http://127.0.0.1:1/x5u' }, payload)],
    ['crit unknown', () => sign({ ...header, crit: ['exp'], exp: 1 }, payload)],
    ['zip DEF', () => sign({ ...header, zip: 'DEF' }, payload)],
    ['header not JSON', () => `${b64('not json')}.${payloadText}.${signature}`],
    ['payload not JSON', () => `${headerText}.${b64('not json')}.${signature}`],
    ['payload a JSON array', () => `${headerText}.${b64([1, 2])}.${signature}`],
    ['payload deeply nested', () => `${headerText}.${b64(JSON.parse(`${'{"a":'.repeat(500)}1${'}'.repeat(500)}`))}.${signature}`],
    ['signature flipped', () => `${headerText}.${payloadText}.${signature.slice(0, -2)}${signature.endsWith('A') ? 'B' : 'A'}${signature.slice(-1)}`],
    ['signature empty', () => `${headerText}.${payloadText}.`],
    ['signature huge', () => `${headerText}.${payloadText}.${'A'.repeat(6000)}`],
    ['five parts (JWE shape)', () => `${headerText}.${payloadText}.${signature}.AAAA.AAAA`],
    ['invalid base64', () => `${headerText}.${payloadText}!!.${signature}`],
    ['padded base64', () => `${headerText}==.${payloadText}=.${signature}=`],
    ['one part', () => 'abc'],
    ['dots only', () => '..'],
    ['empty', () => ''],
    ['odd text', () => oddText(rng).replace(/[\r\n]/g, '')],
    ['long', () => 'x'.repeat(rng.pick([1000, 8000, 30000]))],
  ];
  const [label, make] = rng.pick(variants);
  return { label, token: make() };
}

/** An Authorization header value (or several) that does not authenticate. */
export function forgedAuthorization(rng, tokens, otherId) {
  const token = tokens.seller;
  if (rng.chance(0.6)) {
    const { label, token: forged } = forgedToken(rng, token, otherId);
    return { label: `Bearer, ${label}`, values: [`Bearer ${forged}`] };
  }
  const variants = [
    ['scheme only', ['Bearer']],
    ['scheme and a space', ['Bearer ']],
    ['lowercase scheme', [`bearer ${token}`]],
    ['two spaces', [`Bearer  ${token}`]],
    ['a tab', [`Bearer\t${token}`]],
    ['Basic', ['Basic dXNlcjpwYXNz']],
    ['Token scheme', [`Token ${token}`]],
    ['two tokens in one header', [`Bearer ${token}, Bearer ${tokens.buyer}`]],
    ['two Authorization headers', [`Bearer ${token}`, `Bearer ${tokens.buyer}`]],
    ['a valid and an invalid header', [`Bearer ${token}`, 'Bearer x']],
    ['the refresh token', [`Bearer ${tokens.refresh}`]],
    ['non-ASCII bytes', [Buffer.from([0x42, 0x65, 0x61, 0x72, 0x65, 0x72, 0x20, 0xff, 0xfe, 0xc3, 0x28])]],
    ['UTF-8 text', [`Bearer ${'\u4e0a\u6d77\u2713'}`]],
    ['empty', ['']],
    ['trailing space', [`Bearer ${token} `]],
    ['quoted', [`Bearer "${token}"`]],
  ];
  const [label, values] = rng.pick(variants);
  return { label, values };
}
