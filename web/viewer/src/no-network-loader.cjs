// Stands in for jsonld's XHR and Node document loaders (see build.mjs): this
// page never fetches a JSON-LD context or a DID document from the network.
// CommonJS, like the modules it replaces (jsonld calls it as a factory).
'use strict';
module.exports = function noNetworkLoader() {
  return async function refuse(url) {
    throw new Error('this page does not fetch documents (' +
      String(url).slice(0, 200) + ')');
  };
};
