// Runs the fuzz: starts the platform, makes the run's data, sends the cases one at a time (so an
// Error log line or an exit can be tied to the request that caused it), judges every answer, and
// starts the platform again (a limited number of times) if a request killed it.
import { startPlatform } from '../platform.mjs';
import { createSharedDatabase } from '../services.mjs';
import { makeCase } from './cases.mjs';
import { sendRaw } from './http-wire.mjs';
import { HOSTING_LOG, watchLog } from './log-watcher.mjs';
import { introspect } from './schema.mjs';
import { ADMIN_PHONE, checkAfterFuzz, setUpData } from './setup.mjs';
import { runWsSession } from './websocket.mjs';
import { describeOutcome } from './report.mjs';

const MAX_REQUEST_BYTES = 262_144;
/** How long to wait for a request's "Request finished" log line when none comes (Kestrel refused it). */
const SETTLE_MS = 100;
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Settings from the environment: seed, count, which indexes or kinds, restarts, database. */
export function fuzzSettings(env = process.env) {
  const seed = env.ETICKET_FUZZ_SEED ? Number(env.ETICKET_FUZZ_SEED) >>> 0 : (Date.now() ^ (process.pid << 16)) >>> 0;
  const requests = Number(env.ETICKET_FUZZ_REQUESTS ?? 2000);
  const only = env.ETICKET_FUZZ_ONLY ? env.ETICKET_FUZZ_ONLY.split(',').map((index) => Number(index.trim())).filter(Number.isInteger) : null;
  const skip = (env.ETICKET_FUZZ_SKIP ?? '').split(',').map((kind) => kind.trim()).filter(Boolean);
  const restarts = Number(env.ETICKET_FUZZ_RESTARTS ?? 3);
  const database = env.ETICKET_FUZZ_DATABASE ?? 'sqlite';
  const verbose = env.ETICKET_FUZZ_VERBOSE === '1';
  return { seed, requests, only, skip, restarts, database, verbose };
}

/** A platform for the fuzz, its log watcher and its data. */
async function startFuzzPlatform(settings) {
  const database = settings.database === 'mysql' ? await createSharedDatabase() : { kind: 'SQLite', env: {}, drop: async () => {} };
  const platform = await startPlatform({
    env: {
      ...database.env,
      ETicket__Members__Admins__0: ADMIN_PHONE,
      // Long runs must not outlive the run's tokens.
      ETicket__Auth__AccessTokenLifetime: '04:00:00',
      ...HOSTING_LOG,
    },
  });
  const log = watchLog(platform.child);
  const exit = new Promise((resolve) => platform.child.once('exit', (code, signal) => resolve({ code, signal })));
  let exited = null;
  exit.then((info) => { exited = info; });
  try {
    const model = await introspect(platform.graphql);
    const { ctx, control } = await setUpData(platform.graphql, { maxRequestBytes: MAX_REQUEST_BYTES });
    const url = new URL(platform.url);
    return {
      platform, log, model, ctx, control, database: database.kind,
      address: { host: url.hostname, port: Number(url.port) },
      ws: `ws://${url.host}/graphql`,
      exit,
      exited: () => exited,
      async stop() {
        await platform.stop();
        await database.drop().catch(() => {});
      },
    };
  } catch (error) {
    await platform.stop();
    await database.drop().catch(() => {});
    throw error;
  }
}

/** Sends one case and returns its outcome (never throws). */
async function send(server, fuzzCase) {
  if (fuzzCase.transport === 'ws') return { transport: 'ws', ...(await runWsSession(server.ws, fuzzCase.session)) };
  const stall = fuzzCase.request.after === 'stall';
  return { transport: 'http', ...(await sendRaw(server.address, fuzzCase.request, { timeoutMs: stall ? 60_000 : 20_000 })) };
}

const INTERNAL = /INTERNAL_SERVER_ERROR/;

/** What is wrong with an outcome, or null: 5xx, a 4500/1011 close, an INTERNAL_SERVER_ERROR, no answer. */
export function judge(outcome) {
  if (outcome.transport === 'ws') {
    if (outcome.handshakeStatus >= 500) return `WebSocket handshake answered ${outcome.handshakeStatus}`;
    if (outcome.closeCode === 4500 || outcome.closeCode === 1011) return `WebSocket closed with ${outcome.closeCode}`;
    const internal = outcome.messages.find((message) => INTERNAL.test(JSON.stringify(message)));
    if (internal) {
      outcome.internal = internal;
      return 'INTERNAL_SERVER_ERROR in a WebSocket message';
    }
    if (outcome.timedOut) return 'WebSocket session did not end';
    return null;
  }
  if (outcome.status >= 500) return `HTTP ${outcome.status}`;
  if (outcome.timedOut && outcome.status === null) return 'no HTTP answer';
  if (outcome.body && INTERNAL.test(outcome.body.toString('utf8'))) return 'INTERNAL_SERVER_ERROR in the answer';
  return null;
}

/**
 * Runs the whole fuzz. Returns { failures, stats, checkError, settings } where failures are
 * { symptom, index, kind, fuzzCase, outcome?, log? }. `print` receives progress lines.
 */
export async function runFuzz(settings, print = () => {}) {
  const failures = [];
  const stats = { sent: 0, skipped: 0, byKind: {}, statuses: {}, closes: {}, unsettled: {}, settleMs: 0, msByKind: {}, restarts: 0, started: Date.now() };
  let server = await startFuzzPlatform(settings);
  print(`fuzz: platform at ${server.platform.url} (${server.database}), ${server.model.fields(server.model.roots.query).length} query fields, `
    + `${server.model.roots.mutation ? server.model.fields(server.model.roots.mutation).length : 0} mutations, `
    + `${server.model.roots.subscription ? server.model.fields(server.model.roots.subscription).length : 0} subscriptions`);
  const indexes = settings.only ?? Array.from({ length: settings.requests }, (_, i) => i);
  let checkError = null;
  try {
    for (const index of indexes) {
      const fuzzCase = makeCase(settings.seed, index, server.model, server.ctx);
      if (settings.skip.some((kind) => fuzzCase.kind === kind || fuzzCase.kind.startsWith(`${kind}/`))) {
        stats.skipped++;
        continue;
      }
      server.log.running(index);
      const startedAt = performance.now();
      const finishedBefore = server.log.requestsFinished();
      const outcome = await Promise.race([send(server, fuzzCase), server.exit.then(() => null)]);
      // Wait for its "Request finished" in the log (not every request gets that far: Kestrel answers
      // some itself), so that what it logged is tied to it and not to the next one.
      const settleStart = performance.now();
      const settled = await Promise.race([server.log.settled(finishedBefore, SETTLE_MS), server.exit.then(() => true)]);
      stats.settleMs += performance.now() - settleStart;
      if (!settled) stats.unsettled[fuzzCase.kind] = (stats.unsettled[fuzzCase.kind] ?? 0) + 1;
      server.log.finished(index);
      const family = fuzzCase.kind.split('/')[0];
      stats.msByKind[family] = (stats.msByKind[family] ?? 0) + Math.round(performance.now() - startedAt);
      stats.sent++;
      stats.byKind[fuzzCase.kind] = (stats.byKind[fuzzCase.kind] ?? 0) + 1;
      if (outcome?.transport === 'http') stats.statuses[outcome.status ?? outcome.error ?? 'none'] = (stats.statuses[outcome.status ?? outcome.error ?? 'none'] ?? 0) + 1;
      if (outcome?.transport === 'ws') stats.closes[outcome.closeCode ?? outcome.handshakeStatus ?? 'none'] = (stats.closes[outcome.closeCode ?? outcome.handshakeStatus ?? 'none'] ?? 0) + 1;

      // A request that brought the process down: the exit is noticed as it happens, or just after.
      if (!server.exited()) await Promise.race([server.exit, delay(outcome && !outcome.error ? 0 : 50)]);
      if (server.exited()) {
        const { code, signal } = server.exited();
        failures.push({ symptom: `the platform exited (code ${code}, signal ${signal})`, index, kind: fuzzCase.kind, fuzzCase, outcome, log: server.log.tail().slice(-25) });
        collectLog(server, settings.seed, failures);
        print(`fuzz: request #${index} (${fuzzCase.kind}) ended the platform process (code ${code}, signal ${signal})`);
        await server.stop();
        if (stats.restarts >= settings.restarts) {
          print(`fuzz: not starting it again (ETICKET_FUZZ_RESTARTS=${settings.restarts}); the run stops here`);
          server = null;
          break;
        }
        stats.restarts++;
        server = await startFuzzPlatform(settings);
        print(`fuzz: started the platform again at ${server.platform.url}; going on`);
        continue;
      }
      const symptom = outcome ? judge(outcome) : null;
      if (settings.verbose) print(`#${index} ${fuzzCase.kind}${fuzzCase.note ? ` (${fuzzCase.note})` : ''}: ${describeOutcome(outcome)}`);
      if (symptom) failures.push({ symptom, index, kind: fuzzCase.kind, fuzzCase, outcome });
    }
    if (server) {
      // The console logger writes from a queue of its own: let it catch up before reading it.
      await delay(500);
      try {
        await checkAfterFuzz(server.platform.graphql, server.control);
      } catch (error) {
        checkError = error;
      }
      await delay(200);
      collectLog(server, settings.seed, failures);
    }
  } finally {
    await server?.stop();
  }
  stats.seconds = (Date.now() - stats.started) / 1000;
  return { failures, stats, checkError, settings };
}

/** Turns the Error and Critical entries of a platform's log into failures, tied to the request running then. */
function collectLog(server, seed, failures) {
  for (const entry of server.log.entries.splice(0)) {
    const index = entry.running ?? entry.finished;
    // Generated again rather than kept: a long run's bodies would not fit in memory.
    const fuzzCase = index === null ? null : makeCase(seed, index, server.model, server.ctx);
    const headline = entry.lines[0].replace(/^(\w+): /, '');
    const exception = entry.lines.find((line) => /^\s+\S+(Exception|Error)\b/.test(line))?.trim().split(':')[0];
    failures.push({
      symptom: `logged ${entry.level}: ${headline}${exception ? ` (${exception})` : ''}`,
      index,
      kind: fuzzCase?.kind ?? 'after the fuzz',
      fuzzCase,
      log: entry.lines,
      attribution: entry.running !== null ? 'running' : 'just finished',
    });
  }
}
