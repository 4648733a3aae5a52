// Data Integrity and Ed25519Signature2020 proofs, with the Digital Bazaar
// suites (the reference peer's set): eddsa-rdfc-2022, ecdsa-rdfc-2019
// (P-256/P-384), eddsa-jcs-2022, ecdsa-jcs-2019, Ed25519Signature2020.
// JSON-LD canonicalisation runs in safe mode (the suites' default), so a term
// no bundled context defines fails the proof rather than being dropped.
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import * as ecdsaJcs2019 from '@digitalbazaar/ecdsa-jcs-2019-cryptosuite';
import {cryptosuite as ecdsaRdfc2019} from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import {Ed25519Signature2020} from '@digitalbazaar/ed25519-signature-2020';
import * as eddsaJcs2022 from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import jsigs from 'jsonld-signatures';
import {detailOf} from '../errors.js';
import {CONTEXTS} from '../loader.js';

export const CRYPTOSUITES = ['eddsa-rdfc-2022', 'ecdsa-rdfc-2019', 'eddsa-jcs-2022', 'ecdsa-jcs-2019'];

export function suites() {
  return [
    new DataIntegrityProof({cryptosuite: eddsaRdfc2022}),
    new DataIntegrityProof({cryptosuite: ecdsaRdfc2019}),
    new DataIntegrityProof({cryptosuite: eddsaJcs2022.createVerifyCryptosuite()}),
    new DataIntegrityProof({cryptosuite: ecdsaJcs2019.createVerifyCryptosuite()}),
    new Ed25519Signature2020()
  ];
}

export function proofsOf(doc) {
  return [].concat(doc.proof || []).filter(p => p && typeof p === 'object');
}

export function proofLabel(proof) {
  return proof.type === 'DataIntegrityProof' ? String(proof.cryptosuite || '?') : String(proof.type || '?');
}

function supported(proof) {
  return (proof.type === 'DataIntegrityProof' && CRYPTOSUITES.includes(proof.cryptosuite)) ||
    proof.type === 'Ed25519Signature2020';
}

function firstError(result) {
  const seen = [];
  const walk = error => {
    if(!error || seen.length > 20) {
      return;
    }
    seen.push(error);
    for(const inner of [].concat(error.errors || [])) {
      walk(inner);
    }
    walk(error.details && error.details.cause);
    walk(error.cause);
  };
  walk(result.error);
  for(const r of result.results || []) {
    walk(r.error);
    if(r.purposeResult && r.purposeResult.error) {
      walk(r.purposeResult.error);
    }
  }
  // a missing key or context explains the rest; otherwise the first innermost error
  const missing = seen.find(e => e.name === 'UnknownDidError' || e.name === 'OfflineLoaderError');
  const leaves = seen.filter(e => !e.errors || e.errors.length === 0);
  return missing || leaves[0] || seen[0];
}

/** Why a proof failed, as a catalogue reason (the library's words go in `detail`). */
export function reasonOf(error) {
  for(let e = error, depth = 0; e && depth < 10; e = e.cause || (e.details && e.details.cause), depth++) {
    if(e.name === 'UnknownDidError') {
      return 'unknown-key';
    }
    if(e.name === 'OfflineLoaderError') {
      return 'unknown-context';
    }
  }
  const text = detailOf(error);
  if(/Invalid signature/i.test(text)) {
    return 'bad-signature';
  }
  if(/safe mode|relative .*IRI|dropped|not defined|undefined term/i.test(text)) {
    return 'undefined-terms';
  }
  if(/not authorized by controller|controller|must match|does not match/i.test(text)) {
    return 'key-not-issuer';
  }
  if(/challenge|domain/i.test(text)) {
    return 'challenge-mismatch';
  }
  return 'proof-error';
}

/**
 * Only bundled context URLs, and no "@context" below the top level (except
 * inside `skip`, e.g. a presentation's own credentials, each checked on its
 * own): an inline or scoped context could re-map a term so that the JSON the
 * page shows means something other than the signed graph (threat "JSON-LD context substitution" in docs/THREATS.md,
 * w3c/vc-data-integrity#272).
 */
export function contextProblem(doc, {skip = []} = {}) {
  const top = [].concat(doc['@context'] ?? []);
  if(top.length === 0) {
    return 'the document has no @context';
  }
  const unknown = top.find(c => typeof c !== 'string' || !CONTEXTS.has(c));
  if(unknown !== undefined) {
    return typeof unknown === 'string' ? `the context ${unknown.slice(0, 120)} is not bundled` :
      'the document carries an inline context';
  }
  // a proof may repeat the document's contexts (the JCS suites require it): URLs, bundled ones
  for(const proof of proofsOf(doc)) {
    const own = [].concat(proof['@context'] ?? []);
    if(own.some(c => typeof c !== 'string' || !CONTEXTS.has(c))) {
      return 'the proof carries a context that is not bundled';
    }
  }
  const stack = Object.entries(doc).filter(([k]) => !['@context', 'proof'].includes(k) && !skip.includes(k))
    .map(([, v]) => v);
  let seen = 0;
  while(stack.length) {
    const node = stack.pop();
    if(++seen > 200000) {
      return 'the document is too large to check';
    }
    if(Array.isArray(node)) {
      stack.push(...node);
    } else if(node && typeof node === 'object') {
      if('@context' in node) {
        return 'the document carries a nested (scoped) context';
      }
      stack.push(...Object.values(node));
    }
  }
  return null;
}

/**
 * Verifies the proofs of `doc` for `purpose`. Returns {state, reason, detail,
 * proofs} with state "ok", "fail" (a proof did not verify) or "unchecked"
 * (no proof, or only kinds this page does not support).
 */
export async function verifyProof(doc, {purpose, documentLoader, skip = []}) {
  const proofs = proofsOf(doc);
  const labels = proofs.map(proofLabel);
  if(proofs.length === 0) {
    return {state: 'unchecked', reason: 'no-proof', proofs: labels};
  }
  if(!proofs.some(supported)) {
    return {state: 'unchecked', reason: 'unsupported-proof', params: {kind: labels.join(', ')},
      proofs: labels};
  }
  const problem = contextProblem(doc, {skip});
  if(problem) {
    return {state: 'unchecked', reason: problem.includes('not bundled') ? 'unknown-context' : 'inline-context',
      detail: problem, proofs: labels};
  }
  let result;
  try {
    result = await jsigs.verify(doc, {suite: suites(), purpose, documentLoader});
  } catch(error) {
    return failure(error, labels);
  }
  if(result.verified) {
    return {state: 'ok', proofs: labels};
  }
  return failure(firstError(result), labels);
}

// A key or a context this page does not have means "could not check", not "forged".
const CANNOT_CHECK = ['unknown-key', 'unknown-context'];

function failure(error, labels) {
  const reason = reasonOf(error);
  return {state: CANNOT_CHECK.includes(reason) ? 'unchecked' : 'fail', reason, detail: detailOf(error),
    proofs: labels};
}
