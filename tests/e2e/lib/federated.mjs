// scripts/federated.sh as the e2e tests run it: with the prebuilt platform binary, logging at
// Warning, and whatever else the test puts in the environment (ports, data directory, Redis).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { graphDll, repoRoot } from './platform.mjs';

/**
 * Starts the script. `ready` resolves once it reports all its processes ready, or rejects if it
 * exits first or takes over 120 s.
 */
export function runFederatedScript(env = {}) {
  const child = spawn(join(repoRoot, 'scripts/federated.sh'), [], {
    env: { ...process.env, ETICKET_GRAPH_DLL: graphDll(), Logging__LogLevel__Default: 'Warning', ...env },
    // In the test runner's process group, so a Ctrl-C in the terminal reaches the script too.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // 'close', not 'exit': by then all of its output has been read.
  const exited = new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  const ready = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      if (output.includes('==> ready')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then((how) => reject(new Error(`scripts/federated.sh exited (${JSON.stringify(how)}):\n${output}`)));
    setTimeout(() => reject(new Error(`scripts/federated.sh was not ready within 120 s:\n${output}`)), 120_000).unref();
  });
  // A test that expects a failed start awaits `ready` itself; others must not see an unhandled rejection.
  ready.catch(() => {});
  const script = {
    ready,
    exited,
    output: () => output,
    /** The processes the script reported started: "==> <name> listening on <url> (pid <pid>)". */
    started: () => [...output.matchAll(/listening on \S+ \(pid (\d+)\)/g)].map((match) => Number(match[1])),
    /** SIGTERM, as a service manager would send; resolves with how the script exited. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        // The script stops its processes within seconds; should it hang, kill them all.
        const timer = setTimeout(() => {
          for (const pid of [...script.started(), child.pid]) kill(pid, 'SIGKILL');
        }, 30_000);
        await exited;
        clearTimeout(timer);
      }
      return exited;
    },
  };
  return script;
}

/** Sends a signal; false if there is no such process. */
export function kill(pid, signal) {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

export const isRunning = (pid) => kill(pid, 0);
