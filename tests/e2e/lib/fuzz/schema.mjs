// The served schema, read by introspection, and what the generators need to know about it. Nothing
// here names a field of ETicket: new fields, arguments and types are fuzzed as soon as they are served.
import {
  buildClientSchema, getIntrospectionQuery, getNamedType, isCompositeType, isEnumType, isInputObjectType,
  isLeafType, isListType, isNonNullType, isObjectType, isAbstractType,
} from 'graphql';

/** Introspects the endpoint (Development serves introspection) and returns the schema model. */
export async function introspect(endpoint) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const body = await response.json();
  if (!body.data) throw new Error(`introspection failed (${response.status}): ${JSON.stringify(body).slice(0, 500)}`);
  return schemaModel(buildClientSchema(body.data));
}

/** The schema with the lists the generators pick from, in schema order (so generation is stable). */
export function schemaModel(schema) {
  const types = Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith('__'));
  const roots = {
    query: schema.getQueryType(),
    mutation: schema.getMutationType(),
    subscription: schema.getSubscriptionType(),
  };
  const objectTypes = types.filter(isObjectType).filter((type) => !Object.values(roots).includes(type));
  const inputTypes = types.filter(isInputObjectType);
  // Input fields that hold a list of their own type: filter `and`/`or`, the way to huge or deep inputs.
  const recursiveInputs = inputTypes.flatMap((type) => Object.values(type.getFields())
    .filter((field) => isListType(unwrapNonNull(field.type)) && getNamedType(field.type) === type)
    .map((field) => ({ type, field })));
  // Root fields that take such an input, directly: where a huge or deep input can be sent.
  const recursiveArguments = [];
  for (const [operation, root] of Object.entries(roots)) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      for (const arg of field.args) {
        const found = recursiveInputs.find(({ type }) => type === getNamedType(arg.type));
        if (found) recursiveArguments.push({ operation, root, field, arg, recursive: found });
      }
    }
  }
  // Composite types from which a selection can go on for ever (through a cycle of fields).
  const endless = new Set(types.filter(isCompositeType));
  for (let changed = true; changed;) {
    changed = false;
    for (const type of endless) {
      const onward = isAbstractType(type) ? schema.getPossibleTypes(type)
        : Object.values(type.getFields()).map((field) => getNamedType(field.type));
      if (!onward.some((next) => endless.has(next))) {
        endless.delete(type);
        changed = true;
      }
    }
  }
  return {
    schema,
    roots,
    endless,
    objectTypes,
    inputTypes,
    recursiveInputs,
    recursiveArguments,
    directives: schema.getDirectives(),
    fields: (type) => Object.values(type.getFields()),
  };
}

export function unwrapNonNull(type) {
  return isNonNullType(type) ? type.ofType : type;
}

export {
  getNamedType, isCompositeType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType,
  isObjectType, isAbstractType,
};
