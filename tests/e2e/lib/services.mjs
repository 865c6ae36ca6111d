// The servers a scaled-out deployment needs besides the platform: Redis (the live-event fan-out),
// a shared database, and Hive Gateway in front of the subgraphs. Each comes from the environment
// scripts/test.sh prepares, or is started here on a free loopback port.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, repoRoot } from './platform.mjs';

const run = promisify(execFile);
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const hasRedisServer = () => spawnSync('redis-server', ['--version']).status === 0;

/**
 * Why the Redis tests cannot run here, or null when they can: they need redis-server on the PATH
 * or ETICKET_TEST_REDIS. Throws instead when the run requires its services
 * (ETICKET_TEST_REQUIRE_SERVICES=1, as scripts/test.sh sets), so CI never skips them.
 */
export function redisUnavailable() {
  if (hasRedisServer() || process.env.ETICKET_TEST_REDIS) return null;
  const reason = 'needs redis-server on the PATH or ETICKET_TEST_REDIS (host:port)';
  if (process.env.ETICKET_TEST_REQUIRE_SERVICES === '1') throw new Error(reason);
  return reason;
}

/**
 * Redis: a redis-server of our own on a free port, without persistence, which the test may kill
 * and start again (`owned`); without the binary, the shared server in ETICKET_TEST_REDIS, which it
 * must leave alone. Returns { host, port, address, owned, cli(...args), kill(), start(), stop() }.
 */
export async function startRedis() {
  const shared = process.env.ETICKET_TEST_REDIS;
  if (!hasRedisServer() && shared) {
    const [host, port] = shared.split(':');
    const redis = redisHandle(host, Number(port));
    return { ...redis, owned: false, kill: notOwned, start: notOwned, stop: async () => {} };
  }
  const port = await freePort();
  const redis = redisHandle('127.0.0.1', port);
  let child = null;
  let log = '';
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => { log += chunk; });
    child.stderr.on('data', (chunk) => { log += chunk; });
    for (let attempt = 0; ; attempt++) {
      if (child.exitCode !== null) throw new Error(`redis-server exited:\n${log}`);
      try {
        if ((await redis.cli('PING')) === 'PONG') return;
      } catch {
        // Not listening yet.
      }
      if (attempt > 200) throw new Error(`redis-server did not answer on ${port}:\n${log}`);
      await delay(50);
    }
  };
  const end = async (signal) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  };
  await start();
  return {
    ...redis,
    owned: true,
    /** Ends the server as a crash would (SIGKILL). */
    kill: () => end('SIGKILL'),
    /** Starts it again on the same port. */
    start,
    stop: () => end('SIGTERM'),
  };
}

async function notOwned() {
  throw new Error('The shared Redis server (ETICKET_TEST_REDIS) is not this test\'s to stop.');
}

function redisHandle(host, port) {
  return {
    host,
    port,
    address: `${host}:${port}`,
    /** Sends one command on a connection of its own; resolves with the reply (a string, number or array). */
    cli: (...args) => redisCommand(host, port, args),
  };
}

/** A minimal RESP client: one command, one reply, then the connection closes. */
function redisCommand(host, port, args) {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    let buffer = Buffer.alloc(0);
    socket.setTimeout(5000, () => socket.destroy(new Error(`Redis at ${host}:${port} did not answer ${args[0]}`)));
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      const parsed = parseReply(buffer, 0);
      if (!parsed) return;
      socket.end();
      if (parsed.value instanceof Error) reject(parsed.value);
      else resolve(parsed.value);
    });
    socket.write(`*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(String(arg))}\r\n${arg}\r\n`).join('')}`);
  });
}

/** { value, end } for the reply starting at offset, or null while it is incomplete. */
function parseReply(buffer, offset) {
  const lineEnd = buffer.indexOf('\r\n', offset);
  if (lineEnd < 0) return null;
  const line = buffer.toString('utf8', offset + 1, lineEnd);
  const next = lineEnd + 2;
  switch (String.fromCharCode(buffer[offset])) {
    case '+': return { value: line, end: next };
    case '-': return { value: new Error(line), end: next };
    case ':': return { value: Number(line), end: next };
    case '$': {
      const length = Number(line);
      if (length < 0) return { value: null, end: next };
      if (buffer.length < next + length + 2) return null;
      return { value: buffer.toString('utf8', next, next + length), end: next + length + 2 };
    }
    case '*': {
      const values = [];
      let at = next;
      for (let i = 0; i < Number(line); i++) {
        const item = parseReply(buffer, at);
        if (!item) return null;
        values.push(item.value);
        at = item.end;
      }
      return { value: values, end: at };
    }
    default: return { value: new Error(`Unexpected Redis reply: ${line}`), end: next };
  }
}

/**
 * The database the subgraphs share: a fresh database on the MariaDB server in ETICKET_TEST_MYSQL (as
 * CI runs), created with the mariadb client and dropped by drop(); else SQLite in the data directory
 * they share. Returns { kind, env, drop() }, env being the platform settings.
 */
export async function createSharedDatabase() {
  const server = process.env.ETICKET_TEST_MYSQL;
  if (!server) return { kind: 'SQLite', env: {}, drop: async () => {} };
  const settings = Object.fromEntries(server.split(';').filter(Boolean).map((pair) => {
    const at = pair.indexOf('=');
    return [pair.slice(0, at).trim().toLowerCase(), pair.slice(at + 1)];
  }));
  const name = `eticket_e2e_${randomBytes(6).toString('hex')}`;
  const mariadb = (sql) => run('mariadb', ['--no-defaults', '-h', settings.server ?? '127.0.0.1', '-P', settings.port ?? '3306',
    '-u', settings.user ?? settings.uid ?? 'root', ...(settings.password ? [`-p${settings.password}`] : []), '-e', sql]);
  await mariadb(`CREATE DATABASE \`${name}\``);
  return {
    kind: 'MariaDB',
    env: {
      ETicket__Database__Provider: 'MySql',
      ETicket__Database__ConnectionString: `${server.replace(/;?\s*$/, ';')}Database=${name}`,
    },
    drop: () => mariadb(`DROP DATABASE IF EXISTS \`${name}\``),
  };
}

/**
 * Hive Gateway (gateway/gateway.config.mjs) on a free port, in front of the given subgraph
 * addresses. Resolves once it is ready; returns { graphql, ws, output(), stop() }.
 */
export async function startGateway({ membersUrl, ticketsUrl, env = {} }) {
  const port = await freePort();
  const child = spawn(join(repoRoot, 'gateway/node_modules/.bin/hive-gateway'),
    ['supergraph', '--config-path', join(repoRoot, 'gateway/gateway.config.mjs'), '--host', '127.0.0.1', '--port', String(port)],
    {
      env: { ...process.env, ETICKET_MEMBERS_URL: membersUrl, ETICKET_TICKETS_URL: ticketsUrl, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  let log = '';
  child.stdout.on('data', (chunk) => { log += chunk; });
  child.stderr.on('data', (chunk) => { log += chunk; });
  const gateway = {
    graphql: `http://127.0.0.1:${port}/graphql`,
    ws: `ws://127.0.0.1:${port}/graphql`,
    output: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, delay(10_000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the gateway exited with ${child.exitCode}:\n${log}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readiness`)).ok) return gateway;
    } catch {
      // Not listening yet.
    }
    await delay(100);
  }
  await gateway.stop();
  throw new Error(`the gateway was not ready within 60 s:\n${log}`);
}
