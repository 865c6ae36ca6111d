// Starts the built platform (ETicket.Graph.dll) as a child process on a free loopback port.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The platform binary: ETICKET_GRAPH_DLL, else the Release build, else the Debug build. */
export function graphDll() {
  const candidates = [
    process.env.ETICKET_GRAPH_DLL,
    join(repoRoot, 'src/Graph/bin/Release/net10.0/ETicket.Graph.dll'),
    join(repoRoot, 'src/Graph/bin/Debug/net10.0/ETicket.Graph.dll'),
  ].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`Build the platform first (dotnet build -c Release); looked for ${candidates.join(', ')}`);
  return found;
}

/** A free TCP port on 127.0.0.1, as the OS hands it out. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** `count` distinct free TCP ports on 127.0.0.1: all held at once, so none is handed out twice. */
export async function freePorts(count) {
  const servers = await Promise.all(Array.from({ length: count }, () => new Promise((resolveServer, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolveServer(server));
  })));
  const ports = servers.map((server) => server.address().port);
  await Promise.all(servers.map((server) => new Promise((closed) => server.close(closed))));
  return ports;
}

/**
 * Starts one platform process. Kestrel binds port 0 and the process logs the address it got,
 * so no port is guessed. Returns { url, graphql, dataDirectory, child, stop(), output() }; `child` is
 * the process, for tests that watch its output as it comes or notice it exiting.
 */
export async function startPlatform({ role = 'AllInOne', env = {}, dataDirectory, environment = 'Development' } = {}) {
  const ownsData = !dataDirectory;
  const data = dataDirectory ?? mkdtempSync(join(tmpdir(), 'eticket-e2e-'));
  const child = spawn('dotnet', [graphDll()], {
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: environment,
      ASPNETCORE_URLS: 'http://127.0.0.1:0',
      ETicket__DataDirectory: data,
      ETicket__Role: role,
      Logging__LogLevel__Default: 'Warning',
      'Logging__LogLevel__Microsoft.Hosting.Lifetime': 'Information',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${role} did not start within 60 s:\n${log}`));
    }, 60_000);
    const onData = (chunk) => {
      log += chunk;
      const match = /Now listening on: (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => { log += chunk; });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${role} exited with ${code} before listening:\n${log}`));
    });
  });
  return {
    role,
    url,
    graphql: `${url}/graphql`,
    dataDirectory: data,
    child,
    output: () => log,
    async stop() {
      // A process that ended on a signal (a crash: SIGABRT) has no exit code, and will not exit again.
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000).unref())]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      if (ownsData) rmSync(data, { recursive: true, force: true });
    },
  };
}

/** Starts several platforms side by side; if one fails to start, stops the others and throws. */
export async function startPlatforms(optionsList) {
  const started = await Promise.allSettled(optionsList.map((options) => startPlatform(options)));
  const failure = started.find((outcome) => outcome.status === 'rejected');
  if (failure) {
    await Promise.all(started.filter((outcome) => outcome.status === 'fulfilled').map((outcome) => outcome.value.stop()));
    throw failure.reason;
  }
  return started.map((outcome) => outcome.value);
}

/** POSTs a GraphQL request and returns { status, contentType, body }. */
export async function post(endpoint, query, { variables, token, headers = {} } = {}) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.json() };
}

/** Signs in with the Development sign-in and returns { id, token }. */
export async function signIn(endpoint, phoneNumber, nickname) {
  const { body } = await post(endpoint,
    'mutation($input: SignInForDevelopmentInput!) { signInForDevelopment(input: $input) { session { accessToken member { id } } errors { message } } }',
    { variables: { input: { phoneNumber, nickname } } });
  const session = body.data?.signInForDevelopment?.session;
  if (!session) throw new Error(`sign-in failed: ${JSON.stringify(body)}`);
  return { id: session.member.id, token: session.accessToken };
}
