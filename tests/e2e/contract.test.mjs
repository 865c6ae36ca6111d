// The all-in-one host against the public API contract (schema/contract.graphql): nothing served may
// contradict it, and every coordinate in schema/contract-required.txt must be served. The coverage
// report shows how much of the contract is served so far.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, startPlatform } from './lib/platform.mjs';
import { compareWithContract, formatCoverage, parseCoordinateList } from './lib/contract.mjs';
import { fetchIntrospectedSdl } from '../../gateway/schema-tools.mjs';

const contractFile = 'schema/contract.graphql';
const requiredFile = 'schema/contract-required.txt';

describe(`the public API contract (${contractFile})`, () => {
  let comparison;
  let required;

  before(async () => {
    required = parseCoordinateList(readFileSync(join(repoRoot, requiredFile), 'utf8'));
    const platform = await startPlatform();
    try {
      const contract = readFileSync(join(repoRoot, contractFile), 'utf8');
      comparison = compareWithContract(contract, await fetchIntrospectedSdl(platform.graphql));
    } finally {
      await platform.stop();
    }
  });

  test('coverage report', (t) => {
    for (const line of formatCoverage(comparison)) t.diagnostic(line);
  });

  test('nothing served contradicts the contract', () => {
    const problems = comparison.contradictions.map(({ coordinate, problem }) => `  ${coordinate}: ${problem}`);
    assert.equal(problems.length, 0, `The served schema contradicts ${contractFile}:\n${problems.join('\n')}`);
  });

  test(`every coordinate in ${requiredFile} is served`, () => {
    const status = new Map(comparison.coordinates.map(({ coordinate, status }) => [coordinate, status]));
    const unknown = required.filter((coordinate) => !status.has(coordinate));
    assert.equal(unknown.length, 0,
      `${requiredFile} names coordinates that are not in ${contractFile}:\n  ${unknown.join('\n  ')}`);
    const missing = required.filter((coordinate) => status.get(coordinate) !== 'served');
    assert.equal(missing.length, 0,
      `Required by ${requiredFile} but not served as the contract says:\n  ${missing.join('\n  ')}`);
  });
});
