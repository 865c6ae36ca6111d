// Compares a served schema with the public API contract, schema coordinate by schema coordinate:
// types, fields, arguments, enum values and input fields. A coordinate is served (same kind, same
// type, same default where the contract gives one), missing, or contradicted.
import {
  astFromValue,
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isRequiredArgument,
  isRequiredInputField,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
  print,
} from 'graphql';

/**
 * Returns { coordinates: [{ coordinate, typeName, status }], contradictions: [{ coordinate, problem }] }
 * with status 'served', 'missing' or 'contradicted', in the contract's order.
 */
export function compareWithContract(contractSdl, servedSdl) {
  const contract = buildSchema(contractSdl);
  const served = buildSchema(servedSdl);
  const coordinates = [];
  const contradictions = [];

  for (const contractType of Object.values(contract.getTypeMap())) {
    if (isIntrospectionType(contractType) || isSpecifiedScalarType(contractType)) continue;
    const typeName = contractType.name;
    const note = (coordinate, status) => coordinates.push({ coordinate, typeName, status });
    const contradict = (coordinate, problem) => {
      contradictions.push({ coordinate, problem });
      note(coordinate, 'contradicted');
    };
    // Served with the contract's type (and default, where the contract gives one)?
    const compareTyped = (coordinate, expected, actual) => {
      if (!actual) return note(coordinate, 'missing');
      if (String(actual.type) !== String(expected.type))
        return contradict(coordinate, `the contract says ${expected.type}, the server serves ${actual.type}`);
      if (expected.defaultValue !== undefined && printDefault(actual) !== printDefault(expected))
        return contradict(coordinate,
          `the contract's default is ${printDefault(expected)}, the server's is ${printDefault(actual) ?? 'none'}`);
      note(coordinate, 'served');
    };

    const servedType = served.getType(typeName);
    if (!servedType) note(typeName, 'missing');
    else if (kindOf(servedType) !== kindOf(contractType))
      contradict(typeName, `the contract has ${kindOf(contractType)} ${typeName}, the server serves ${kindOf(servedType)}`);
    else note(typeName, 'served');
    const sameKind = servedType && kindOf(servedType) === kindOf(contractType);

    if (isEnumType(contractType)) {
      for (const value of contractType.getValues())
        note(`${typeName}.${value.name}`, sameKind && servedType.getValue(value.name) ? 'served' : 'missing');
    }
    if (isObjectType(contractType) || isInterfaceType(contractType)) {
      const servedFields = sameKind ? servedType.getFields() : {};
      for (const field of Object.values(contractType.getFields())) {
        const servedField = servedFields[field.name];
        compareTyped(`${typeName}.${field.name}`, field, servedField);
        for (const arg of field.args)
          compareTyped(`${typeName}.${field.name}(${arg.name}:)`, arg, servedField?.args.find((a) => a.name === arg.name));
        // A required argument the contract lacks breaks every client written against it.
        for (const arg of servedField?.args ?? []) {
          if (isRequiredArgument(arg) && !field.args.some((a) => a.name === arg.name))
            contradictions.push({ coordinate: `${typeName}.${field.name}(${arg.name}:)`, problem: requiredExtra(arg) });
        }
      }
    }
    if (isInputObjectType(contractType)) {
      const servedFields = sameKind ? servedType.getFields() : {};
      const contractFields = contractType.getFields();
      for (const field of Object.values(contractFields))
        compareTyped(`${typeName}.${field.name}`, field, servedFields[field.name]);
      for (const field of Object.values(servedFields)) {
        if (isRequiredInputField(field) && !contractFields[field.name])
          contradictions.push({ coordinate: `${typeName}.${field.name}`, problem: requiredExtra(field) });
      }
    }
  }
  return { coordinates, contradictions };
}

/** The coordinates of a list file: one per line, `#` starts a comment. */
export function parseCoordinateList(text) {
  return text.split('\n').map((line) => line.replace(/#.*/, '').trim()).filter(Boolean);
}

/** Coverage per contract type, in total, and the missing coordinates: lines for a test report. */
export function formatCoverage({ coordinates }) {
  const byType = new Map();
  for (const entry of coordinates) byType.set(entry.typeName, [...(byType.get(entry.typeName) ?? []), entry]);
  const width = Math.max(...[...byType.keys()].map((name) => name.length));
  const line = (name, entries) => {
    const served = entries.filter((entry) => entry.status === 'served').length;
    const count = `${String(served).padStart(3)}/${String(entries.length).padEnd(3)}`;
    return `${name.padEnd(width)}  ${count} ${percent(served, entries.length)}`;
  };
  // A type missing altogether is one line, not one per member.
  const missing = [...byType].flatMap(([name, entries]) => {
    const absent = entries.filter((entry) => entry.status === 'missing');
    return absent.length === entries.length && entries.length > 1
      ? [`  ${name} (the whole type: ${entries.length} coordinates)`]
      : absent.map((entry) => `  ${entry.coordinate}`);
  });
  const missingCount = coordinates.filter((entry) => entry.status === 'missing').length;
  return [
    'Contract coverage (served / in the contract):',
    ...[...byType].map(([name, entries]) => line(name, entries)),
    line('TOTAL', coordinates),
    `Missing (${missingCount}):`,
    ...missing,
  ];
}

function requiredExtra({ name, type }) {
  return `the server requires ${name}: ${type}, which the contract does not have`;
}

function percent(part, whole) {
  return `${Math.round((100 * part) / whole)}%`.padStart(4);
}

function kindOf(type) {
  if (isScalarType(type)) return 'scalar';
  if (isObjectType(type)) return 'type';
  if (isInterfaceType(type)) return 'interface';
  if (isUnionType(type)) return 'union';
  if (isEnumType(type)) return 'enum';
  return 'input';
}

function printDefault({ defaultValue, type }) {
  return defaultValue === undefined ? undefined : print(astFromValue(defaultValue, type));
}
