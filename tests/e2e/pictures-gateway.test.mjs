// Ticket pictures in the federated deployment, where Hive Gateway is the only public address
// (docs/pictures.md): uploads are GraphQL multipart requests to the gateway's /graphql, which it
// forwards to the tickets subgraph as multipart requests of its own; the code read from a picture is
// the listing's, and the duplicate guard refuses it again; picture addresses point at the gateway,
// which passes them to the tickets subgraph (gateway/pictures.mjs), a code's picture only signed and
// only to who may see the code; and the gateway refuses an upload too large from its Content-Length.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts, post, signIn, startPlatform } from './lib/platform.mjs';
import { startGateway } from './lib/services.mjs';
import { concert, mutate } from './lib/live.mjs';
import { gif, noisePng, qrCodeInScreenshotPng, qrCodePng, uploadPicture } from './lib/pictures.mjs';

// What a QR code on an e-ticket holds.
const qrText = 'ETK:PIC-GW-20270201-0042:8F3A9C';

/** The gateway's uploadTicketPicture answer, asserted to be a 200 without GraphQL errors; returns its payload. */
async function uploaded(answer) {
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(answer.body?.errors, undefined, JSON.stringify(answer.body));
  return answer.body.data.uploadTicketPicture;
}

/** GETs a picture address; resolves with { status, contentType, cacheControl, bytes }. */
async function fetchPicture(url) {
  const response = await fetch(url);
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    cacheControl: response.headers.get('cache-control'),
    bytes: (await response.arrayBuffer()).byteLength,
  };
}

/**
 * POSTs a multipart upload of a file of `fileBytes` zero bytes with its true Content-Length, writing
 * the body as fast as the server takes it and stopping once an answer comes. Resolves with
 * { status, body, sent, total, ms }: `sent` bytes of `total` had been written when it came.
 */
function postLargeUpload(url, token, fileBytes) {
  const boundary = 'eticket-e2e-large-upload';
  const head = Buffer.from([
    `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n`,
    JSON.stringify({ query: 'mutation($input: UploadTicketPictureInput!) { uploadTicketPicture(input: $input) { picture { id } } }', variables: { input: { file: null } } }),
    `\r\n--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.input.file"]}`,
    `\r\n--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="huge.png"\r\nContent-Type: image/png\r\n\r\n`,
  ].join(''));
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const total = head.length + fileBytes + tail.length;
  const chunk = Buffer.alloc(1024 * 1024);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(url, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': total, authorization: `Bearer ${token}` },
    }, (response) => {
      answered = true;
      const ms = Date.now() - started;
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (part) => { text += part; });
      response.on('end', () => {
        req.destroy();
        resolve({ status: response.statusCode, body: text ? JSON.parse(text) : null, sent, total, ms });
      });
    });
    // Once answered, the server may close the connection on the rest of the body: not a failure.
    req.on('error', (error) => { if (!answered) reject(error); });
    const write = (bytes) => {
      sent += bytes.length;
      return req.write(bytes);
    };
    const pump = () => {
      while (!answered && sent < total) {
        const left = total - sent - tail.length;
        if (left <= 0) {
          write(tail);
          req.end();
          return;
        }
        if (!write(left >= chunk.length ? chunk : chunk.subarray(0, left))) {
          req.once('drain', pump);
          return;
        }
      }
    };
    write(head);
    pump();
  });
}

describe('ticket pictures through Hive Gateway', { timeout: 90_000 }, () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'eticket-pictures-gateway-'));
  let members;
  let tickets;
  let gateway;
  let gatewayBase;
  let seller;
  let secondSeller;
  let codeListingId;

  before(async () => {
    // Picture addresses start with the gateway's, so the tickets subgraph starts once the gateway has
    // its address: the gateway first, in front of the subgraphs' addresses to be (the members one
    // starting meanwhile), then the tickets subgraph, told the gateway's address.
    const ports = await freePorts(2);
    const [membersUrl, ticketsUrl] = ports.map((port) => `http://127.0.0.1:${port}`);
    const membersStarting = startPlatform({ role: 'Members', dataDirectory, env: { ASPNETCORE_URLS: membersUrl } });
    try {
      gateway = await startGateway({ membersUrl: `${membersUrl}/graphql`, ticketsUrl: `${ticketsUrl}/graphql` });
      gatewayBase = new URL(gateway.graphql).origin;
      tickets = await startPlatform({ role: 'Tickets', dataDirectory, env: { ASPNETCORE_URLS: ticketsUrl, ETicket__Pictures__PublicBaseUrl: gatewayBase } });
    } finally {
      // Awaited either way, so after() stops it.
      members = await membersStarting;
    }
    [seller, secondSeller] = await Promise.all([
      signIn(gateway.graphql, '13800000701', '图片卖家'),
      signIn(gateway.graphql, '13800000702', '另一位卖家'),
    ]);
  });

  after(async () => {
    await gateway?.stop();
    await Promise.all([members?.stop(), tickets?.stop()]);
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  test('a QR code uploaded through the gateway is read, and a listing published with its picture and no typed code takes that code', async () => {
    const { picture, errors } = await uploaded(await uploadPicture(gateway.graphql, seller.token, await qrCodePng(qrText)));
    assert.deepEqual(errors, []);
    assert.equal(picture.showsTicketCode, true);
    assert.equal(picture.ticketCode, qrText);
    assert.equal(picture.codeFormat, 'QR_CODE');
    assert.ok(picture.url.startsWith(`${gatewayBase}/pictures/${picture.id}?expires=`), picture.url);
    assert.match(picture.url, /[?&]signature=[^&]+/);

    const { listing } = await mutate(gateway.graphql, seller.token, 'publishListing',
      { ...concert('二维码演唱会', ''), pictureIds: [picture.id] }, 'listing { id ticketCode pictures { id showsTicketCode } }');
    assert.equal(listing.ticketCode, qrText);
    assert.deepEqual(listing.pictures, [{ id: picture.id, showsTicketCode: true }]);
    codeListingId = listing.id;
  });

  test('another seller\'s different screenshot of the same QR code reads the same code, and publishing it is refused as a duplicate', async () => {
    const screenshot = await qrCodeInScreenshotPng(qrText, { width: 360, margin: 2, errorCorrectionLevel: 'H' });
    const { picture, errors } = await uploaded(await uploadPicture(gateway.graphql, secondSeller.token, screenshot));
    assert.deepEqual(errors, []);
    assert.equal(picture.showsTicketCode, true);
    assert.equal(picture.ticketCode, qrText);

    const { body } = await post(gateway.graphql,
      'mutation($input: PublishListingInput!) { publishListing(input: $input) { listing { id } errors { code field } } }',
      { token: secondSeller.token, variables: { input: { ...concert('同一张票', ''), pictureIds: [picture.id] } } });
    assert.equal(body.errors, undefined, JSON.stringify(body));
    assert.equal(body.data.publishListing.listing, null);
    assert.deepEqual(body.data.publishListing.errors.map((error) => error.code), ['DUPLICATE_TICKET_CODE'], JSON.stringify(body));
  });

  test('a picture showing the code is listed and served only signed, to its seller; one showing none is public', async () => {
    assert.ok(codeListingId, 'the first test published the listing');
    const listingQuery = 'query($id: ID!) { listing(id: $id) { pictures { id showsTicketCode url thumbnailUrl urlExpiresAt } } }';

    // Anonymous: the code's picture is not listed at all.
    const anonymous = await post(gateway.graphql, listingQuery, { variables: { id: codeListingId } });
    assert.deepEqual(anonymous.body, { data: { listing: { pictures: [] } } });

    // The seller: a signed address on the gateway, which answers with the picture, kept by no cache.
    const asSeller = await post(gateway.graphql, listingQuery, { token: seller.token, variables: { id: codeListingId } });
    const [secret] = asSeller.body.data.listing.pictures;
    assert.equal(secret.showsTicketCode, true);
    assert.ok(secret.urlExpiresAt, JSON.stringify(secret));
    for (const url of [secret.url, secret.thumbnailUrl]) {
      assert.equal(new URL(url).origin, gatewayBase, url);
      const served = await fetchPicture(url);
      assert.equal(served.status, 200, url);
      assert.match(served.contentType, /^image\//);
      assert.match(served.cacheControl, /no-store/);
      assert.ok(served.bytes > 0);
    }
    // Without its signature, or with another, the same address is a plain 404.
    const unsigned = new URL(secret.url);
    unsigned.search = '';
    assert.equal((await fetchPicture(unsigned.toString())).status, 404);
    const forged = new URL(secret.url);
    const signature = forged.searchParams.get('signature');
    forged.searchParams.set('signature', `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`);
    assert.equal((await fetchPicture(forged.toString())).status, 404);

    // A picture showing no code, once on a listing, is public at an unsigned address on the gateway.
    const { picture, errors } = await uploaded(await uploadPicture(gateway.graphql, seller.token, noisePng()));
    assert.deepEqual(errors, []);
    assert.equal(picture.showsTicketCode, false);
    assert.equal(picture.ticketCode, null);
    const listingId = (await mutate(gateway.graphql, seller.token, 'publishListing',
      { ...concert('座位图演唱会', 'PIC-GW-PUBLIC-1'), pictureIds: [picture.id] }, 'listing { id }')).listing.id;
    const seen = await post(gateway.graphql, listingQuery, { variables: { id: listingId } });
    assert.deepEqual(seen.body, { data: { listing: { pictures: [{
      id: picture.id, showsTicketCode: false, url: `${gatewayBase}/pictures/${picture.id}`,
      thumbnailUrl: `${gatewayBase}/pictures/${picture.id}/thumbnail`, urlExpiresAt: null,
    }] } } });
    for (const url of [`${gatewayBase}/pictures/${picture.id}`, `${gatewayBase}/pictures/${picture.id}/thumbnail`]) {
      const served = await fetchPicture(url);
      assert.equal(served.status, 200, url);
      assert.match(served.contentType, /^image\//);
      assert.match(served.cacheControl, /\bpublic\b/);
      assert.ok(served.bytes > 0);
    }
  });

  test('the gateway refuses an upload too large from its Content-Length; the subgraph refuses a file too large, and a GIF on `file`', async () => {
    // 6 files of 5,308,416 bytes and 1 MiB of parts: 32,899,072 bytes at most.
    const large = await postLargeUpload(gateway.graphql, seller.token, 40 * 1024 * 1024);
    assert.equal(large.status, 413, JSON.stringify(large.body));
    assert.deepEqual(large.body, { errors: [{ message: 'An upload request is at most 32899072 bytes.', extensions: { code: 'BAD_USER_INPUT' } }] });
    // Answered from the headers: long before the body could have been read, let alone passed on.
    assert.ok(large.sent < large.total / 2, `answered after ${large.sent} of ${large.total} bytes`);
    assert.ok(large.ms < 5000, `answered after ${large.ms} ms`);

    // One file over the subgraph's bound for a file, the request within the gateway's: passed on, and
    // refused by the subgraph as it reads it. (The all-in-one host answers this with HTTP 413; through
    // the gateway the subgraph's refusal arrives as the operation's error.)
    const oversized = { name: 'huge.png', type: 'image/png', bytes: new Uint8Array(5_308_416 + 1) };
    const refused = await uploadPicture(gateway.graphql, seller.token, oversized);
    assert.deepEqual(refused.body?.errors?.map(({ message, extensions: { code } }) => ({ message, code })),
      [{ message: 'The file in part `0` is larger than 5308416 bytes.', code: 'BAD_USER_INPUT' }], JSON.stringify(refused.body));

    // In the order wx.uploadFile sends its parts (the file first), as the mini-program would.
    const answer = await uploadPicture(gateway.graphql, seller.token, gif, { order: 'files-first' });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body));
    const { picture, errors } = answer.body.data.uploadTicketPicture;
    assert.equal(picture, null);
    assert.deepEqual(errors.map(({ code, field }) => ({ code, field })), [{ code: 'VALIDATION_FAILED', field: 'file' }], JSON.stringify(errors));
  });
});
