// The federated deployment as scripts/federated.sh runs it: the members and tickets subgraphs
// behind Hive Gateway answer like the all-in-one host on the same data, and the script stops
// everything it started.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts, post, signIn, startPlatform } from './lib/platform.mjs';
import { isRunning, runFederatedScript } from './lib/federated.mjs';
import { concert, publish } from './lib/live.mjs';

// Sign-ins per client address per minute in the federated runs: small, so a test can pass it.
const signInLimit = 20;
const adminPhone = '13900000100';

/** scripts/federated.sh on the given ports, with a small sign-in limit and an admin; `gateway` is its address. */
function spawnFederatedScript({ dataDirectory, ports: [gatewayPort, membersPort, ticketsPort] }) {
  const script = runFederatedScript({
    ETicket__DataDirectory: dataDirectory,
    ETICKET_GATEWAY_PORT: String(gatewayPort),
    ETICKET_MEMBERS_PORT: String(membersPort),
    ETICKET_TICKETS_PORT: String(ticketsPort),
    ETicket__Members__SignInRateLimit__PermitLimit: String(signInLimit),
    ETicket__Members__Admins__0: adminPhone,
  });
  return { ...script, gateway: `http://127.0.0.1:${gatewayPort}/graphql` };
}

/**
 * What both ways of running must agree on: data, and each error's message, path and code. Hive
 * Gateway adds the subgraph's name to extensions and drops locations (they point into the
 * subgraph's query, not the client's).
 */
function comparable(body) {
  if (!body.errors) return body;
  return { ...body, errors: body.errors.map(({ message, path, extensions }) => ({ message, path, code: extensions?.code })) };
}

const publishMutation = `mutation($input: PublishListingInput!) {
  publishListing(input: $input) { listing { id } errors { message } }
}`;

describe('federated deployment (scripts/federated.sh, Hive Gateway)', () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'eticket-federated-'));
  let federated;
  let allInOne;
  const sellers = {};
  const listings = [];

  before(async () => {
    federated = spawnFederatedScript({ dataDirectory, ports: await freePorts(3) });
    await federated.ready;
    const gateway = federated.gateway;
    sellers.ming = await signIn(gateway, '13800000101', '阿明');
    sellers.hong = await signIn(gateway, '13800000102', '小红');
    // Interleaved sellers, so one page needs several members resolved in one _entities call.
    for (const [seller, title, code] of [
      ['ming', '周杰伦上海演唱会 内场', 'JAY-0001'],
      ['hong', '五月天北京演唱会 看台', 'MAY-0001'],
      ['ming', '周杰伦上海演唱会 看台', 'JAY-0002'],
    ]) listings.push({ id: await publish(gateway, sellers[seller].token, concert(title, code)), seller, title, code });
    // The all-in-one host on the same data, for comparison.
    allInOne = await startPlatform({ dataDirectory });
  });

  after(async () => {
    await allInOne?.stop();
    await federated?.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  test('forwards the access token: the seller sees their ticket code through the gateway, nobody else does', async () => {
    const query = 'query($id: ID!) { listing(id: $id) { ticketCode seller { id } } }';
    const { id, seller, code } = listings[0];
    const asSeller = await post(federated.gateway, query, { token: sellers[seller].token, variables: { id } });
    assert.deepEqual(asSeller.body, { data: { listing: { ticketCode: code, seller: { id: sellers[seller].id } } } });
    const anonymous = await post(federated.gateway, query, { variables: { id } });
    assert.equal(anonymous.body.data.listing.ticketCode, null);
  });

  test('answers a cross-subgraph query exactly as the all-in-one host does on the same data', async () => {
    const query = '{ listings(first: 5) { nodes { title seller { nickname listings(first: 1) { totalCount } } } } }';
    const viaGateway = await post(federated.gateway, query);
    const direct = await post(allInOne.graphql, query);
    assert.equal(viaGateway.status, 200);
    assert.equal(viaGateway.body.data.listings.nodes.length, listings.length);
    assert.deepEqual(viaGateway.body, direct.body);

    // Filtering, sorting and cursors pass through the gateway unchanged.
    const market = `query($after: String) {
      listings(first: 1, after: $after, where: { title: { contains: "演唱会" }, status: { eq: ON_SALE } }, order: [{ title: DESC }]) {
        totalCount nodes { title seller { nickname } } pageInfo { hasNextPage endCursor }
      }
    }`;
    let after = null;
    do {
      const [page, reference] = await Promise.all([post(federated.gateway, market, { variables: { after } }), post(allInOne.graphql, market, { variables: { after } })]);
      assert.deepEqual(page.body, reference.body);
      after = page.body.data.listings.pageInfo.hasNextPage ? page.body.data.listings.pageInfo.endCursor : null;
    } while (after);
  });

  test('searches through the gateway as all-in-one does, with the sellers from the members subgraph', async () => {
    const query = `query($after: String) {
      searchListings(input: { text: "杰伦 演唱会", city: "上海" }, first: 1, after: $after) {
        listings { totalCount nodes { title seller { nickname } } pageInfo { hasNextPage endCursor } }
        categoryCounts { category count } cityCounts { city count }
      }
    }`;
    // Each process follows the outbox into its own index: wait until both have the three listings.
    const deadline = Date.now() + 15000;
    const total = async (endpoint) => (await post(endpoint, query)).body.data?.searchListings?.listings.totalCount;
    while ((await total(federated.gateway)) !== 2 || (await total(allInOne.graphql)) !== 2) {
      assert.ok(Date.now() < deadline, 'both indexes should have the listings within 15 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    let after = null;
    const seen = [];
    do {
      const [page, reference] = await Promise.all([post(federated.gateway, query, { variables: { after } }), post(allInOne.graphql, query, { variables: { after } })]);
      assert.equal(page.body.errors, undefined, JSON.stringify(page.body));
      assert.deepEqual(page.body, reference.body);
      seen.push(...page.body.data.searchListings.listings.nodes);
      after = page.body.data.searchListings.listings.pageInfo.hasNextPage ? page.body.data.searchListings.listings.pageInfo.endCursor : null;
    } while (after);
    assert.deepEqual(seen.map((node) => node.seller.nickname), ['阿明', '阿明']);
  });

  test('resolves the sellers of listings by different members in one response (_entities)', async () => {
    const { body } = await post(federated.gateway, '{ listings(first: 10) { nodes { id seller { id nickname } } } }');
    assert.equal(body.errors, undefined);
    const sellerOf = Object.fromEntries(body.data.listings.nodes.map((node) => [node.id, node.seller]));
    const nicknames = { ming: '阿明', hong: '小红' };
    for (const { id, seller } of listings)
      assert.deepEqual(sellerOf[id], { id: sellers[seller].id, nickname: nicknames[seller] });
  });

  test('refuses an invalid access token as a whole (401, UNAUTHENTICATED), as the all-in-one host does', async () => {
    const query = '{ me { nickname } listings(first: 1) { totalCount } }';
    const viaGateway = await post(federated.gateway, query, { token: 'not-a-valid-token' });
    const direct = await post(allInOne.graphql, query, { token: 'not-a-valid-token' });
    assert.equal(viaGateway.status, 401);
    assert.equal(viaGateway.body.errors[0].extensions.code, 'UNAUTHENTICATED');
    assert.deepEqual(viaGateway.body, direct.body);
  });

  test('enforces the members rules where the data is: the same answers through the gateway as all-in-one', async () => {
    const admin = await signIn(federated.gateway, adminPhone, 'Admin');
    const member = await signIn(federated.gateway, '13800000103', 'Member');
    const ask = async (query, options) => {
      const [viaGateway, direct] = await Promise.all([post(federated.gateway, query, options), post(allInOne.graphql, query, options)]);
      assert.deepEqual(comparable(viaGateway.body), comparable(direct.body), query);
      return viaGateway.body;
    };
    const blacklist = 'mutation($id: ID!) { setBlacklisted(input: { memberId: $id, blacklisted: true }) { member { id } } }';

    // Admin-only: refused for a member and for anonymous callers, on both ways of running.
    const asMember = await ask(blacklist, { token: member.token, variables: { id: admin.id } });
    assert.equal(asMember.errors[0].extensions.code, 'FORBIDDEN');
    const anonymous = await ask(blacklist, { variables: { id: admin.id } });
    assert.equal(anonymous.errors[0].extensions.code, 'UNAUTHENTICATED');
    // Self-only: a profile is edited by its member, so anonymous callers are refused.
    const anonymousEdit = await ask('mutation { updateProfile(input: { nickname: "x" }) { member { id } } }', {});
    assert.equal(anonymousEdit.errors[0].extensions.code, 'UNAUTHENTICATED');
    // The phone number: full for the member and for admins, masked for everyone else.
    const phone = 'query($id: ID!) { member(id: $id) { phoneNumber } }';
    const variables = { id: member.id };
    assert.equal((await ask(phone, { token: member.token, variables })).data.member.phoneNumber, '13800000103');
    assert.equal((await ask(phone, { token: admin.token, variables })).data.member.phoneNumber, '13800000103');
    assert.equal((await ask(phone, { variables })).data.member.phoneNumber, '138****0103');
  });

  test('a blacklisting in the members subgraph takes the listings off the market and stops publishing in the tickets subgraph', async () => {
    const admin = await signIn(federated.gateway, adminPhone, 'Admin');
    const seller = await signIn(federated.gateway, '13800000104', 'Seller');
    const listingId = await publish(federated.gateway, seller.token, concert('话剧 雷雨', 'PLAY-0001'));

    const { body } = await post(federated.gateway,
      'mutation($id: ID!) { setBlacklisted(input: { memberId: $id, blacklisted: true }) { member { blacklisted } errors { code } } }',
      { token: admin.token, variables: { id: seller.id } });
    assert.deepEqual(body, { data: { setBlacklisted: { member: { blacklisted: true }, errors: [] } } });

    const listing = await post(federated.gateway, 'query($id: ID!) { listing(id: $id) { status } }', { variables: { id: listingId } });
    assert.equal(listing.body.data.listing.status, 'WITHDRAWN');
    const refused = await post(federated.gateway, publishMutation.replace('errors { message }', 'errors { code }'), {
      token: seller.token,
      variables: { input: { ...concert('话剧 雷雨 加场', 'PLAY-0002'), category: 'SHOW', faceValue: '180', price: '180' } },
    });
    assert.deepEqual(refused.body.data.publishListing, { listing: null, errors: [{ code: 'BLACKLISTED' }] });
  });

  test('a trade runs end to end through the gateway: purchase, pay, confirm, with members resolved from the members subgraph', async () => {
    const seller = await signIn(federated.gateway, '13800000105', '卖票的');
    const buyer = await signIn(federated.gateway, '13800000106', '买票的');
    const stranger = await signIn(federated.gateway, '13800000107', '路人');
    const listingId = await publish(federated.gateway, seller.token, concert('陈奕迅 广州演唱会', 'EASON-0001'));
    const orderFields = 'order { id status total ticketCode buyer { nickname } seller { nickname completedTrades } listing { status } } errors { code }';
    const step = async (mutation, input, token) => {
      const { body } = await post(federated.gateway, `mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { ${orderFields} } }`,
        { token, variables: { input } });
      assert.equal(body.errors, undefined, JSON.stringify(body));
      assert.deepEqual(body.data[mutation].errors, []);
      return body.data[mutation].order;
    };

    const pending = await step('purchaseListing', { listingId }, buyer.token);
    assert.equal(pending.status, 'PENDING_PAYMENT');
    assert.equal(pending.ticketCode, null);
    assert.equal(pending.buyer.nickname, '买票的');
    const paid = await step('payOrder', { orderId: pending.id }, buyer.token);
    assert.equal(paid.ticketCode, 'EASON-0001');
    const completed = await step('confirmOrder', { orderId: pending.id }, buyer.token);
    assert.deepEqual({ status: completed.status, listing: completed.listing, seller: completed.seller },
      { status: 'COMPLETED', listing: { status: 'SOLD' }, seller: { nickname: '卖票的', completedTrades: 1 } });

    // Only its buyer, its seller or an admin see an order; the same answers as all-in-one.
    const query = 'query($id: ID!) { order(id: $id) { id } }';
    for (const [viewer, visible] of [[buyer, true], [seller, true], [stranger, false]]) {
      const viaGateway = await post(federated.gateway, query, { token: viewer.token, variables: { id: pending.id } });
      const direct = await post(allInOne.graphql, query, { token: viewer.token, variables: { id: pending.id } });
      assert.deepEqual(viaGateway.body, direct.body);
      assert.equal(viaGateway.body.data.order?.id ?? null, visible ? pending.id : null);
    }
  });

  test('limits sign-ins per client address, which the gateway forwards in X-Forwarded-For', async () => {
    // The test connects from loopback, which the subgraphs trust as they would a local reverse
    // proxy, so the address it puts in X-Forwarded-For is the client's.
    const signInFrom = (address) => post(federated.gateway,
      'mutation { signInForDevelopment(input: { phoneNumber: "13800000199" }) { session { accessToken } } }',
      { headers: { 'x-forwarded-for': address } });
    for (let attempt = 0; attempt < signInLimit; attempt++)
      assert.equal((await signInFrom('203.0.113.50')).body.errors, undefined);

    const refused = await signInFrom('203.0.113.50');
    assert.equal(refused.status, 200);
    assert.equal(refused.body.data, null);
    assert.deepEqual(refused.body.errors.map(({ extensions: { code, retryAfterSeconds } }) => ({ code, retryAfterSeconds })),
      [{ code: 'RATE_LIMITED', retryAfterSeconds: 60 }]);
    const otherClient = await signInFrom('203.0.113.51');
    assert.equal(otherClient.body.errors, undefined);
    assert.ok(otherClient.body.data.signInForDevelopment.session.accessToken);
  });

  test('when a subgraph cannot start, stops the one it started and exits non-zero', { timeout: 120_000 }, async () => {
    const ports = await freePorts(3);
    // Holding the tickets port makes the tickets subgraph fail at start, after members is up.
    const blocker = createServer().listen(ports[2], '127.0.0.1');
    await once(blocker, 'listening');
    const otherData = mkdtempSync(join(tmpdir(), 'eticket-federated-'));
    const script = spawnFederatedScript({ dataDirectory: otherData, ports });
    try {
      await assert.rejects(script.ready);
      assert.equal((await script.exited).code, 1);
      assert.match(script.output(), /the tickets subgraph exited before it was ready/);
      const started = script.started();
      assert.equal(started.length, 1, `only the members subgraph should have started:\n${script.output()}`);
      assert.equal(isRunning(started[0]), false, 'the members subgraph should have been stopped');
    } finally {
      await script.stop();
      blocker.close();
      rmSync(otherData, { recursive: true, force: true });
    }
  });

  test('SIGTERM stops the script and every process it started', async () => {
    const started = federated.started();
    assert.equal(started.length, 3, 'the two subgraphs and the gateway');
    assert.deepEqual(started.filter((pid) => !isRunning(pid)), [], 'all three run before the stop');
    const { code, signal } = await federated.stop();
    assert.deepEqual({ code, signal }, { code: 0, signal: null });
    assert.deepEqual(started.filter(isRunning), [], `still running after the script exited:\n${federated.output()}`);
  });
});
