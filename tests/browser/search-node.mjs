// Runs the real search client (themes/default/static/js/search.js) in Node against a built
// site: script tags are emulated by evaluating the index files in the same context, exactly as
// a browser would run them. Used by the relevance tests, which need no browser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

export function searchIn(siteDir) {
  const head = {
    appendChild(script) {
      queueMicrotask(() => {
        try {
          const path = join(siteDir, script.src);
          vm.runInContext(readFileSync(path, 'utf8'), context, { filename: path });
          script.onload?.();
        } catch (e) {
          script.onerror?.(e);
        }
      });
    },
  };
  const document = {
    currentScript: { dataset: { root: '' } },
    readyState: 'complete',
    head,
    createElement: () => ({}),
    querySelector: () => null,
    addEventListener() {},
  };
  const context = vm.createContext({ document, location: { search: '', href: 'http://x/' }, URLSearchParams, console });
  context.window = context;
  vm.runInContext(readFileSync(join(siteDir, 'js/search.js'), 'utf8'), context);
  return (query, limit = 10) => context.trellisSearch.query(query, limit);
}
