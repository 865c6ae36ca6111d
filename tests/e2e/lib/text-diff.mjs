// A line diff for assertion messages: assert's own diff disappears once a message is given.

/**
 * Unified-style diff of two texts: changed lines with `context` unchanged lines around them,
 * "-" for lines only in `expected`, "+" for lines only in `actual`. Empty when the texts are equal.
 */
export function lineDiff(expected, actual, { expectedName = 'expected', actualName = 'actual', context = 3 } = {}) {
  if (expected === actual) return '';
  const a = expected.split('\n');
  const b = actual.split('\n');
  // Longest common subsequence table, from the end: schemas are a few hundred lines.
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);

  const lines = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) lines.push({ sign: ' ', text: a[i++], line: j++ });
    else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) lines.push({ sign: '-', text: a[i++], line: j });
    else lines.push({ sign: '+', text: b[j], line: j++ });
  }

  const shown = lines.map((entry, index) =>
    entry.sign !== ' ' || lines.slice(Math.max(0, index - context), index + context + 1).some((near) => near.sign !== ' '));
  const out = [`--- ${expectedName}`, `+++ ${actualName}`];
  lines.forEach((entry, index) => {
    if (!shown[index]) return;
    if (index === 0 || !shown[index - 1]) out.push(`@@ line ${entry.line + 1} of ${actualName} @@`);
    out.push(`${entry.sign} ${entry.text}`);
  });
  return out.join('\n');
}
