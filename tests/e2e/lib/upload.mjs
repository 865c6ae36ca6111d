// The GraphQL multipart request (jaydenseric/graphql-multipart-request-spec), the way the IDE and
// Hive Gateway send file uploads: an `operations` part (the request, with null where each file goes),
// a `map` part (file part name -> paths in the variables) and one part per file. For e2e tests of
// fields that take `Upload` (docs/http-api.md#file-uploads-multipart-requests).

/**
 * POSTs a multipart request with the global fetch/FormData/Blob and resolves with
 * { status, headers, body } (body parsed when it is JSON).
 *
 * files: { 'variables.input.file': { name: 'ticket.jpg', type: 'image/jpeg', bytes: Uint8Array }, ... }
 * The value at each path is set to null in the variables sent, as the spec requires (objects and lists
 * on the way are created when missing). headers: e.g. { Authorization: `Bearer ${token}` }; never
 * a Content-Type, which fetch sets with the boundary. order: 'spec' (operations, map, then the files)
 * or 'files-first' (the files, then operations and map, as wx.uploadFile sends its formData).
 */
export async function postMultipart(url, { query, variables = {}, operationName, files = {} }, headers = {}, { order = 'spec' } = {}) {
  const operations = { query, variables: structuredClone(variables) };
  if (operationName) operations.operationName = operationName;
  const map = {};
  const fileParts = Object.entries(files).map(([path, file], index) => {
    placeNull(operations, path);
    const part = String(index);
    map[part] = [path];
    return [part, new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name ?? `file${index}`];
  });

  const form = new FormData();
  const appendFields = () => {
    form.append('operations', JSON.stringify(operations));
    form.append('map', JSON.stringify(map));
  };
  if (order !== 'files-first') appendFields();
  for (const [part, blob, name] of fileParts) form.append(part, blob, name);
  if (order === 'files-first') appendFields();

  const response = await fetch(url, { method: 'POST', body: form, headers });
  const text = await response.text();
  let body = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: the text as it came.
  }
  return { status: response.status, headers: response.headers, body };
}

/** Sets operations[path] to null, e.g. "variables.input.file" or "variables.files.0". */
function placeNull(operations, path) {
  const segments = path.split('.');
  if (segments[0] !== 'variables' || segments.length < 2 || segments.some((segment) => segment === '')) {
    throw new Error(`"${path}" must point inside the variables, e.g. "variables.input.file"`);
  }
  let node = operations;
  segments.slice(0, -1).forEach((segment, i) => {
    node[segment] ??= /^\d+$/.test(segments[i + 1]) ? [] : {};
    node = node[segment];
  });
  node[segments.at(-1)] = null;
}
