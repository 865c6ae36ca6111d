// Hive Gateway in front of subgraphs that stall and restart. The tickets subgraph answers a
// listing's seller from its own copy of the seller's public profile (Listing.seller @provides
// nickname and avatarUrl), so market pages and subscription events do not need the members
// subgraph; what does need a stalled subgraph costs the client the gateway's upstream timeout and a
// GATEWAY_TIMEOUT error, never a hang; a subgraph that restarts is used again without restarting
// the gateway; and the gateway (on Hive Router's query planner) answers introspection as the
// subgraphs' setting says.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts, post, signIn, startPlatform, startPlatforms } from './lib/platform.mjs';
import { startGateway } from './lib/services.mjs';
import { concert, gatewayClient, live, publish, untilLive } from './lib/live.mjs';

// Short, so the stalled case is quick, yet above a cold subgraph's first answers; production's default is 10 s (gateway/gateway.config.mjs).
const upstreamTimeoutMs = 5000;

const listingQuery = (selection) => `query($id: ID!) { listing(id: $id) { title seller { ${selection} } } }`;

/**
 * The gateway's answer once it equals expected, asking again for up to 30 s: a subgraph just resumed
 * or restarted is cold (JIT, connection pools), and on a busy machine its first answer may take
 * longer than the short upstream timeout above. Coming back is the point, not the first answer's speed.
 */
async function answerOnceBack(url, query, variables, expected) {
  const deadline = Date.now() + 30_000;
  let body;
  do {
    ({ body } = await post(url, query, { variables }));
    if (JSON.stringify(body) === JSON.stringify(expected)) return body;
    await new Promise((r) => setTimeout(r, 500));
  } while (Date.now() < deadline);
  return body;
}

describe('Hive Gateway with subgraphs that stall and restart', { timeout: 240_000 }, () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'eticket-gateway-'));
  // Fixed addresses for this run, so a restarted subgraph is where the gateway looks for it.
  const at = (port) => ({ ASPNETCORE_URLS: `http://127.0.0.1:${port}` });
  let ports;
  let members;
  let tickets;
  let gateway;
  let seller;

  before(async () => {
    ports = await freePorts(2);
    [members, tickets] = await startPlatforms([
      { role: 'Members', dataDirectory, env: at(ports[0]) },
      { role: 'Tickets', dataDirectory, env: at(ports[1]) },
    ]);
    gateway = await startGateway({
      membersUrl: members.graphql,
      ticketsUrl: tickets.graphql,
      env: { ETICKET_GATEWAY_UPSTREAM_TIMEOUT_MS: String(upstreamTimeoutMs) },
    });
    seller = await signIn(gateway.graphql, '13800000401', '阿强');
  });

  after(async () => {
    members?.child.kill('SIGCONT');
    await gateway?.stop();
    await Promise.all([members?.stop(), tickets?.stop()]);
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  test('with the members subgraph stalled, listings and subscription events still show their sellers, and what needs it times out clearly', async () => {
    const listingId = await publish(gateway.graphql, seller.token, concert('before the stall', 'STALL-0'));
    members.child.kill('SIGSTOP');
    const client = gatewayClient(gateway.ws);
    const subscription = live(client, 'subscription { listingPublished(city: "上海") { title seller { id nickname avatarUrl } } }');
    try {
      const { body } = await post(gateway.graphql, listingQuery('id nickname avatarUrl'), { variables: { id: listingId } });
      assert.deepEqual(body, { data: { listing: { title: 'before the stall', seller: { id: seller.id, nickname: '阿强', avatarUrl: null } } } });

      // Publishing needs only the tickets subgraph, and the event carries the seller's copy.
      const event = await untilLive(subscription, (n) => publish(gateway.graphql, seller.token, concert(`during the stall ${n}`, `STALL-${n}`)));
      assert.match(event.data.listingPublished.title, /^during the stall /);
      assert.deepEqual(event.data.listingPublished.seller, { id: seller.id, nickname: '阿强', avatarUrl: null });

      // creditPoints is the members subgraph's alone: the client hears GATEWAY_TIMEOUT once the timeout passes.
      const timedOut = await post(gateway.graphql, listingQuery('creditPoints'), { variables: { id: listingId } });
      assert.deepEqual(timedOut.body.errors?.map((error) => error.extensions?.code), ['GATEWAY_TIMEOUT'], JSON.stringify(timedOut.body));
      // Without the upstream request the gateway attaches (a publish's would hold its ticket code).
      assert.deepEqual(Object.keys(timedOut.body.errors[0].extensions).sort(), ['code', 'serviceName']);
    } finally {
      members.child.kill('SIGCONT');
      subscription.dispose();
      await client.dispose();
    }
    // Back: the same query is answered in full.
    const expected = { data: { listing: { title: 'before the stall', seller: { nickname: '阿强', creditPoints: 0 } } } };
    assert.deepEqual(await answerOnceBack(gateway.graphql, listingQuery('nickname creditPoints'), { id: listingId }, expected), expected);
  });

  test("the gateway answers introspection as the subgraphs' setting says (ETicket__Query__Introspection)", async () => {
    const query = '{ __schema { queryType { name } } }';
    for (const [setting, allowed] of [['true', true], ['false', false]]) {
      const own = await startGateway({ membersUrl: members.graphql, ticketsUrl: tickets.graphql, env: { ETicket__Query__Introspection: setting } });
      try {
        const { body } = await post(own.graphql, query);
        if (allowed) assert.deepEqual(body, { data: { __schema: { queryType: { name: 'Query' } } } });
        else assert.match(body.errors?.[0]?.message ?? '', /introspection/i, JSON.stringify(body));
        // Ordinary queries are answered either way.
        assert.equal((await post(own.graphql, '{ listings(first: 1) { totalCount } }')).body.errors, undefined);
      } finally {
        await own.stop();
      }
    }
  });

  test('a subgraph that restarts is used again without restarting the gateway', async () => {
    const listingId = await publish(gateway.graphql, seller.token, concert('before the restarts', 'RESTART-0'));
    const full = listingQuery('nickname creditPoints');
    const expected = { data: { listing: { title: 'before the restarts', seller: { nickname: '阿强', creditPoints: 0 } } } };

    for (const role of ['Members', 'Tickets']) {
      const index = role === 'Members' ? 0 : 1;
      const stopped = role === 'Members' ? members : tickets;
      await stopped.stop();
      const down = await post(gateway.graphql, full, { variables: { id: listingId } });
      assert.ok(down.body.errors?.length, `${role} down: ${JSON.stringify(down.body)}`);

      const restarted = await startPlatform({ role, dataDirectory, env: at(ports[index]) });
      if (role === 'Members') members = restarted;
      else tickets = restarted;
      assert.deepEqual(await answerOnceBack(gateway.graphql, full, { id: listingId }, expected), expected, `after ${role} restarted`);
    }

    // Subscriptions reach the restarted tickets subgraph too.
    const client = gatewayClient(gateway.ws);
    const subscription = live(client, 'subscription { listingPublished(city: "上海") { title } }');
    try {
      const event = await untilLive(subscription, (n) => publish(gateway.graphql, seller.token, concert(`after the restarts ${n}`, `RESTART-${n}`)));
      assert.match(event.data.listingPublished.title, /^after the restarts /);
    } finally {
      subscription.dispose();
      await client.dispose();
    }
  });
});
