// Ticket pictures on the gateway's public address: GET /pictures/{id} and /pictures/{id}/thumbnail
// are passed to the tickets subgraph, which stores them and checks each address's signature itself
// (docs/pictures.md). Uploads need nothing here: they are GraphQL multipart requests, which Hive
// Gateway forwards to the subgraph as multipart.
export const picturesPrefix = '/pictures/';

// An id and an optional /thumbnail: anything else is not a picture address.
const picturePath = /^\/pictures\/[0-9a-f]{32}(\/thumbnail)?$/;
const passedHeaders = ['content-type', 'content-length', 'cache-control', 'x-content-type-options', 'content-security-policy'];

/** A gateway plugin answering picture addresses with the tickets subgraph's answer, streamed. */
export function usePictures({ ticketsBase, timeoutMs }) {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(picturesPrefix)) return undefined;
      return forward(request, url, ticketsBase, timeoutMs, fetchAPI).then(endResponse);
    },
  };
}

async function forward(request, url, ticketsBase, timeoutMs, { fetch, Response }) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } });
  if (!picturePath.test(url.pathname) || url.search.length > 512) return new Response(null, { status: 404 });
  try {
    // The timeout covers the answer's start; a large picture then streams at the client's pace.
    const answer = await fetch(new URL(url.pathname + url.search, ticketsBase), { method: request.method, signal: AbortSignal.timeout(timeoutMs) });
    const headers = {};
    for (const name of passedHeaders) {
      const value = answer.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    return new Response(answer.body, { status: answer.status, headers });
  } catch {
    return new Response(null, { status: 502 });
  }
}

// Uploads: the gateway buffers a multipart request before it forwards its files, so its size is
// bounded here first, from Content-Length (a multipart body without one is refused): at most
// maxUploadFiles files of at most maxUploadFileBytes each, plus the operations. The subgraph checks
// each file again, and what it shows.
const multipartOverheadBytes = 1024 * 1024;

/** A gateway plugin refusing multipart requests larger than the subgraph would take, before they are read. */
export function useUploadLimit({ maxUploadFiles, maxUploadFileBytes }) {
  const maxBytes = maxUploadFiles * maxUploadFileBytes + multipartOverheadBytes;
  return {
    onRequest({ request, endResponse, fetchAPI: { Response } }) {
      if (request.method !== 'POST' || !(request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/')) return;
      const declared = request.headers.get('content-length');
      const refuse = (status, message) =>
        endResponse(Response.json({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] }, { status }));
      if (declared === null) return refuse(411, 'An upload needs a Content-Length.');
      if (Number(declared) > maxBytes) return refuse(413, `An upload request is at most ${maxBytes} bytes.`);
    },
  };
}
