// WeChat Pay's API v3, faked on a free loopback port for the end-to-end suites, in public-key mode:
// it checks every request's merchant signature (401 SIGN_ERROR otherwise), keeps JSAPI payments,
// signs every answer with WeChat Pay's key, and seals TRANSACTION.SUCCESS notifications as WeChat
// Pay sends them. Keys are generated per run. The wire format follows WeChat Pay's documents and the
// C# fake of the unit tests (tests/ETicket.Tests/Infrastructure/FakeWeChatPay); this is a separate,
// smaller implementation, so a mistake in one is caught by the other.
import http from 'node:http';
import { createCipheriv, createSign, createVerify, generateKeyPairSync, randomBytes, randomInt, randomUUID } from 'node:crypto';

const scheme = 'WECHATPAY2-SHA256-RSA2048';
const appId = `wx${randomBytes(8).toString('hex')}`;
const mchId = '1900009191';
const merchantSerial = randomBytes(20).toString('hex').toUpperCase();
const publicKeyId = 'PUB_KEY_ID_0119000091912025061800210400000008';
const maxClockSkewSeconds = 5 * 60;
const alphanumerics = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

const random = (alphabet, count) => Array.from({ length: count }, () => alphabet[randomInt(alphabet.length)]).join('');
const digits = (count) => random('0123456789', count);
const rsaKeys = () => generateKeyPairSync('rsa', { modulusLength: 2048 });

/** RFC 3339 in Beijing time, as WeChat Pay writes times: 2025-06-18T10:21:04+08:00. */
export function beijingTime(date = new Date()) {
  return `${new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

/** Base64 SHA256withRSA (PKCS#1 v1.5) of the message's lines, each ended by "\n"; the last may be bytes. */
function sign(privateKey, lines) {
  const signer = createSign('RSA-SHA256');
  signer.update(message(lines));
  return signer.sign(privateKey, 'base64');
}

/** Whether signature is the base64 SHA256withRSA signature of the lines by the key's pair. */
export function verifySignature(publicKey, lines, signature) {
  const verifier = createVerify('RSA-SHA256');
  verifier.update(message(lines));
  return verifier.verify(publicKey, Buffer.from(signature, 'base64'));
}

function message(lines) {
  return Buffer.concat(lines.flatMap((line) => [Buffer.isBuffer(line) ? line : Buffer.from(String(line), 'utf8'), Buffer.from('\n')]));
}

/** AEAD_AES_256_GCM with the APIv3 key: base64 of the ciphertext followed by its 16-byte tag. */
function encryptResource(apiV3Key, plaintext, nonce, associatedData) {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'ascii'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return sealed.toString('base64');
}

/**
 * Starts the fake on 127.0.0.1 at a port the OS hands out. Returns { baseUrl, appId, mchId,
 * merchantPublicKey, transactions, requests, settings(), pay(), notification(), stop() }.
 */
export async function startFakeWeChatPay() {
  const merchant = rsaKeys();
  const platform = rsaKeys();
  let stranger = null; // another key pair, made when a forgery is asked for
  const apiV3Key = random(alphanumerics, 32);
  const transactions = new Map(); // out_trade_no -> the payment
  const requests = []; // { method, target, body, problem }: what the platform asked, in order
  const nonces = new Set();

  const signatureHeaders = (body, { forged = false } = {}) => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = random(alphanumerics, 32);
    if (forged) stranger ??= rsaKeys();
    return {
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': sign((forged ? stranger : platform).privateKey, [timestamp, nonce, body]),
      'Wechatpay-Serial': publicKeyId,
      'Wechatpay-Signature-Type': scheme,
    };
  };

  /** Why the request's Authorization is not the merchant's, or null when it is. */
  const signatureProblem = (method, target, body, authorization = '') => {
    if (!authorization.startsWith(`${scheme} `)) return `Authorization is not ${scheme}`;
    const parameters = Object.fromEntries([...authorization.matchAll(/(\w+)="([^"]*)"/g)].map((match) => [match[1], match[2]]));
    for (const name of ['mchid', 'nonce_str', 'signature', 'timestamp', 'serial_no'])
      if (!(name in parameters)) return `Authorization has no ${name}`;
    if (parameters.mchid !== mchId) return 'mchid is not the merchant\'s';
    if (parameters.serial_no !== merchantSerial) return 'serial_no is not the merchant certificate\'s';
    if (!/^\d+$/.test(parameters.timestamp) || Math.abs(Date.now() / 1000 - Number(parameters.timestamp)) > maxClockSkewSeconds)
      return 'timestamp is more than five minutes off';
    if (nonces.has(parameters.nonce_str)) return 'nonce_str was used before';
    nonces.add(parameters.nonce_str);
    return verifySignature(merchant.publicKey, [method, target, parameters.timestamp, parameters.nonce_str, body], parameters.signature)
      ? null : 'signature does not verify with the merchant\'s key';
  };

  const error = (status, code, message) => ({ status, body: { code, message } });
  const ok = (body) => ({ status: 200, body });

  /** What a query answers and a TRANSACTION.SUCCESS notification carries, in WeChat Pay's field order. */
  const resource = (transaction) => {
    if (transaction.tradeState !== 'SUCCESS')
      return {
        appid: appId, mchid: mchId, out_trade_no: transaction.outTradeNo, trade_state: transaction.tradeState,
        trade_state_desc: transaction.tradeState === 'CLOSED' ? '订单已关闭' : '订单未支付',
        amount: { total: transaction.total, payer_currency: 'CNY' },
      };
    return {
      mchid: mchId, appid: appId, out_trade_no: transaction.outTradeNo, transaction_id: transaction.transactionId,
      trade_type: 'JSAPI', trade_state: 'SUCCESS', trade_state_desc: '支付成功', bank_type: 'OTHERS', attach: '',
      success_time: transaction.successTime, payer: { openid: transaction.openId },
      amount: { total: transaction.total, payer_total: transaction.total, currency: 'CNY', payer_currency: 'CNY' },
    };
  };

  const create = (body) => {
    if (body?.appid !== appId || body?.mchid !== mchId) return error(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
    const { out_trade_no: outTradeNo, description, notify_url: notifyUrl } = body;
    const total = body.amount?.total;
    const openId = body.payer?.openid;
    if (typeof outTradeNo !== 'string' || typeof description !== 'string' || !Number.isInteger(total) || total <= 0
      || body.amount?.currency !== 'CNY' || typeof openId !== 'string' || Number.isNaN(Date.parse(body.time_expire ?? ''))
      || !URL.canParse(notifyUrl ?? ''))
      return error(400, 'PARAM_ERROR', '输入源“/body”映射到值字段失败');
    const placed = transactions.get(outTradeNo);
    if (placed) {
      if (placed.tradeState === 'SUCCESS') return error(403, 'ORDERPAID', '该订单已支付');
      if (placed.tradeState === 'CLOSED') return error(400, 'ORDER_CLOSED', '订单已关闭');
      if (placed.total !== total || placed.description !== description || placed.openId !== openId)
        return error(403, 'OUT_TRADE_NO_USED', '商户订单号重复');
      return ok({ prepay_id: placed.prepayId });
    }
    const prepayId = `wx${beijingTime().replace(/\D/g, '').slice(0, 14)}${random(alphanumerics, 18)}`;
    transactions.set(outTradeNo, {
      outTradeNo, description, total, openId, appId: body.appid, mchId: body.mchid, notifyUrl, timeExpire: body.time_expire,
      prepayId, tradeState: 'NOTPAY', transactionId: null, successTime: null,
    });
    return ok({ prepay_id: prepayId });
  };

  const query = (outTradeNo, mchid) => {
    if (mchid !== mchId) return error(400, 'PARAM_ERROR', 'mchid参数错误');
    const transaction = transactions.get(outTradeNo);
    return transaction ? ok(resource(transaction)) : error(404, 'ORDER_NOT_EXIST', '订单不存在');
  };

  const close = (outTradeNo, body) => {
    if (body?.mchid !== mchId) return error(400, 'PARAM_ERROR', 'mchid参数错误');
    const transaction = transactions.get(outTradeNo);
    if (!transaction) return error(404, 'ORDER_NOT_EXIST', '订单不存在');
    if (transaction.tradeState === 'SUCCESS') return error(400, 'ORDERPAID', '订单已支付');
    transaction.tradeState = 'CLOSED';
    return { status: 204, body: null };
  };

  const route = (method, url) => {
    if (method === 'POST' && url.pathname === '/v3/pay/transactions/jsapi') return (body) => create(body);
    const match = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)(\/close)?$/.exec(url.pathname);
    if (match && method === 'GET' && !match[2]) return () => query(decodeURIComponent(match[1]), url.searchParams.get('mchid'));
    if (match && method === 'POST' && match[2]) return (body) => close(decodeURIComponent(match[1]), body);
    return null;
  };

  const server = http.createServer(async (request, response) => {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const raw = Buffer.concat(chunks);
    const target = request.url; // the path and query exactly as sent: what the merchant signed
    const handle = route(request.method, new URL(target, 'http://127.0.0.1'));
    let answer;
    if (!handle) {
      answer = error(404, 'NOT_FOUND', `${request.method} ${new URL(target, 'http://127.0.0.1').pathname} is not an API of this fake`);
    } else {
      const problem = signatureProblem(request.method, target, raw, request.headers.authorization);
      let body = null;
      try {
        body = raw.length ? JSON.parse(raw.toString('utf8')) : null;
      } catch {
        body = null;
      }
      requests.push({ method: request.method, target, body, problem });
      answer = problem ? error(401, 'SIGN_ERROR', '签名错误，请检查后再试')
        : request.method === 'POST' && (body === null || typeof body !== 'object' || Array.isArray(body)) ? error(400, 'PARAM_ERROR', '请求体不是JSON对象')
          : handle(body);
    }
    const text = answer.body === null ? '' : JSON.stringify(answer.body);
    response.writeHead(answer.status, {
      ...signatureHeaders(text),
      'Request-ID': randomUUID().replaceAll('-', ''),
      ...(answer.body === null ? {} : { 'Content-Type': 'application/json' }),
    });
    response.end(text);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const baseUrl = `http://127.0.0.1:${server.address().port}/`;

  return {
    baseUrl,
    appId,
    mchId,
    /** The merchant's public key (a KeyObject): it verifies the platform's paySign. */
    merchantPublicKey: merchant.publicKey,
    /** The payments placed, by out_trade_no. */
    transactions,
    /** What the platform asked, in order: { method, target, body, problem }; problem is null when the signature held. */
    requests,

    /** Environment variables that point a tickets (or all-in-one) platform process at this fake, with this run's keys. */
    settings(url = baseUrl) {
      const section = 'ETicket__Payments__WeChatPay__';
      return {
        ETicket__Payments__Provider: 'WeChatPay',
        [`${section}BaseUrl`]: url,
        [`${section}AppId`]: appId,
        [`${section}MchId`]: mchId,
        [`${section}MerchantCertificateSerial`]: merchantSerial,
        [`${section}PrivateKey`]: merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }),
        [`${section}ApiV3Key`]: apiV3Key,
        [`${section}PlatformPublicKey`]: platform.publicKey.export({ type: 'spki', format: 'pem' }),
        [`${section}PlatformPublicKeyId`]: publicKeyId,
        // Where WeChat Pay would post: nowhere, since the tests post the notifications themselves.
        [`${section}NotifyUrl`]: 'http://127.0.0.1:9/payments/wechat/notify',
        [`${section}TransferSceneId`]: '1005',
        [`${section}TransferSceneReportInfos__0__InfoType`]: '岗位类型',
        [`${section}TransferSceneReportInfos__0__InfoContent`]: '票务转售卖家',
      };
    },

    /** The payer pays: NOTPAY becomes SUCCESS, with a transaction_id and a success_time. Returns the payment. */
    pay(outTradeNo) {
      const transaction = transactions.get(outTradeNo);
      if (!transaction) throw new Error(`No payment ${outTradeNo} was placed.`);
      if (transaction.tradeState !== 'NOTPAY') throw new Error(`Payment ${outTradeNo} is ${transaction.tradeState}, not NOTPAY.`);
      Object.assign(transaction, { tradeState: 'SUCCESS', transactionId: `4200${digits(24)}`, successTime: beijingTime() });
      return transaction;
    },

    /**
     * The TRANSACTION.SUCCESS notification of a paid payment, as WeChat Pay posts it: { body, headers },
     * body the exact text the headers' signature covers. `forged`: signed by another key than WeChat Pay's.
     */
    notification(outTradeNo, { forged = false } = {}) {
      const transaction = transactions.get(outTradeNo);
      if (transaction?.tradeState !== 'SUCCESS') throw new Error(`Payment ${outTradeNo} is not paid.`);
      const nonce = random(alphanumerics, 12);
      const body = JSON.stringify({
        id: randomUUID(),
        create_time: beijingTime(),
        resource_type: 'encrypt-resource',
        event_type: 'TRANSACTION.SUCCESS',
        summary: '支付成功',
        resource: {
          original_type: 'transaction',
          algorithm: 'AEAD_AES_256_GCM',
          ciphertext: encryptResource(apiV3Key, JSON.stringify(resource(transaction)), nonce, 'transaction'),
          associated_data: 'transaction',
          nonce,
        },
      });
      return { body, headers: { ...signatureHeaders(body, { forged }), 'Content-Type': 'application/json' } };
    },

    stop() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
