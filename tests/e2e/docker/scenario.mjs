// The containerized federated deployment, end to end (scripts/docker-test.sh starts it and runs this
// with node --test): through the gateway's container, sign in with WeChat (a local fake), publish,
// search, buy, pay and confirm, while subscriptions hear the sale, one of them on the second
// tickets replica, which learns of the first's events through Redis; and a ticket picture uploaded,
// its QR code read in the container, published and fetched through the gateway.
//   ETICKET_DOCKER_GATEWAY=http://127.0.0.1:P/graphql ETICKET_DOCKER_TICKETS_2=http://127.0.0.1:Q/graphql node --test scenario.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { concert, gatewayClient, live, mutate, pay, publish, purchase } from '../lib/live.mjs';
import { post } from '../lib/platform.mjs';
import { qrCodePng, uploadPicture } from '../lib/pictures.mjs';

const gateway = process.env.ETICKET_DOCKER_GATEWAY;
const ticketsReplica = process.env.ETICKET_DOCKER_TICKETS_2;
const webSocket = (url) => url.replace(/^http/, 'ws');

async function signInWithWeChat(code, nickname) {
  const { body } = await post(gateway,
    'mutation($input: SignInWithWeChatInput!) { signInWithWeChat(input: $input) { session { accessToken member { id nickname } } errors { code message } } }',
    { variables: { input: { code, nickname } } });
  const session = body.data?.signInWithWeChat?.session;
  assert.ok(session, `sign-in: ${JSON.stringify(body)}`);
  return { id: session.member.id, token: session.accessToken };
}

test('sign in, publish, search, buy, pay and confirm through the containerized gateway; subscriptions hear the sale', { timeout: 120_000 }, async () => {
  assert.ok(gateway && ticketsReplica, 'ETICKET_DOCKER_GATEWAY and ETICKET_DOCKER_TICKETS_2 are set by scripts/docker-test.sh');
  const stamp = Date.now().toString(36);
  const seller = await signInWithWeChat(`seller-${stamp}`, '集装箱卖家');
  const buyer = await signInWithWeChat(`buyer-${stamp}`, '集装箱买家');

  const title = `集装箱演唱会 ${stamp}`;
  const listingId = await publish(gateway, seller.token, concert(title, `DOCKER-${stamp}`));

  // Search: the tickets subgraph indexes what it publishes (embedded search in each container).
  let found;
  for (let attempt = 0; attempt < 50 && !found; attempt++) {
    const { body } = await post(gateway, 'query($text: String!) { searchListings(input: { text: $text }, first: 5) { listings { nodes { id title } } } }',
      { variables: { text: stamp } });
    found = body.data?.searchListings?.listings.nodes.find((node) => node.id === listingId);
    if (!found) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.equal(found?.title, title, 'the new listing is found by search');

  // The seller hears their order through the gateway; anyone hears the listing sold on the second replica.
  const sellerClient = gatewayClient(webSocket(gateway), seller.token);
  const replicaClient = gatewayClient(webSocket(ticketsReplica));
  const orders = live(sellerClient, 'subscription { myOrderChanged { id status } }');
  const listing = live(replicaClient, `subscription { listingChanged(listingId: "${listingId}") { id status } }`);
  try {
    // Subscriptions start asynchronously; give both a moment before the first event.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // An event carries the order; its status is read as it is delivered, so each step is awaited
    // before the next: what the seller hears then is that step's status.
    const heard = [];
    const hear = async (status) => {
      for (let event; (event = await orders.next(10_000));) {
        heard.push(event.data?.myOrderChanged?.status ?? JSON.stringify(event));
        if (heard.at(-1) === status) return;
      }
      assert.fail(`the seller heard ${heard.join(', ') || 'nothing'}, not ${status}`);
    };
    const orderId = await purchase(gateway, buyer.token, listingId);
    await pay(gateway, buyer.token, orderId);
    await hear('PAID');
    const confirmed = await mutate(gateway, buyer.token, 'confirmOrder', { orderId }, 'order { id status }');
    assert.equal(confirmed.order.status, 'COMPLETED');
    await hear('COMPLETED');

    // Reserved by the purchase, sold when the order completes.
    const statuses = [];
    for (let event; statuses.at(-1) !== 'SOLD' && (event = await listing.next(10_000));) {
      assert.equal(event.data?.listingChanged?.id, listingId, `the second replica heard: ${JSON.stringify(event)}`);
      statuses.push(event.data.listingChanged.status);
    }
    assert.equal(statuses.at(-1), 'SOLD', `the second replica heard ${statuses.join(', ') || 'nothing'}`);
  } finally {
    orders.dispose();
    listing.dispose();
    await sellerClient.dispose();
    await replicaClient.dispose();
  }
});

test('a ticket picture uploaded through the containerized gateway is read, published and served', { timeout: 60_000 }, async () => {
  const stamp = Date.now().toString(36);
  const seller = await signInWithWeChat(`picture-${stamp}`, '集装箱图片');
  const code = `DOCKER-QR-${stamp}`;
  const uploaded = await uploadPicture(gateway, seller.token, await qrCodePng(code));
  assert.equal(uploaded.body.data?.uploadTicketPicture?.picture?.ticketCode, code, JSON.stringify(uploaded.body));
  const { id, url } = uploaded.body.data.uploadTicketPicture.picture;
  const listingId = await publish(gateway, seller.token, { ...concert(`集装箱图片 ${stamp}`, ''), pictureIds: [id] });
  const { body } = await post(gateway, 'query($id: ID!) { listing(id: $id) { ticketCode } }', { variables: { id: listingId }, token: seller.token });
  assert.equal(body.data?.listing?.ticketCode, code);
  assert.ok(url.startsWith(new URL(gateway).origin), `the picture's address leads to the gateway: ${url}`);
  const picture = await fetch(url);
  assert.equal(picture.status, 200);
  assert.match(picture.headers.get('content-type') ?? '', /^image\//);
});
