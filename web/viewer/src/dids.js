// Keys, offline. did:key and did:jwk are computed from the DID itself;
// any other DID (did:web) only from a DID document in the evidence pack —
// the copy the holder fetched, which this page cannot confirm, so every use
// is recorded in `used` and reported as "taken from the holder".
import * as DidKey from '@digitalbazaar/did-method-key';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {base64urlDecode} from './fragment.js';

const driver = DidKey.driver();
driver.use({multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from});
driver.use({multibaseMultikeyHeader: 'zDna', fromMultibase: EcdsaMultikey.from});
driver.use({multibaseMultikeyHeader: 'z82L', fromMultibase: EcdsaMultikey.from});

const didKeyCache = new Map();

export class UnknownDidError extends Error {
  constructor(did) {
    super(`no key is known for ${String(did).slice(0, 120)} (this page resolves did:key and did:jwk, ` +
      'and other DIDs only from the DID documents in the holder\'s evidence pack)');
    this.name = 'UnknownDidError';
    this.did = did;
  }
}

export const didOf = url => String(url).split('#')[0];

/** did:web:example.com%3A8443:user:alice -> https://example.com:8443/user/alice/did.json */
export function didWebUrl(did) {
  const parts = did.split(':').slice(2);
  if(parts.length === 0 || !parts[0]) {
    return null;
  }
  const host = decodeURIComponent(parts[0]);
  const path = parts.slice(1).map(decodeURIComponent);
  return path.length ? `https://${host}/${path.join('/')}/did.json` :
    `https://${host}/.well-known/did.json`;
}

/** DID documents from the evidence pack: did -> {document, url, fetchedAt}. */
export function evidenceDids(evidence) {
  const out = new Map();
  const ignored = [];
  for(const item of evidence) {
    if(item.kind !== 'did-document') {
      continue;
    }
    const doc = item.content;
    const id = doc && typeof doc === 'object' ? doc.id : null;
    if(typeof id !== 'string' || !id.startsWith('did:') || id.startsWith('did:key:') ||
      id.startsWith('did:jwk:')) {
      ignored.push(item.url);
      continue;
    }
    if(id.startsWith('did:web:') && didWebUrl(id) !== item.url) {
      ignored.push(item.url); // a document for another address than the DID names
      continue;
    }
    out.set(id, {document: doc, url: item.url, fetchedAt: item.fetchedAt});
  }
  return {dids: out, ignored};
}

function didJwkDocument(did) {
  let jwk;
  try {
    jwk = JSON.parse(new TextDecoder().decode(base64urlDecode(did.slice('did:jwk:'.length))));
  } catch {
    throw new UnknownDidError(did);
  }
  if(!jwk || typeof jwk !== 'object' || typeof jwk.kty !== 'string' || 'd' in jwk) {
    throw new UnknownDidError(did);
  }
  const vm = `${did}#0`;
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/jwk/v1'],
    id: did,
    verificationMethod: [{id: vm, type: 'JsonWebKey', controller: did, publicKeyJwk: jwk}],
    assertionMethod: [vm], authentication: [vm],
    capabilityInvocation: [vm], capabilityDelegation: [vm]
  };
}

const RELATIONS = ['verificationMethod', 'assertionMethod', 'authentication',
  'capabilityInvocation', 'capabilityDelegation', 'keyAgreement'];

function dereference(doc, url) {
  const did = didOf(url);
  const fragment = url.slice(did.length);
  for(const relation of RELATIONS) {
    for(const method of [].concat(doc[relation] || [])) {
      if(method && typeof method === 'object' &&
        (method.id === url || method.id === fragment)) {
        return {'@context': doc['@context'], ...method, id: url,
          controller: method.controller || doc.id};
      }
    }
  }
  throw new UnknownDidError(url);
}

/** A DID document, or one verification method when `url` has a fragment. */
export async function resolveDid(url, {dids = new Map(), used = new Set()} = {}) {
  const did = didOf(url);
  if(did.startsWith('did:key:')) {
    let doc = didKeyCache.get(url);
    if(!doc) {
      try {
        doc = await driver.get({url});
      } catch(error) {
        throw new UnknownDidError(url);
      }
      didKeyCache.set(url, doc);
    }
    return structuredClone(doc);
  }
  let doc;
  if(did.startsWith('did:jwk:')) {
    doc = didJwkDocument(did);
  } else if(dids.has(did)) {
    used.add(did);
    doc = dids.get(did).document;
  } else {
    throw new UnknownDidError(did);
  }
  return structuredClone(url === did ? doc : dereference(doc, url));
}

/** The relation entries of a DID document as absolute DID URLs. */
export function relationIds(doc, relation) {
  return [].concat(doc[relation] || [])
    .map(m => typeof m === 'object' && m ? m.id : m)
    .filter(id => typeof id === 'string')
    .map(id => id.startsWith('#') ? doc.id + id : id);
}

/** A verification method's public key as a JWK (never a private one). */
export async function publicJwkOf(vm) {
  let jwk;
  if(vm.publicKeyJwk && typeof vm.publicKeyJwk === 'object') {
    jwk = vm.publicKeyJwk;
  } else if(typeof vm.publicKeyMultibase === 'string') {
    const ed = vm.publicKeyMultibase.startsWith('z6Mk');
    const lib = ed ? Ed25519Multikey : EcdsaMultikey;
    jwk = await lib.toJwk({keyPair: await lib.from(vm)});
  } else {
    throw new Error('the verification method has no public key this page can read');
  }
  if('d' in jwk) {
    throw new Error('the verification method carries a private key');
  }
  const {kty, crv, x, y} = jwk;
  return Object.fromEntries(Object.entries({kty, crv, x, y}).filter(([, v]) => v !== undefined));
}
