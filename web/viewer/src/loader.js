// The JSON-LD document loader: the wallet's pinned contexts (bundled at build
// time from resources/contexts, hashes checked), and DIDs as dids.js resolves
// them. Any other URL is refused: nothing is ever fetched.
import CONTEXT_ENTRIES from 'virtual:contexts';
import jsonld from 'jsonld';
import {resolveDid} from './dids.js';

export const CONTEXTS = new Map(CONTEXT_ENTRIES);

export class OfflineLoaderError extends Error {
  constructor(url) {
    super(`this page does not load "${String(url).slice(0, 200)}": it uses only its bundled contexts`);
    this.name = 'OfflineLoaderError';
    this.url = url;
  }
}

export function createLoader({dids, used} = {}) {
  return async url => {
    if(CONTEXTS.has(url)) {
      return {contextUrl: null, documentUrl: url, document: CONTEXTS.get(url)};
    }
    if(typeof url === 'string' && url.startsWith('did:')) {
      return {contextUrl: null, documentUrl: url, document: await resolveDid(url, {dids, used})};
    }
    throw new OfflineLoaderError(url);
  };
}

// jsonld's process-wide default (used by any call not given a loader).
jsonld.documentLoader = createLoader();
