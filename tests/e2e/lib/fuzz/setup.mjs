// The data a fuzz run works on, made through the API before the fuzz starts: members with tokens
// (seller, buyer, admin), listings on sale, reserved and sold, orders pending and paid, a wanted
// request, cursors. The generators draw ids and tokens from here (`slots`, `tokens`).
// A bystander and a checker take no part: the fuzz never learns their ids or tokens, so what they
// own must come through the fuzz unchanged, and they run the normal flow afterwards.
import assert from 'node:assert/strict';
import { post, signIn } from '../platform.mjs';

export const ADMIN_PHONE = '13900000003';

const publishMutation = `mutation($input: PublishListingInput!) {
  publishListing(input: $input) { listing { id title price status ticketCode } errors { code message } }
}`;
const purchaseMutation = 'mutation($input: PurchaseListingInput!) { purchaseListing(input: $input) { order { id status } errors { code message } } }';
const payMutation = 'mutation($input: PayOrderInput!) { payOrder(input: $input) { order { id status } errors { code message } } }';

async function call(graphql, query, variables, token) {
  const { status, body } = await post(graphql, query, { variables, token });
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.errors, undefined, JSON.stringify(body));
  return body.data;
}

async function publish(graphql, token, title, code) {
  const data = await call(graphql, publishMutation, {
    input: {
      category: 'CONCERT', title, faceValue: '100', price: '110', ticketCode: code, city: '\u4e0a\u6d77', venue: 'Stadium',
      startsAt: '2035-06-01T12:00:00+08:00', seat: 'Row 1',
    },
  }, token);
  assert.deepEqual(data.publishListing.errors, [], JSON.stringify(data));
  return data.publishListing.listing;
}

async function purchase(graphql, token, listingId) {
  const data = await call(graphql, purchaseMutation, { input: { listingId } }, token);
  assert.deepEqual(data.purchaseListing.errors, [], JSON.stringify(data));
  return data.purchaseListing.order;
}

async function pay(graphql, token, orderId) {
  const data = await call(graphql, payMutation, { input: { orderId } }, token);
  assert.deepEqual(data.payOrder.errors, [], JSON.stringify(data));
}

/** Makes the run's data; returns { ctx, control } (ctx for the generators, control for the checks after). */
export async function setUpData(graphql, { maxRequestBytes }) {
  const run = Date.now().toString(36);
  const refreshData = await call(graphql,
    'mutation($input: SignInForDevelopmentInput!) { signInForDevelopment(input: $input) { session { accessToken refreshToken member { id } } } }',
    { input: { phoneNumber: '13900000001', nickname: 'Fuzz seller' } });
  const seller = { id: refreshData.signInForDevelopment.session.member.id, token: refreshData.signInForDevelopment.session.accessToken };
  const buyer = await signIn(graphql, '13900000002', 'Fuzz buyer');
  const admin = await signIn(graphql, ADMIN_PHONE, 'Fuzz admin');
  const bystander = await signIn(graphql, '13900000004', 'Bystander');
  const checker = await signIn(graphql, '13900000005', 'Checker');

  const onSale = [];
  for (let i = 0; i < 3; i++) onSale.push(await publish(graphql, seller.token, `Fuzz listing ${i} ${run}`, `FUZZ-${run}-${i}`));
  const reserved = await publish(graphql, seller.token, `Fuzz reserved ${run}`, `FUZZ-${run}-r`);
  const pending = await purchase(graphql, buyer.token, reserved.id);
  const sold = await publish(graphql, seller.token, `Fuzz sold ${run}`, `FUZZ-${run}-s`);
  const paid = await purchase(graphql, buyer.token, sold.id);
  await pay(graphql, buyer.token, paid.id);
  const wanted = await call(graphql,
    'mutation($input: PostWantedRequestInput!) { postWantedRequest(input: $input) { wantedRequest { id } errors { code } } }',
    { input: { category: 'CONCERT', keywords: 'Fuzz', city: '\u4e0a\u6d77' } }, buyer.token);

  // Cursors of a few orderings, for the generators to reuse and tamper with.
  const cursors = [];
  for (const order of [null, [{ price: 'ASC' }], [{ title: 'DESC' }], [{ startsAt: 'ASC' }, { publishedAt: 'DESC' }]]) {
    const data = await call(graphql, 'query($order: [ListingSortInput!]) { listings(first: 2, order: $order) { edges { cursor } } }', { order });
    cursors.push(...data.listings.edges.map((edge) => edge.cursor));
  }

  const control = await publish(graphql, bystander.token, `Bystander listing ${run}`, `BYSTANDER-${run}`);
  return {
    ctx: {
      tokens: { seller: seller.token, buyer: buyer.token, admin: admin.token, refresh: refreshData.signInForDevelopment.session.refreshToken },
      slots: {
        listing: [...onSale.map((listing) => listing.id), reserved.id, sold.id],
        order: [pending.id, paid.id],
        member: [seller.id, buyer.id, admin.id],
        wanted: [wanted.postWantedRequest.wantedRequest.id],
        cursor: cursors,
      },
      limits: { maxRequestBytes },
    },
    control: { bystander, checker, listing: control, run },
  };
}

/**
 * After the fuzz: the platform answers, the bystander's listing and profile are as they were, and
 * the normal flow (publish, purchase, pay) works. Throws an assertion error naming what broke.
 */
export async function checkAfterFuzz(graphql, control) {
  const alive = await post(graphql, '{ __typename listings(first: 1) { totalCount } }');
  assert.equal(alive.status, 200, `liveness: ${JSON.stringify(alive.body)}`);
  assert.equal(alive.body.data?.__typename, 'Query', `liveness: ${JSON.stringify(alive.body)}`);
  assert.ok(alive.body.data.listings.totalCount >= 6, `listings were lost: ${JSON.stringify(alive.body)}`);

  const { bystander, checker, listing } = control;
  const seen = await call(graphql, 'query($id: ID!) { listing(id: $id) { id title price status ticketCode seller { id nickname } } me { id nickname } }',
    { id: listing.id }, bystander.token);
  assert.deepEqual(seen.listing, { ...listing, seller: { id: bystander.id, nickname: 'Bystander' } }, 'the bystander\'s listing changed');
  assert.deepEqual(seen.me, { id: bystander.id, nickname: 'Bystander' }, 'the bystander\'s profile changed');

  const fresh = await publish(graphql, bystander.token, `After the fuzz ${control.run}`, `AFTER-${control.run}`);
  const order = await purchase(graphql, checker.token, fresh.id);
  await pay(graphql, checker.token, order.id);
  const bought = await call(graphql, 'query($id: ID!) { order(id: $id) { status ticketCode } }', { id: order.id }, checker.token);
  assert.deepEqual(bought.order, { status: 'PAID', ticketCode: `AFTER-${control.run}` }, 'the normal flow failed after the fuzz');
}
