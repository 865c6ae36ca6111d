// WeChat Pay's notifications on the gateway's public address. In the federated deployment the
// gateway is the only published port (docker/compose.yaml), and the notify URL configured at WeChat
// Pay (ETicket:Payments:WeChatPay:NotifyUrl) points here: POST /payments/wechat/notify is passed to
// the tickets subgraph, which owns orders and verifies the notification itself, with its body and
// WeChat Pay's signature headers untouched (the signature covers the exact bytes).
export const notifyPath = '/payments/wechat/notify';

// WeChat Pay's notifications are a few kilobytes; the subgraph refuses more than this too.
const maxBytes = 64 * 1024;
const passedHeaders = ['content-type', 'wechatpay-timestamp', 'wechatpay-nonce', 'wechatpay-signature', 'wechatpay-serial', 'wechatpay-signature-type', 'request-id'];

/** A gateway plugin answering POST /payments/wechat/notify with the tickets subgraph's answer. */
export function usePaymentNotifications({ target, timeoutMs }) {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== notifyPath) return undefined;
      return forward(request, target, timeoutMs, fetchAPI).then(endResponse);
    },
  };
}

async function forward(request, target, timeoutMs, { fetch, Response }) {
  // WeChat Pay reads any answer but 200/204 as "not received" and sends the notification again later.
  const fail = (status, message) => Response.json({ code: 'FAIL', message }, { status });
  if (request.method !== 'POST') return fail(405, 'POST only');
  const body = await readBounded(request);
  if (!body) return fail(413, `at most ${maxBytes} bytes`);
  const headers = {};
  for (const name of passedHeaders) {
    const value = request.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  try {
    const answer = await fetch(target, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
    return new Response(await answer.arrayBuffer(), {
      status: answer.status,
      headers: { 'content-type': answer.headers.get('content-type') ?? 'application/json' },
    });
  } catch {
    return fail(502, 'the tickets service did not answer');
  }
}

/** The body, or null once it passes maxBytes (read no further). */
async function readBounded(request) {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return null;
  const chunks = [];
  let size = 0;
  for await (const chunk of request.body ?? []) {
    size += chunk.byteLength;
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
