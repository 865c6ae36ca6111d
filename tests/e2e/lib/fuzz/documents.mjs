// GraphQL documents generated from the served schema: root fields of the chosen operation type,
// arguments from their input types (as literals or as variables), nested selections, aliases,
// inline and named fragments, directives; and documents built to be large or deep: thousands of
// filter entries, nested filters, deep selections, long fragment chains and fragment cycles.
import { getNamedType, isAbstractType, isCompositeType, isNonNullType } from './schema.mjs';
import { inputValue, printLiteral, wrongValue } from './values.mjs';
import { anyText, oddText } from './strings.mjs';
import { rawJson, toJson } from './json.mjs';

/**
 * One operation (and sometimes companions) for `operation` = query | mutation | subscription.
 * Options: mode ('valid' | 'odd' | 'wrong'), depth (selection levels below the root), variables
 * (probability of passing an argument as a variable), aliases (probability per field), fragments,
 * directives (probabilities), rootFields (how many), preferComposite (go deep rather than wide),
 * rawSurrogates (leave lone surrogates unescaped in string literals).
 * Returns { query, variables, operationName }.
 */
export function generateOperation(rng, model, ctx, options = {}) {
  return new DocumentGenerator(rng, model, ctx, options).operation();
}

class DocumentGenerator {
  constructor(rng, model, ctx, options) {
    this.rng = rng;
    this.model = model;
    this.ctx = ctx;
    this.o = {
      operation: 'query', mode: 'valid', depth: 3, variables: 0.5, aliases: 0.1, fragments: 0.1, directives: 0.05,
      rootFields: 1, preferComposite: false, rawSurrogates: false, ...options,
    };
    this.variableDefinitions = [];
    this.variables = {};
    this.fragments = [];
    this.counter = 0;
  }

  operation() {
    const { rng, o } = this;
    const root = this.model.roots[o.operation] ?? this.model.roots.query;
    const operation = this.model.roots[o.operation] ? o.operation : 'query';
    const fields = this.model.fields(root);
    const chosen = Array.from({ length: Math.max(1, o.rootFields) }, () => rng.pick(fields));
    const selections = chosen.map((field) => this.field(field, o.depth));
    if (o.mode === 'wrong' && rng.chance(0.1)) selections.push(rng.pick(['nonExistentField', '__schema', '__type(name: 1) { name }', '...', '{']));
    const named = rng.chance(0.4);
    const name = named ? rng.pick(['Op', 'Fuzz', `Q${rng.int(0, 9)}`, '_', 'query']) : null;
    const definitions = this.variableDefinitions.length ? `(${this.variableDefinitions.join(', ')})` : '';
    const directives = rng.chance(o.directives) ? ` ${this.directive(operation.toUpperCase())}` : '';
    const head = named || definitions || directives || operation !== 'query' || rng.chance(0.3)
      ? `${operation}${name ? ` ${name}` : ''}${definitions}${directives} ` : '';
    let query = `${head}{ ${selections.join(' ')} }`;
    if (this.fragments.length) query += ` ${this.fragments.join(' ')}`;
    let operationName = name;
    // Several operations in one document: operationName must pick one (or picks none, or a wrong one).
    if (rng.chance(o.mode === 'valid' ? 0.03 : 0.1)) {
      query += ` query Other { __typename }`;
      operationName = rng.pick([name, 'Other', null, 'Missing', '']);
    } else if (!named && rng.chance(0.05)) {
      operationName = rng.pick(['Missing', '', oddText(rng)]);
    }
    return { query, variables: Object.keys(this.variables).length || rng.chance(0.2) ? this.variables : undefined, operationName };
  }

  field(field, depth) {
    const { rng, o } = this;
    const alias = rng.chance(o.aliases) ? `${rng.pick(['a', 'x', '_', 'alias'])}${this.counter++}: ` : '';
    const args = this.arguments(field);
    const directives = rng.chance(o.directives) ? ` ${this.directive()}` : '';
    const named = getNamedType(field.type);
    let selection = '';
    if (isCompositeType(named)) selection = depth <= 0 ? ' { __typename }' : ` ${this.selectionSet(named, depth - 1)}`;
    else if (o.mode === 'wrong' && rng.chance(0.05)) selection = ' { __typename }';
    return `${alias}${field.name}${args}${directives}${selection}`;
  }

  selectionSet(type, depth) {
    const { rng, o } = this;
    if (isAbstractType(type)) {
      const possible = this.model.schema.getPossibleTypes(type);
      return `{ __typename ${rng.sample(possible, rng.int(1, 2)).map((member) => `... on ${member.name} ${this.selectionSet(member, depth)}`).join(' ')} }`;
    }
    const fields = this.model.fields(type);
    let pool = fields;
    if (o.preferComposite && depth > 0) {
      // Going deep: fields whose type leads on without end (a cycle, like listing → seller → listings), else any composite.
      const endless = fields.filter((field) => this.model.endless.has(getNamedType(field.type)));
      const composite = fields.filter((field) => isCompositeType(getNamedType(field.type)));
      if (endless.length) pool = endless;
      else if (composite.length) pool = composite;
    }
    const count = o.preferComposite ? 1 : rng.int(1, Math.min(5, fields.length));
    const items = rng.sample(pool, count).map((field) => this.field(field, depth));
    if (rng.chance(0.15)) items.push('__typename');
    if (o.mode === 'wrong' && rng.chance(0.1)) items.push(rng.pick(['unknownField', `${fields[0].name}(unknownArg: 1)`, '__typename { x }']));
    if (items.length && rng.chance(o.fragments)) {
      const inner = items.splice(0, rng.int(1, items.length));
      if (rng.bool()) {
        items.push(`...${rng.bool() ? ` on ${type.name}` : ''}${rng.chance(o.directives) ? ` ${this.directive('INLINE_FRAGMENT')}` : ''} { ${inner.join(' ')} }`);
      } else {
        const name = `F${this.counter++}`;
        this.fragments.push(`fragment ${name} on ${type.name} { ${inner.join(' ')} }`);
        items.push(`...${name}`);
      }
    }
    if (!items.length) items.push('__typename');
    return `{ ${items.join(' ')} }`;
  }

  arguments(field) {
    const { rng, o } = this;
    const printed = [];
    const ctx = { ...this.ctx, owner: field.name };
    for (const arg of field.args) {
      const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
      const include = required ? !(o.mode === 'wrong' && rng.chance(0.1)) : rng.chance(0.5);
      if (!include) continue;
      const value = inputValue(rng, ctx, arg.type, { mode: o.mode, name: arg.name });
      printed.push(`${arg.name}: ${this.argumentValue(value, arg.type)}`);
    }
    if (o.mode === 'wrong' && rng.chance(0.1)) printed.push(`${rng.pick(['unknown', 'first', 'where', 'id'])}: ${printLiteral(wrongValue(rng))}`);
    if (o.mode === 'wrong' && printed.length && rng.chance(0.05)) printed.push(printed[0]);
    return printed.length ? `(${printed.join(', ')})` : '';
  }

  /** An argument as a variable ($vN, declared with the argument's type) or as a literal. */
  argumentValue(value, type) {
    const { rng, o } = this;
    if (rng.chance(o.variables)) {
      const name = `v${this.counter++}`;
      let declared = String(type);
      if (o.mode === 'wrong' && rng.chance(0.15)) declared = rng.pick(['String', 'Int!', '[String]', 'Boolean', 'Unknown', `${declared}!`, `[${declared}]`]);
      const defaultValue = !isNonNullType(type) && rng.chance(0.1) ? ` = ${printLiteral(inputValue(rng, this.ctx, type, { mode: o.mode }), type)}` : '';
      this.variableDefinitions.push(`$${name}: ${declared}${defaultValue}`);
      if (!(o.mode === 'wrong' && rng.chance(0.1))) this.variables[name] = value;
      return `$${name}`;
    }
    return printLiteral(value, type, { raw: o.rawSurrogates });
  }

  /** A directive from the schema with generated arguments, or an odd one. */
  directive(location = 'FIELD') {
    const { rng, o } = this;
    if (o.mode !== 'valid' && rng.chance(0.4)) {
      return rng.pick(['@include', '@skip', '@unknown', '@include(if: "yes")', '@skip(if: true) @skip(if: false)',
        '@deprecated', '@include(if: $undeclared)', '@specifiedBy(url: "x")', `@include(if: ${printLiteral(oddText(rng))})`]);
    }
    // Valid mode: directives allowed where this one goes; otherwise any directive of the schema.
    const allowed = this.model.directives.filter((directive) => directive.locations.includes(location));
    const directive = rng.pick(o.mode === 'valid' && allowed.length ? allowed : this.model.directives);
    const args = directive.args.filter((arg) => isNonNullType(arg.type) || rng.bool())
      .map((arg) => `${arg.name}: ${this.argumentValue(inputValue(rng, this.ctx, arg.type, { mode: o.mode, name: arg.name }), arg.type)}`);
    return `@${directive.name}${args.length ? `(${args.join(', ')})` : ''}`;
  }
}

// ---------------------------------------------------------------- large and deep documents

/**
 * A selection for a field of `type` that makes the server do the work: every leaf field without
 * required arguments (a connection's totalCount), and one nested list of leaves. `{ __typename }`
 * alone would let a resolver answer without ever running the query.
 */
function workingSelection(rng, model, ctx, type) {
  if (!isCompositeType(type)) return '';
  const generator = new DocumentGenerator(rng, model, ctx, { variables: 0, depth: 1 });
  const fields = isAbstractType(type) ? [] : model.fields(type).filter((field) => !field.args.some((arg) => isNonNullType(arg.type)));
  const leaves = fields.filter((field) => !isCompositeType(getNamedType(field.type))).map((field) => field.name);
  const nested = fields.filter((field) => isCompositeType(getNamedType(field.type)));
  const inner = nested.length ? generator.field(rng.pick(nested), 1) : '';
  return `{ __typename ${leaves.join(' ')} ${inner} }`;
}

/** A query root field that takes a recursive input (a filter), with that argument. */
function recursiveTarget(rng, model) {
  const targets = model.recursiveArguments.filter((target) => target.operation === 'query');
  return targets.length ? rng.pick(targets) : null;
}

/** One entry of a recursive input (a filter) without its recursive fields. */
function leafEntry(rng, ctx, target, mode) {
  const type = target.recursive.type;
  const fields = Object.values(type.getFields()).filter((field) => getNamedType(field.type) !== type);
  const field = rng.pick(fields);
  return { [field.name]: inputValue(rng, ctx, field.type, { mode, name: field.name, depth: 3, nonEmpty: true }) };
}

/**
 * A recursive input huge in breadth: { or: [ ...count entries ] } (count in the thousands), sent as
 * a variable (limited by the body size) or, smaller, as a literal (limited by the document length).
 */
export function hugeListDocument(rng, model, ctx, { count, asVariable = true }) {
  const target = recursiveTarget(rng, model);
  if (!target) return null;
  const { field, arg, recursive } = target;
  // Entries of their own (not one repeated), so that nothing can fold them into one.
  const entries = Array.from({ length: count }, () => leafEntry(rng, ctx, target, 'valid'));
  const name = rng.pick(model.recursiveInputs.filter((input) => input.type === recursive.type).map((input) => input.field.name));
  const value = { [name]: entries };
  const selection = workingSelection(rng, model, ctx, getNamedType(field.type));
  if (asVariable) {
    return {
      query: `query Huge($filter: ${String(arg.type)}) { ${field.name}(${arg.name}: $filter) ${selection} }`,
      variables: { filter: value },
      operationName: 'Huge',
      note: `${field.name}(${arg.name}: { ${name}: [${count} entries] }) as a variable`,
    };
  }
  return {
    query: `{ ${field.name}(${arg.name}: ${printLiteral(value, arg.type)}) ${selection} }`,
    note: `${field.name}(${arg.name}: { ${name}: [${count} entries] }) as a literal`,
  };
}

/** A recursive input nested `levels` deep: { and: [{ and: [ ... ] }] }, as a variable or a literal. */
export function deepInputDocument(rng, model, ctx, { levels, asVariable = true }) {
  const target = recursiveTarget(rng, model);
  if (!target) return null;
  const { field, arg, recursive } = target;
  const names = model.recursiveInputs.filter((input) => input.type === recursive.type).map((input) => input.field.name);
  const type = recursive.type;
  // Built as text, level by level: printing or serializing a thousand levels recursively would
  // overflow this process's stack before the server's.
  const leaf = leafEntry(rng, ctx, target, 'valid');
  let text = asVariable ? toJson(leaf) : printLiteral(leaf, type);
  for (let i = 0; i < levels; i++) {
    const sibling = rng.chance(0.3) ? leafEntry(rng, ctx, target, 'valid') : null;
    const siblingText = sibling ? `, ${asVariable ? toJson(sibling) : printLiteral(sibling, type)}` : '';
    const name = rng.pick(names);
    text = asVariable ? `{"${name}":[${text}${siblingText}]}` : `{${name}: [${text}${siblingText}]}`;
  }
  const selection = workingSelection(rng, model, ctx, getNamedType(field.type));
  if (asVariable) {
    return {
      query: `query Deep($filter: ${String(arg.type)}) { ${field.name}(${arg.name}: $filter) ${selection} }`,
      variables: { filter: rawJson(text) },
      operationName: 'Deep',
      note: `${field.name}(${arg.name}:) nested ${levels} levels, as a variable`,
    };
  }
  return { query: `{ ${field.name}(${arg.name}: ${text}) ${selection} }`, note: `${field.name}(${arg.name}:) nested ${levels} levels, as a literal` };
}

/** A selection `levels` deep, following composite fields (deeper than the depth limit, or than the parser's). */
export function deepSelectionDocument(rng, model, ctx, { levels }) {
  return { ...generateOperation(rng, model, ctx, { depth: levels, preferComposite: true, variables: 0.2 }), note: `selection ${levels} levels deep` };
}

/** Raw nesting the parser sees: `{ a { a { ...` or list literals `[[[[...]]]]` or objects `{a:{a:...}}`, `levels` deep. */
export function deepSyntaxDocument(rng, model, { levels }) {
  const root = model.roots.query;
  const field = rng.pick(model.fields(root));
  switch (rng.int(0, 2)) {
    case 0:
      return { query: `${'{ __typename '.repeat(1)}${'{ a '.repeat(levels)}${'}'.repeat(levels)} }`, note: `braces ${levels} deep` };
    case 1: {
      const arg = field.args[0]?.name ?? 'x';
      return { query: `{ ${field.name}(${arg}: ${'['.repeat(levels)}1${']'.repeat(levels)}) { __typename } }`, note: `list literal ${levels} deep` };
    }
    default: {
      const arg = field.args[0]?.name ?? 'x';
      return { query: `{ ${field.name}(${arg}: ${'{a: '.repeat(levels)}1${'}'.repeat(levels)}) { __typename } }`, note: `object literal ${levels} deep` };
    }
  }
}

/** Fragments that spread each other in a cycle, or a long chain of spreads, or spread themselves. */
export function fragmentDocument(rng, model, { length }) {
  const type = rng.pick(model.objectTypes);
  const rootField = model.fields(model.roots.query).find((field) => getNamedType(field.type) === type);
  const root = rootField && !rootField.args.some((arg) => isNonNullType(arg.type)) ? rootField.name : null;
  const anchor = root ? `{ ${root} { ...F0 } }` : `{ __typename ... on ${model.roots.query.name} { __typename } }`;
  const leaf = model.fields(type).find((field) => !isCompositeType(getNamedType(field.type)) && !field.args.length)?.name ?? '__typename';
  const variant = rng.int(0, 3);
  const fragments = [];
  if (variant === 0) {
    fragments.push(`fragment F0 on ${type.name} { ${leaf} ...F0 }`);
  } else {
    for (let i = 0; i < length; i++) {
      const next = i + 1 < length ? `...F${i + 1}` : variant === 1 ? '...F0' : leaf;
      fragments.push(`fragment F${i} on ${type.name} { ${leaf} ${next}${variant === 3 ? ` ...F${Math.max(0, i - 1)}` : ''} }`);
    }
  }
  const kind = ['self-spread', 'cycle', 'chain', 'chain with back-spreads'][variant];
  return { query: `${anchor} ${fragments.join(' ')}`, note: `fragments: ${kind} of ${variant === 0 ? 1 : length} on ${type.name}` };
}

/** Many aliases of one field (over the alias limit, or many times over it). */
export function aliasDocument(rng, model, ctx, { count }) {
  const root = model.roots.query;
  const leafFields = model.fields(root).filter((field) => !field.args.some((arg) => isNonNullType(arg.type)));
  const field = rng.chance(0.5) || !leafFields.length ? null : rng.pick(leafFields);
  const one = (i) => (field ? `a${i}: ${field.name} ${isCompositeType(getNamedType(field.type)) ? '{ __typename }' : ''}` : `a${i}: __typename`);
  return { query: `{ ${Array.from({ length: count }, (_, i) => one(i)).join(' ')} }`, note: `${count} aliases of ${field?.name ?? '__typename'}` };
}

/** Text that is not a GraphQL document, or barely one. */
export function brokenDocument(rng) {
  return rng.pick([
    '', ' ', '{', '}', '{ }', '{ __typename', 'query', 'query {', 'mutation', 'subscription', '{ __typename }}',
    '"unterminated', '"""unterminated', '{ a(b: "\\u{1F600}") }', '{ a(b: "\\uD800") }', '{ a(b: "\\x") }',
    '{ __typename } extra', '# only a comment', '\ufeff{ __typename }', '{ __typename \u0000 }', '{ __typename\u2028}',
    'query ($a: ) { __typename }', 'query ($: Int) { __typename }', '{ ...on }', 'fragment F on Query { __typename }',
    'query Q { __typename } query Q { __typename }', '{ __typename @ }', '{ __typename(a: 1e) }', '{ __typename(a: 0x1) }',
    '{ __typename(a: 00) }', '{ __typename(a: .5) }', '{ __typename(a: $) }', 'schema { query: Query }', 'type T { a: Int }',
    'extend type Query { x: Int }', 'directive @d on FIELD', '{ __type(name: "Query") { fields { name } } }',
    '{ __schema { types { name } } }', 'query { __typename } mutation { __typename }', 'subscription { __typename }',
    `{ __typename(a: "${anyText(rng).replace(/["\\]/g, '')}") }`, '{'.repeat(200), '}'.repeat(200), '[{]}', '{ a: }',
    'query @include(if: true) { __typename }', '{ __typename @skip(if: $x) }', 'query ($x: Boolean = $x) { __typename }',
  ]);
}
