// JSON text the fuzz writes itself, so that it can say things JSON.stringify cannot: numbers of any
// spelling (1e400, -0, 30 digits), repeated keys, and raw fragments spliced in.

/** A number (or any JSON fragment) written exactly as given: rawJson('1e400'). */
export function rawJson(text) {
  return { [RAW]: text };
}

/** An object whose keys may repeat: pairs([['a', 1], ['a', 2]]). */
export function pairs(entries) {
  return { [PAIRS]: entries };
}

const RAW = Symbol('raw JSON');
const PAIRS = Symbol('key/value pairs');

export const isRaw = (value) => value !== null && typeof value === 'object' && RAW in value;
export const rawText = (value) => value[RAW];
export const isPairs = (value) => value !== null && typeof value === 'object' && PAIRS in value;
export const pairEntries = (value) => value[PAIRS];

/** JSON text of a value that may hold rawJson() and pairs(); strings as JSON.stringify writes them. */
export function toJson(value) {
  if (value === undefined) return 'null';
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return JSON.stringify(value);
  if (isRaw(value)) return rawText(value);
  if (isPairs(value)) return `{${pairEntries(value).map(([key, item]) => `${JSON.stringify(key)}:${toJson(item)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  return `{${Object.entries(value).filter(([, item]) => item !== undefined)
    .map(([key, item]) => `${JSON.stringify(key)}:${toJson(item)}`).join(',')}}`;
}
