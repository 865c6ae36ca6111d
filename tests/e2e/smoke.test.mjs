import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPlatform, post } from './lib/platform.mjs';

test('the platform binary starts and answers a query', async () => {
  const platform = await startPlatform();
  try {
    const { status, body } = await post(platform.graphql, '{ __typename }');
    assert.equal(status, 200);
    assert.deepEqual(body, { data: { __typename: 'Query' } });
  } finally {
    await platform.stop();
  }
});
