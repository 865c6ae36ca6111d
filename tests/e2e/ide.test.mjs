// Banana Cake Pop at /graphql/: served by the platform, talks only to the platform, runs a query.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { post, repoRoot, signIn, startPlatform } from './lib/platform.mjs';

const artifacts = process.env.ETICKET_ARTIFACTS ?? join(repoRoot, 'artifacts');
// The system Chromium (apt-get install chromium); playwright-core never downloads a browser.
const chromiumPath = process.env.ETICKET_CHROMIUM ?? '/usr/bin/chromium';
const query = '{ listings(first: 1) { totalCount } }';

test('the IDE at /graphql/ loads the schema, runs a query and a subscription, talking only to the platform', { timeout: 180_000 }, async () => {
  mkdirSync(artifacts, { recursive: true });
  const platform = await startPlatform();
  const profile = mkdtempSync(join(tmpdir(), 'eticket-ide-'));
  const contacted = [];
  let context;
  let page;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // Context-wide, so the service worker's own fetches are recorded too.
    context.on('request', (request) => contacted.push(request.url()));
    page = context.pages()[0] ?? await context.newPage();
    // The IDE's worker opens its WebSockets for the page; what the server sends on them is recorded.
    const received = [];
    page.on('websocket', (socket) => {
      contacted.push(socket.url());
      socket.on('framereceived', (frame) => received.push(String(frame.payload)));
    });
    page.setDefaultTimeout(30_000);
    await context.clock.install(); // time runs as usual; installed so the test can skip ahead
    const posts = [];
    page.on('request', (request) => { if (request.method() === 'POST') posts.push(request.url()); });

    // First visit: the IDE's service worker installs and claims the page, and the IDE reloads
    // itself; the reloaded page is the one served by the worker.
    await Promise.all([
      page.waitForEvent('response', (response) => response.request().isNavigationRequest() && response.fromServiceWorker()),
      page.goto(platform.graphql), // the API address: a browser is redirected to the IDE
    ]);
    assert.equal(page.url(), `${platform.graphql}/`);
    const createDocument = page.getByRole('button', { name: 'Create Document' });
    await createDocument.waitFor(); // the IDE renders once it has read bcp-config.json
    // Telemetry, when on, first calls home 10 s after the IDE starts: skip past that, so the
    // request check at the end covers it.
    await page.clock.fastForward('00:30');

    const [introspection] = await Promise.all([
      page.waitForResponse((response) => response.request().postData()?.includes('__schema {')),
      createDocument.click(),
    ]);
    const schema = await introspection.json();
    assert.ok(schema.data.__schema.types.some((type) => type.name === 'Listing'), 'introspection returns the Listing type');

    // The request editor is the first Monaco editor; its textarea sits under the rendered lines.
    await page.getByRole('textbox', { name: /^Editor content/ }).first().focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(query); // inserted as a whole: no auto-closed brackets
    // The builder lists the root types once the IDE has indexed the schema. Seen here: indexing
    // only completes after the first edit, and until then the schema reference may say "No Schema".
    await page.getByRole('treeitem', { name: 'Query' }).waitFor();
    await page.getByRole('tab', { name: 'Schema Reference' }).click();
    await page.getByRole('heading', { name: 'listings(...): ListingConnection!' }).waitFor();
    await page.getByRole('tab', { name: 'Operation' }).click();

    // The "Run" code lens appears once the IDE has parsed the new text, so it runs this query.
    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.request().postData()?.includes('totalCount')),
      page.getByRole('button', { name: 'Run ▷' }).click(),
    ]);
    const result = await answer.json();
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const { totalCount } = result.data.listings;
    await page.getByRole('code').filter({ hasText: `"totalCount": ${totalCount}` }).waitFor();
    await page.screenshot({ path: join(artifacts, 'ide.png') });

    // A subscription: the IDE ("Auto" protocol) opens a WebSocket to the API with graphql-transport-ws
    // (SSE would be its fallback) and shows each event as it arrives.
    const city = `IDE-${Date.now()}`;
    await page.getByRole('textbox', { name: /^Editor content/ }).first().focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(`subscription { listingPublished(city: "${city}") { title seller { nickname } } }`);
    await page.getByRole('treeitem', { name: 'Subscription' }).waitFor(); // the IDE has parsed the new text
    await page.getByRole('button', { name: 'Run ▷' }).click();
    // Events published before the IDE's subscription is live reach nobody: publish until one shows.
    const seller = await signIn(platform.graphql, '13700000001', 'IDE seller');
    let shown;
    for (let attempt = 0; attempt < 20 && !shown; attempt++) {
      const title = `IDE concert ${attempt}`;
      const { body } = await post(platform.graphql,
        'mutation($input: PublishListingInput!) { publishListing(input: $input) { errors { message } } }',
        { token: seller.token, variables: { input: {
          category: 'CONCERT', title, faceValue: '100', price: '100', ticketCode: `IDE-${city}-${attempt}`, city, venue: 'Hall',
          startsAt: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString(),
        } } });
      assert.deepEqual(body.data.publishListing.errors, []);
      shown = await page.getByRole('code').filter({ hasText: `"title": "${title}"` }).waitFor({ timeout: 2_000 })
        .then(() => title, () => undefined);
    }
    assert.ok(shown, 'no published listing showed up in the response panel');
    await page.getByRole('code').filter({ hasText: '"nickname": "IDE seller"' }).waitFor();
    assert.ok(received.includes('{"type":"connection_ack"}'), 'the IDE spoke graphql-transport-ws');
    assert.ok(received.some((frame) => frame.includes('"type":"next"') && frame.includes(shown)), 'the event came over the WebSocket');
    await page.screenshot({ path: join(artifacts, 'ide-subscription.png') });

    // useBrowserUrlAsEndpoint resolves "/graphql" against the page (/graphql/): the API itself.
    assert.deepEqual([...new Set(posts)], [platform.graphql]);
    assert.ok(contacted.includes(`${platform.graphql}/bcp-config.json`), 'requests were recorded');
    const host = new URL(platform.url).host;
    assert.deepEqual(contacted.filter((url) => new URL(url).host !== host), [], 'every request goes to the platform');
  } catch (error) {
    // A failed screenshot must not hide the test's own error.
    await page?.screenshot({ path: join(artifacts, 'ide-failure.png') }).catch(() => {});
    throw error;
  } finally {
    await context?.close();
    await platform.stop();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('the IDE files sit beside the API without changing it, and cache sensibly', { timeout: 90_000 }, async () => {
  const platform = await startPlatform();
  try {
    const get = (path, accept) => fetch(platform.url + path, { headers: { accept }, redirect: 'manual' });

    const browserVisit = await get('/graphql', 'text/html,application/xhtml+xml,*/*;q=0.8');
    assert.equal(browserVisit.status, 302);
    assert.equal(browserVisit.headers.get('location'), '/graphql/');

    const index = await get('/graphql/', 'text/html');
    assert.equal(index.status, 200);
    const html = await index.text();
    assert.match(html, /<title>Banana Cake Pop<\/title>/);
    // index.html and bcp-config.json revalidate, so an upgrade or a config edit shows up.
    assert.equal(index.headers.get('cache-control'), 'no-cache');
    const config = await get('/graphql/bcp-config.json', 'application/json');
    assert.equal((await config.json()).disableTelemetry, true);
    assert.equal(config.headers.get('cache-control'), 'no-cache');
    // Bundles under static/ carry a content hash in their names, so they may be cached for good.
    const bundle = /src="(static\/js\/main\.[0-9a-f]+\.js)"/.exec(html)[1];
    const asset = await get(`/graphql/${bundle}`, '*/*');
    assert.equal(asset.status, 200);
    assert.equal(asset.headers.get('cache-control'), 'public, max-age=31536000, immutable');

    const viaGet = await get(`/graphql?query=${encodeURIComponent('{ __typename }')}`, 'application/json');
    assert.deepEqual(await viaGet.json(), { data: { __typename: 'Query' } });
    const viaPost = await post(platform.graphql, '{ __typename }');
    assert.deepEqual(viaPost.body, { data: { __typename: 'Query' } });
  } finally {
    await platform.stop();
  }
});
