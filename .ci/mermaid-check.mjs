// Reads a Mermaid diagram on standard input and exits 0 if Mermaid parses it.
// Used by tests/designer.rs in CI (LESSONS_MERMAID_CHECK); needs `npm install mermaid@11 jsdom@24` here.
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
const text = readFileSync(0, 'utf8');
try {
  await mermaid.parse(text);
  console.log('ok');
} catch (error) {
  console.error('Mermaid could not parse the graph:', error.message || error);
  process.exit(1);
}
