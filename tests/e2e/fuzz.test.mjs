// Issue 13: one anonymous request must never kill the server, or even make it fail.
//
// About 2,000 requests generated from the served schema (introspection) and from a seed: queries,
// mutations signed in and anonymous, odd and wrong values, odd Unicode, huge and deep inputs,
// fragments, aliases, directives, batches, malformed JSON, odd media types, methods, headers and
// framing, forged tokens, graphql-transport-ws sessions and Server-Sent Events, against the
// platform binary. It fails on any 5xx, a WebSocket close 4500 or 1011, INTERNAL_SERVER_ERROR in an
// answer, a request left unanswered, the process exiting, or an Error/Critical line in the
// platform's log; then checks that the platform still answers and that data it was not given
// to play with is intact.
//
// ETICKET_FUZZ_SEED (printed every run), ETICKET_FUZZ_REQUESTS (default 2000), ETICKET_FUZZ_ONLY
// (indexes, e.g. "17,230": those requests alone), ETICKET_FUZZ_SKIP (kinds, e.g. "huge/or-list"),
// ETICKET_FUZZ_RESTARTS (default 3), ETICKET_FUZZ_DATABASE=mysql (with ETICKET_TEST_MYSQL).
// scripts/fuzz.sh runs a longer fuzz. docs/testing.md says more.
import { test } from 'node:test';
import { join } from 'node:path';
import { formatReport, writeRequests } from './lib/fuzz/report.mjs';
import { fuzzSettings, runFuzz } from './lib/fuzz/runner.mjs';

const settings = fuzzSettings();

function replayCommand(index) {
  const env = [`ETICKET_FUZZ_SEED=${settings.seed}`,
    index !== undefined ? `ETICKET_FUZZ_ONLY=${index}` : settings.only ? `ETICKET_FUZZ_ONLY=${settings.only.join(',')}` : `ETICKET_FUZZ_REQUESTS=${settings.requests}`,
    ...(index === undefined && settings.skip.length ? [`ETICKET_FUZZ_SKIP=${settings.skip.join(',')}`] : []),
    ...(settings.database !== 'sqlite' ? [`ETICKET_FUZZ_DATABASE=${settings.database}`] : [])];
  return `(cd tests/e2e && ${env.join(' ')} node --test fuzz.test.mjs)`;
}

test(`fuzz: ${settings.only ? `requests ${settings.only.join(', ')}` : `${settings.requests} requests`}, seed ${settings.seed}`, { timeout: 60 * 60_000 }, async (t) => {
  t.diagnostic(`seed ${settings.seed}; again: ${replayCommand()}`);
  const { failures, stats, checkError } = await runFuzz(settings, (line) => t.diagnostic(line));
  t.diagnostic(`sent ${stats.sent} requests in ${stats.seconds.toFixed(1)} s (${stats.skipped} skipped, ${stats.restarts} restarts); `
    + `HTTP ${JSON.stringify(stats.statuses)}; WebSocket closes ${JSON.stringify(stats.closes)}`);
  if (process.env.ETICKET_FUZZ_VERBOSE === '1') t.diagnostic(`no "Request finished" logged for: ${JSON.stringify(stats.unsettled)}; waited ${(stats.settleMs / 1000).toFixed(1)} s for the log; ms by kind ${JSON.stringify(stats.msByKind)}`);

  const problems = [];
  if (failures.length) {
    const report = formatReport({ seed: settings.seed, requests: settings.only ?? settings.requests, failures, replayCommand });
    if (process.env.ETICKET_ARTIFACTS) {
      const directory = join(process.env.ETICKET_ARTIFACTS, 'fuzz');
      writeRequests(directory, settings.seed, failures);
      problems.push(`(the offending requests' exact bytes are in ${directory})`);
    }
    problems.unshift(report);
  }
  if (checkError) problems.push(`After the fuzz: ${checkError.message}`);
  if (problems.length) {
    // Printed as well as thrown: the spec reporter indents a thrown message, which is hard to copy from.
    console.log(problems.join('\n'));
    throw new Error(`The fuzz found problems (seed ${settings.seed}); see the report above.`);
  }
});
