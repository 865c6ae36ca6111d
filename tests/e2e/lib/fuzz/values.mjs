// Argument and variable values generated from input types: valid ones (names hint at what a field
// wants: a listing id, a phone number, a price), odd ones (right type, odd content) and wrong ones
// (the wrong kind of value, nulls for non-null, unknown fields). IDs come from the run's own data
// (`slots`), so mutations reach real listings and orders.
import { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType } from './schema.mjs';
import { anyText, futureDate, longText, loneSurrogateText, oddText, plainText, ODD_DATES, ODD_DECIMALS, ODD_INTS } from './strings.mjs';
import { isPairs, isRaw, pairEntries, pairs, rawJson, rawText } from './json.mjs';

const hex = (rng, length) => Array.from({ length }, () => rng.int(0, 15).toString(16)).join('');

/** A value that is the wrong kind for anything, or odd for everything. */
export function wrongValue(rng) {
  switch (rng.int(0, 13)) {
    case 0: return null;
    case 1: return rng.bool();
    case 2: return rng.pick(ODD_INTS);
    case 3: return rawJson(rng.pick(['1e400', '-1e400', '-0', '1.0', '1E2', '0.1e-400', '123456789012345678901234567890', '-9'.padEnd(40, '9')]));
    case 4: return oddText(rng);
    case 5: return [];
    case 6: return {};
    case 7: return [rng.pick(ODD_INTS), oddText(rng)];
    case 8: return { [plainText(rng)]: oddText(rng) };
    case 9: return rng.pick(ODD_DECIMALS);
    case 10: return rng.pick(ODD_DATES);
    case 11: return loneSurrogateText(rng);
    case 12: return pairs([['eq', 'a'], ['eq', 'b']]);
    default: return longText(rng, 3000);
  }
}

/** An id of the run's data for an argument or input field named `name` (the owner field's name helps: `listing(id:)`). */
function slotId(rng, ctx, name, owner) {
  const hint = `${owner ?? ''} ${name ?? ''}`.toLowerCase();
  const kind = /wanted/.test(hint) ? 'wanted' : /listing/.test(hint) ? 'listing' : /order/.test(hint) ? 'order'
    : /member|^me\b/.test(hint) ? 'member' : rng.pick(['listing', 'order', 'member', 'wanted']);
  const ids = ctx.slots?.[kind] ?? [];
  const roll = rng.next();
  if (ids.length && roll < 0.7) return rng.pick(ids);
  if (roll < 0.8) return hex(rng, 32);
  if (roll < 0.9) return rng.pick(['', '0', '-1', 'null', hex(rng, 31), hex(rng, 33), hex(rng, 32).toUpperCase(), `${hex(rng, 30)}zz`]);
  return oddText(rng);
}

/** A cursor: one the run was given, one taken apart and changed, or something that only looks like one. */
export function cursorValue(rng, ctx) {
  const given = ctx.slots?.cursor ?? [];
  const roll = rng.next();
  if (given.length && roll < 0.4) return rng.pick(given);
  if (given.length && roll < 0.8) {
    let parts;
    try {
      parts = JSON.parse(Buffer.from(rng.pick(given), 'base64url').toString('utf8'));
    } catch {
      parts = ['x', '1'];
    }
    if (!Array.isArray(parts)) parts = [parts];
    const index = rng.int(0, Math.max(0, parts.length - 1));
    const replacement = rng.pick([null, '', '-1', '0', '99999999999999999999', '3155378975999999999', '3155378976000000000',
      '79228162514264337593543950336', '-79228162514264337593543950335', '1e5', 'NaN', oddText(rng), longText(rng, 2000),
      hex(rng, 32), 12, [], {}]);
    const changed = rng.chance(0.2) ? [...parts, replacement] : parts.map((part, i) => (i === index ? replacement : part));
    return Buffer.from(JSON.stringify(changed), 'utf8').toString(rng.bool() ? 'base64url' : 'base64');
  }
  if (roll < 0.9) return Buffer.from(rng.pick(['[]', '{}', 'null', '[null]', '["a","b","c","d","e"]', '1', '"x"', '[[[[[[]]]]]]']), 'utf8').toString('base64url');
  return rng.pick(['', '=', '!!!', '====', 'YQ', oddText(rng), longText(rng, 5000)]);
}

/** A string for a field or argument named `name`: what such a field usually holds, when valid. */
function namedString(rng, ctx, name, mode) {
  const lower = (name ?? '').toLowerCase();
  if (mode !== 'valid' && rng.chance(0.5)) return rng.chance(0.1) ? longText(rng) : anyText(rng);
  if (lower === 'after' || lower === 'before') return cursorValue(rng, ctx);
  if (lower.includes('phone')) return rng.chance(0.8) ? `13${String(rng.int(0, 999999999)).padStart(9, '0')}` : rng.pick(['', '1', '+8613800000000', '138-0000-0000', '１３８００００００００']);
  if (lower.includes('ticketcode')) return `FZ-${hex(rng, 12)}`;
  if (lower.includes('idempotency')) return `key-${rng.int(0, 5)}`;
  if (lower.includes('url')) return rng.pick(['https://img.example/a.png', 'http://x', 'javascript:alert(1)', 'data:,x', '//x', 'not a url']);
  if (lower.includes('token')) return rng.chance(0.5) ? hex(rng, 64) : oddText(rng);
  if (lower === 'code') return hex(rng, 16);
  if (lower.includes('city')) return rng.pick(['\u4e0a\u6d77', '\u5317\u4eac', 'Shanghai', 'FuzzCity']);
  if (lower.includes('title')) return `Fuzz ${plainText(rng)} ${rng.int(0, 999)}`;
  return plainText(rng);
}

function scalarValue(rng, ctx, type, name, mode) {
  const odd = mode !== 'valid' && rng.chance(0.5);
  switch (type.name) {
    case 'Int':
      if (odd) return rng.pick(ODD_INTS);
      if (/^(first|last)$/i.test(name ?? '')) return rng.pick([1, 2, 3, 5, 10]);
      return rng.int(0, 100);
    case 'Float':
      return odd ? rng.pick([...ODD_INTS, rawJson('1e400'), rawJson('-0')]) : rng.next() * 1000;
    case 'Boolean':
      return odd ? rng.pick(['true', 0, 1, null]) : rng.bool();
    case 'ID':
      return slotId(rng, ctx, name, ctx.owner);
    case 'String':
      return namedString(rng, ctx, name, mode);
    case 'Decimal':
      return odd ? rng.pick(ODD_DECIMALS) : rng.pick(['1', '50', '100', '120', '120.5', '99.99', '0.01']);
    case 'DateTime':
      return odd ? rng.pick(ODD_DATES) : futureDate(rng);
    default:
      // A scalar this fuzz does not know yet: strings and numbers, valid or not.
      return rng.bool() ? anyText(rng) : rng.pick(ODD_INTS);
  }
}

/**
 * A JavaScript value (for variables, or to print as a literal) for an input type.
 * mode: 'valid' (meant to coerce), 'odd' (right kinds, odd content), 'wrong' (wrong kinds here and there).
 */
export function inputValue(rng, ctx, type, { mode = 'valid', name, depth = 0, nonEmpty = false } = {}) {
  if (mode === 'wrong' && rng.chance(0.15)) return wrongValue(rng);
  if (isNonNullType(type)) return inputValue(rng, ctx, type.ofType, { mode, name, depth, nonEmpty });
  if (mode !== 'valid' && rng.chance(0.05)) return null;
  if (isListType(type)) {
    const count = depth > 3 ? rng.int(0, 1) : rng.small(4);
    // Input coercion takes a single item where a list is expected.
    if (rng.chance(0.1)) return inputValue(rng, ctx, type.ofType, { mode, name, depth: depth + 1 });
    return Array.from({ length: count }, () => inputValue(rng, ctx, type.ofType, { mode, name, depth: depth + 1 }));
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((value) => value.name);
    if (mode !== 'valid' && rng.chance(0.3))
      return rng.pick([values[0].toLowerCase(), `${values[0]}_`, '', 'ALL', oddText(rng), 0, values[0].replace(/./, '\uff21')]);
    return rng.pick(values);
  }
  if (isInputObjectType(type)) return inputObject(rng, ctx, type, { mode, depth, nonEmpty });
  return scalarValue(rng, ctx, type, name, mode);
}

/** nonEmpty: at least one field (an empty filter says nothing, so the server may skip it). */
function inputObject(rng, ctx, type, { mode, depth, nonEmpty }) {
  const fields = Object.values(type.getFields());
  const entries = [];
  for (const field of fields) {
    const required = isNonNullType(field.type) && field.defaultValue === undefined;
    const recursive = getNamedType(field.type) === type;
    // Recursion (filter and/or) stays shallow here; huge and deep inputs are cases of their own.
    const keep = required ? !(mode === 'wrong' && rng.chance(0.1))
      : recursive ? depth < 2 && rng.chance(0.25)
      : rng.chance(depth > 2 ? 0.15 : 0.4);
    if (keep) entries.push([field.name, inputValue(rng, ctx, field.type, { mode, name: field.name, depth: depth + 1 })]);
  }
  if (nonEmpty && !entries.length) {
    const field = rng.pick(fields.filter((f) => getNamedType(f.type) !== type));
    entries.push([field.name, inputValue(rng, ctx, field.type, { mode, name: field.name, depth: depth + 1 })]);
  }
  if (mode !== 'valid' && rng.chance(0.15)) entries.push([rng.pick(['unknownField', '__typename', 'AND', 'Or', oddText(rng)]), wrongValue(rng)]);
  if (mode !== 'valid' && entries.length && rng.chance(0.1)) entries.push([entries[0][0], wrongValue(rng)]);
  const keys = entries.map(([key]) => key);
  return new Set(keys).size === keys.length ? Object.fromEntries(entries) : pairs(entries);
}

// ---------------------------------------------------------------- printing as GraphQL literals

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * A GraphQL string literal. Lone surrogates and control characters become \uXXXX escapes unless
 * `raw`, when they stay in the document text (and so reach the server as JSON escapes).
 */
export function stringLiteral(text, { raw = false, block = false } = {}) {
  if (block && !text.includes('"""') && !text.includes('\\')) return `"""${text}"""`;
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const code = text.charCodeAt(i);
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else if (code >= 0xd800 && code <= 0xdfff && !raw) {
      const next = text.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += char + text[i + 1];
        i++;
      } else {
        out += `\\u${code.toString(16).toUpperCase()}`;
      }
    } else out += char;
  }
  return `${out}"`;
}

/** A value printed as a GraphQL literal; enum-typed names print bare. */
export function printLiteral(value, type, options = {}) {
  const named = type ? getNamedType(type) : null;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? (Number.isInteger(value) && Math.abs(value) >= 1e21 ? BigInt(value).toString() : String(value)) : '1e999';
  if (isRaw(value)) return rawText(value);
  if (typeof value === 'string') {
    if (named && isEnumType(named) && NAME.test(value) && !['true', 'false', 'null'].includes(value)) return value;
    return stringLiteral(value, options);
  }
  const itemType = type && isListType(isNonNullType(type) ? type.ofType : type) ? (isNonNullType(type) ? type.ofType : type).ofType : null;
  if (Array.isArray(value)) return `[${value.map((item) => printLiteral(item, itemType, options)).join(', ')}]`;
  const entries = isPairs(value) ? pairEntries(value) : Object.entries(value);
  const fields = named && isInputObjectType(named) ? named.getFields() : {};
  return `{${entries.map(([key, item]) => `${NAME.test(key) ? key : stringLiteral(key)}: ${printLiteral(item, fields[key]?.type, options)}`).join(', ')}}`;
}
