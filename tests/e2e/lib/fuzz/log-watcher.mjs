// Watches the platform's console output (the default ASP.NET Core console logger) for Error and
// Critical entries, `fail:` and `crit:`, as they arrive, and notes which fuzz request was running
// then, and which had just finished. An entry's indented lines (message, exception) are kept with it.
//
// The console logger writes from a queue of its own, a little after the fact. To tie an entry to
// the right request, the platform also logs ASP.NET Core's "Request finished" (Hosting.Diagnostics
// at Information, see HOSTING_LOG): an entry logged while a request ran is written before that
// request's "Request finished", so once the fuzz has seen it, the request's entries are all in.

/** The setting that makes the platform log one "Request finished" line per request. */
export const HOSTING_LOG = { 'Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics': 'Information' };
const REQUEST_FINISHED = /^info: Microsoft\.AspNetCore\.Hosting\.Diagnostics\[2\]/;

const ENTRY = /^(trce|dbug|info|warn|fail|crit): /;

export function watchLog(child) {
  const entries = [];
  let current = null; // the entry whose continuation lines are still arriving
  let pending = { stdout: '', stderr: '' };
  let context = { running: null, finished: null };
  const tail = [];
  let requestsFinished = 0;
  let onFinished = () => {};

  const onLine = (line) => {
    if (!line.startsWith('info: Microsoft.AspNetCore.Hosting') && !/^\s+Request (starting|finished)/.test(line)) tail.push(line);
    if (tail.length > 200) tail.shift();
    const match = ENTRY.exec(line);
    if (match) {
      current = null;
      if (REQUEST_FINISHED.test(line)) {
        requestsFinished++;
        onFinished();
        return;
      }
      if (match[1] === 'fail' || match[1] === 'crit') {
        current = { level: match[1], lines: [line], running: context.running, finished: context.finished, at: Date.now() };
        entries.push(current);
      }
    } else if (current && /^\s/.test(line) && current.lines.length < 60) {
      current.lines.push(line);
    } else {
      current = null;
    }
  };
  const listen = (name) => (chunk) => {
    pending[name] += chunk.toString('utf8');
    const lines = pending[name].split('\n');
    pending[name] = lines.pop();
    for (const line of lines) onLine(line.replace(/\r$/, ''));
  };
  child.stdout.on('data', listen('stdout'));
  child.stderr.on('data', listen('stderr'));

  return {
    /** Entries seen so far: { level, lines, running, finished, at }. */
    entries,
    /** The last lines of output (for a process that exited). */
    tail: () => [...tail, pending.stdout, pending.stderr].filter(Boolean),
    /** How many "Request finished" lines have been written so far. */
    requestsFinished: () => requestsFinished,
    /** Resolves once more than `count` requests have finished in the log, or after `ms`. */
    settled(count, ms) {
      if (requestsFinished > count) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => { onFinished = () => {}; resolve(false); }, ms);
        onFinished = () => {
          if (requestsFinished > count) {
            clearTimeout(timer);
            onFinished = () => {};
            resolve(true);
          }
        };
      });
    },
    /** Tells the watcher which request is running (index or null) and which finished last. */
    running(index) {
      context = { running: index, finished: context.finished };
    },
    finished(index) {
      context = { running: null, finished: index };
    },
  };
}
