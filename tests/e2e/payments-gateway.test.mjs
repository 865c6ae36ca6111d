// WeChat Pay's payment notification in the federated deployment, where Hive Gateway is the only
// public address: POST /payments/wechat/notify on the gateway reaches the tickets subgraph with its
// body and Wechatpay-* headers untouched (gateway/payment-notifications.mjs), and the subgraph
// verifies, decrypts and acts on it. The tickets subgraph pays with WeChat Pay against a fake of its
// API v3 (lib/fake-wechat-pay.mjs); the buyer signs in with WeChat against a fake jscode2session
// (docker/fake-wechat.mjs), since WeChat Pay charges the buyer's openid.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePorts, post, signIn, startPlatforms } from './lib/platform.mjs';
import { startGateway } from './lib/services.mjs';
import { concert, gatewayClient, live, mutate, publish, purchase, untilLive } from './lib/live.mjs';
import { startFakeWeChatPay, verifySignature } from './lib/fake-wechat-pay.mjs';

const wechatSecret = 'fake-wechat-app-secret';

/** docker/fake-wechat.mjs on a free loopback port: every code gives the openid "openid-<code>". Returns { baseUrl, stop() }. */
async function startFakeWeChat(appId) {
  const [port] = await freePorts(1);
  const child = spawn(process.execPath, [fileURLToPath(new URL('./docker/fake-wechat.mjs', import.meta.url)), String(port), appId, wechatSecret],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the fake WeChat did not start:\n${log}`)), 10_000);
    child.stdout.on('data', (chunk) => {
      log += chunk;
      if (log.includes('fake WeChat on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on('data', (chunk) => { log += chunk; });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the fake WeChat exited with ${code}:\n${log}`));
    });
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  return { baseUrl: `http://127.0.0.1:${port}`, stop };
}

async function signInWithWeChat(endpoint, code, nickname) {
  const { body } = await post(endpoint,
    'mutation($input: SignInWithWeChatInput!) { signInWithWeChat(input: $input) { session { accessToken member { id } } errors { code message } } }',
    { variables: { input: { code, nickname } } });
  const session = body.data?.signInWithWeChat?.session;
  if (!session) throw new Error(`WeChat sign-in failed: ${JSON.stringify(body)}`);
  return { id: session.member.id, token: session.accessToken };
}

/** Posts a notification as WeChat Pay does; returns { status, contentType, text }. */
async function notify(url, { body, headers }) {
  const response = await fetch(url, { method: 'POST', headers: { ...headers, 'User-Agent': 'Mozilla/4.0' }, body });
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

/** The order as its buyer sees it through the gateway; paidAt in the form toISOString() writes, to compare times. */
async function orderAsSeen(endpoint, token, id) {
  const { body } = await post(endpoint, 'query($id: ID!) { order(id: $id) { id status total paidAt ticketCode } }', { token, variables: { id } });
  const paidAt = body.data?.order?.paidAt;
  if (paidAt) body.data.order.paidAt = new Date(Date.parse(paidAt)).toISOString();
  return body;
}

describe('WeChat Pay notifications through Hive Gateway', { timeout: 120_000 }, () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'eticket-wechatpay-'));
  let wechatPay;
  let wechat;
  let members;
  let tickets;
  let gateway;
  let notifyUrl;

  before(async () => {
    wechatPay = await startFakeWeChatPay();
    wechat = await startFakeWeChat(wechatPay.appId);
    const signInSettings = {
      ETicket__WeChat__BaseUrl: wechat.baseUrl,
      ETicket__WeChat__AppId: wechatPay.appId,
      ETicket__WeChat__AppSecret: wechatSecret,
    };
    [members, tickets] = await startPlatforms([
      { role: 'Members', dataDirectory, env: signInSettings },
      { role: 'Tickets', dataDirectory, env: wechatPay.settings() },
    ]);
    gateway = await startGateway({ membersUrl: members.graphql, ticketsUrl: tickets.graphql });
    notifyUrl = new URL('/payments/wechat/notify', gateway.graphql).toString();
  });

  after(async () => {
    await gateway?.stop();
    await Promise.all([members?.stop(), tickets?.stop()]);
    await Promise.all([wechat?.stop(), wechatPay?.stop()]);
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  test('a payment notification posted to the gateway marks the order PAID once; forgeries and other methods are refused', async () => {
    const seller = await signIn(gateway.graphql, '13800000601', '卖家');
    const buyer = await signInWithWeChat(gateway.graphql, 'buyer-code-601', '买家');
    const client = gatewayClient(gateway.ws, buyer.token);
    const orders = live(client, 'subscription { myOrderChanged { id status total ticketCode } }');
    try {
      // The seller publishes, the buyer purchases, until the buyer's subscription hears an order:
      // that order is live on the subscription, and is the one paid below.
      const ticketCodes = new Map(); // order id -> its listing's ticket code
      const first = await untilLive(orders, async (attempt) => {
        const code = `WXPAY-${attempt}`;
        const listingId = await publish(gateway.graphql, seller.token, concert(`微信支付演唱会 ${attempt}`, code));
        ticketCodes.set(await purchase(gateway.graphql, buyer.token, listingId), code);
      });
      const order = first.data.myOrderChanged;
      assert.ok(ticketCodes.has(order.id), JSON.stringify(first));
      assert.equal(order.status, 'PENDING_PAYMENT');
      assert.equal(order.ticketCode, null);

      // payOrder places a JSAPI payment at WeChat Pay and hands the mini-program what wx.requestPayment needs.
      const paying = await mutate(gateway.graphql, buyer.token, 'payOrder', { orderId: order.id },
        'order { id status } weChatPayment { appId timeStamp nonceStr package signType paySign }');
      assert.deepEqual(paying.order, { id: order.id, status: 'PENDING_PAYMENT' });
      const placed = wechatPay.transactions.get(order.id);
      assert.ok(placed, `WeChat Pay has no payment ${order.id}: ${JSON.stringify([...wechatPay.transactions.keys()])}`);
      assert.deepEqual(
        { appId: placed.appId, mchId: placed.mchId, openId: placed.openId, total: placed.total, tradeState: placed.tradeState },
        { appId: wechatPay.appId, mchId: wechatPay.mchId, openId: 'openid-buyer-code-601', total: Math.round(Number(order.total) * 100), tradeState: 'NOTPAY' });
      assert.deepEqual(wechatPay.requests.filter((request) => request.problem !== null), [], 'every request to WeChat Pay carries the merchant\'s signature');
      const payment = paying.weChatPayment;
      assert.equal(payment.appId, wechatPay.appId);
      assert.equal(payment.package, `prepay_id=${placed.prepayId}`);
      assert.equal(payment.signType, 'RSA');
      assert.match(payment.timeStamp, /^\d+$/);
      assert.ok(payment.nonceStr.length > 0);
      assert.ok(verifySignature(wechatPay.merchantPublicKey, [payment.appId, payment.timeStamp, payment.nonceStr, payment.package], payment.paySign),
        'paySign is the merchant key\'s signature of appId, timeStamp, nonceStr and package');
      assert.deepEqual(await orderAsSeen(gateway.graphql, buyer.token, order.id),
        { data: { order: { id: order.id, status: 'PENDING_PAYMENT', total: order.total, paidAt: null, ticketCode: null } } });

      // The buyer pays; WeChat Pay posts TRANSACTION.SUCCESS to the notify URL, the gateway's public address.
      const paid = wechatPay.pay(order.id);
      const notification = wechatPay.notification(order.id);
      const answer = await notify(notifyUrl, notification);
      assert.deepEqual({ status: answer.status, text: answer.text }, { status: 204, text: '' }, tickets.output());

      let next;
      do next = await orders.next(15_000);
      while (next?.data?.myOrderChanged?.status === 'PENDING_PAYMENT'); // late warm-up orders, or the payment started
      const ticketCode = ticketCodes.get(order.id);
      assert.deepEqual(next, { data: { myOrderChanged: { id: order.id, status: 'PAID', total: order.total, ticketCode } } });
      // The ticket code is revealed to the buyer; paidAt is WeChat Pay's success_time.
      const expected = { data: { order: { id: order.id, status: 'PAID', total: order.total, paidAt: new Date(Date.parse(paid.successTime)).toISOString(), ticketCode } } };
      assert.deepEqual(await orderAsSeen(gateway.graphql, buyer.token, order.id), expected);

      // WeChat Pay sends it again (it did not hear the answer, say): taken, and nothing changes.
      const again = await notify(notifyUrl, notification);
      assert.deepEqual({ status: again.status, text: again.text }, { status: 204, text: '' });
      const later = await orders.next(1500);
      assert.equal(later?.data?.myOrderChanged?.id === order.id, false, `the duplicate changed the order: ${JSON.stringify(later)}`);
      assert.deepEqual(await orderAsSeen(gateway.graphql, buyer.token, order.id), expected);

      // Signed by another key than WeChat Pay's: the subgraph refuses it as WeChat Pay expects.
      const forged = await notify(notifyUrl, wechatPay.notification(order.id, { forged: true }));
      assert.equal(forged.status, 400);
      assert.match(forged.contentType ?? '', /^application\/json/);
      assert.deepEqual(JSON.parse(forged.text), { code: 'FAIL', message: '失败' });

      // Only POST reaches the subgraph: the gateway answers anything else itself.
      const get = await fetch(notifyUrl);
      assert.equal(get.status, 405);
      assert.deepEqual(await get.json(), { code: 'FAIL', message: 'POST only' });
    } finally {
      orders.dispose();
      await client.dispose();
    }
  });
});
