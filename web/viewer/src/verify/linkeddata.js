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
 * Verifies the proofs of `doc` for `purpose`. Returns {state, reason, detail,
 * proofs} with state "ok", "fail" (a proof did not verify) or "unchecked"
 * (no proof, or only kinds this page does not support).
 */
export async function verifyProof(doc, {purpose, documentLoader}) {
  const proofs = proofsOf(doc);
  const labels = proofs.map(proofLabel);
  if(proofs.length === 0) {
    return {state: 'unchecked', reason: 'no-proof', proofs: labels};
  }
  if(!proofs.some(supported)) {
    return {state: 'unchecked', reason: 'unsupported-proof', params: {kind: labels.join(', ')},
      proofs: labels};
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
