// Odd text and odd scalars: what a careless or hostile client may put where the schema expects a
// string, a number, a decimal or a date-time. Everything here is a JavaScript string or number;
// lone surrogates survive JSON.stringify as \udXXX escapes, which is how they reach the server.

const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', 'a\ud83d', '\ude00b', '\udc00\ud800'];

const ODD_PIECES = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u001f\u007f',
  '\t\r\n',
  '\u2028\u2029',
  'e\u0301\u0301\u0301\u0301',
  'Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035a\u035b',
  '\u202eevil\u202c',
  '\u200f\u05e9\u05dc\u05d5\u05dd\u200e',
  '\u0645\u0631\u062d\u0628\u0627',
  '\u0661\u0662\u0660',
  '\uff21\uff22\uff23\uff11\uff12\uff10',
  '\uff10\uff0e\uff15',
  '\ud83d\ude00',
  '\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67\u200d\ud83d\udc66',
  '\ud83c\uddfa\ud83c\uddf3',
  '\ud840\udc00',
  '\ufeff',
  '\ufffe\uffff',
  '\ufffd',
  '\ue000\uf8ff',
  '\u200b\u200c\u200d',
  '\u0130\u0131\u00df\u1e9e',
  '\u4e0a\u6d77',
  '\u6f14\u5531\u4f1a',
  '\u3042\u30a2',
  'null',
  'undefined',
  '%s%n%x',
  '{{7*7}}',
  '${jndi:ldap://x}',
  "'; DROP TABLE Listings; --",
  '" OR 1=1 --',
  '\\',
  '\\u0000',
  '%00',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '*',
  '%',
  '_',
  '[',
  'NaN',
  '-0',
];

/** A short ordinary word, ASCII or Chinese. */
export function plainText(rng) {
  return rng.pick(['Stadium', 'concert', 'Film', 'ticket', 'Shanghai', '\u4e0a\u6d77', '\u5317\u4eac',
    '\u7535\u5f71\u7968', 'Row 5 Seat 12', 'E2E', 'a', 'zz']);
}

/** A string chosen to be odd: control characters, combining marks, RTL, emoji, full-width, lone surrogates. */
export function oddText(rng) {
  const parts = [];
  const count = rng.int(1, 4);
  for (let i = 0; i < count; i++) {
    const roll = rng.next();
    if (roll < 0.2) parts.push(rng.pick(LONE_SURROGATES));
    else if (roll < 0.85) parts.push(rng.pick(ODD_PIECES));
    else parts.push(plainText(rng));
  }
  return parts.join('');
}

/** A long string: repeated odd or plain text, up to `max` UTF-16 units. */
export function longText(rng, max = 20_000) {
  const unit = rng.bool() ? plainText(rng) : rng.pick(ODD_PIECES.filter(Boolean)) || 'x';
  const length = rng.pick([101, 256, 1025, 4097, max]);
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Any string: mostly plain, sometimes odd, sometimes long. */
export function anyText(rng) {
  const roll = rng.next();
  if (roll < 0.45) return plainText(rng);
  if (roll < 0.9) return oddText(rng);
  return longText(rng, 5000);
}

/** Text that contains a lone surrogate (escaped as \udXXX once JSON.stringify writes it). */
export function loneSurrogateText(rng) {
  return `${plainText(rng)}${rng.pick(LONE_SURROGATES)}${rng.bool() ? plainText(rng) : ''}`;
}

/** Numbers at and past the edges of GraphQL's Int and of JavaScript's safe integers. */
export const ODD_INTS = [0, -1, 1, 5, 20, 100, 101, 2147483647, -2147483648, 2147483648, -2147483649,
  4294967296, 9007199254740991, 9007199254740993, 1e20, -1e20, 1.5, 1e308];

/** Decimal (money) inputs: valid, at the edges of System.Decimal, and not numbers at all. */
export const ODD_DECIMALS = ['0', '0.01', '1', '100', '120', '120.5', '120.50', '99999999', '-1', '-0', '0.001',
  '1e3', '1E+2', '+5', ' 5', '5 ', '1,000', '1_000', '0x10', 'NaN', 'Infinity', '-Infinity', '',
  '79228162514264337593543950335', '79228162514264337593543950336', '-79228162514264337593543950336',
  '0.0000000000000000000000000001', '0.00000000000000000000000000001', '7922816251426433759354395033.5',
  '9'.repeat(60), `0.${'0'.repeat(60)}1`, `1${'0'.repeat(400)}`, '\uff11\uff12\uff10', '\u0661\u0662\u0660', '١٢٠.٥٠'];

/** DateTime inputs: valid ISO-8601, without an offset, at and past the ends of DateTime, not dates at all. */
export const ODD_DATES = ['2030-01-01T12:00:00Z', '2030-01-01T12:00:00+08:00', '2020-01-01T00:00:00Z',
  '2030-01-01T12:00:00', '2030-01-01', '0001-01-01T00:00:00Z', '0001-01-01T00:00:00+14:00',
  '9999-12-31T23:59:59Z', '9999-12-31T23:59:59-14:00', '9999-12-31T23:59:59.9999999-14:00', '10000-01-01T00:00:00Z',
  '2030-02-30T00:00:00Z', '2030-13-01T00:00:00Z', '2030-01-01T25:00:00Z', '2030-01-01T12:00:00+99:00',
  '2030-01-01T12:00:00+14:01', '1970-01-01T00:00:00Z', '-0001-01-01T00:00:00Z', '2030-01-01T12:00:00.123456789Z',
  'now', 'yesterday', '', '1893456000', '2030-W01-1T00:00:00Z', '\uff12\uff10\uff13\uff10-01-01T00:00:00Z'];

/** A valid date-time some days from now, fixed per run (the fuzz must not depend on the clock's value). */
export function futureDate(rng) {
  const day = rng.int(30, 300);
  return new Date(Date.UTC(2030, 0, 1) + day * 86_400_000).toISOString();
}
