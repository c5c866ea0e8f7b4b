// Reads the README's fenced code blocks and the marker comment on the line before each (see the comment at the top
// of README.md): `<!-- test -->`, `<!-- test: NAME -->` or `<!-- not tested: WHY -->`. ReadmeBlocks.java reads the
// same markers for the blocks the Java tests run.
import { readFileSync } from 'node:fs';

/** The languages whose blocks must carry a marker: every one is either run or says why not. */
export const CHECKED_LANGS = new Set(['bash', 'sh', 'js', 'json']);

const FENCE = /^(\s*)```(\w*)\s*$/;
const MARKER = /^\s*<!--\s*(test|not tested)(?:\s*:\s*(.*?))?\s*-->\s*$/;

/** Every fenced block of the file: {line, lang, code, marker ('test' | 'not tested' | undefined), arg}. */
export function readmeBlocks(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]);
    if (!open) continue;
    let end = i + 1;
    while (end < lines.length && lines[end].trim() !== '```') end++;
    const indent = open[1].length;
    const code = lines.slice(i + 1, end).map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)));
    const marker = MARKER.exec(lines[i - 1] ?? '');
    blocks.push({ line: i + 1, lang: open[2], code: code.join('\n') + '\n', marker: marker?.[1], arg: marker?.[2] });
    i = end;
  }
  return blocks;
}
