// The GraphQL over HTTP audit suite of the reference implementation (graphql-http), run against the
// all-in-one platform binary, one test per audit.
//
// Every audit is asserted, the MAY ones too: the platform implements all of them (400 for invalid
// parameters, URL-encoded JSON variables on GET, no mutations over GET), so a change there should be
// a decision made here, not an accident.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serverAudits } from 'graphql-http';
import { startPlatform } from './lib/platform.mjs';

describe('GraphQL over HTTP server audits (graphql-http)', () => {
  let platform;
  before(async () => { platform = await startPlatform(); });
  after(async () => { await platform?.stop(); });

  // The URL is a function: the audits are listed now, the platform only starts in before().
  for (const audit of serverAudits({ url: () => platform.graphql })) {
    test(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      const detail = result.status === 'ok' ? ''
        : `${result.reason} (HTTP ${result.response.status}, ${result.response.headers.get('content-type')})`;
      assert.equal(result.status, 'ok', detail);
    });
  }
});
