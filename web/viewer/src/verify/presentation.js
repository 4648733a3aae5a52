// The presenter's proof on the bundle: Data Integrity (eddsa-rdfc-2022 from
// the wallet; any supported suite is accepted) with proof purpose
// "authentication", made with a key of the `holder` DID. The challenge and
// domain the proof carries are shown to the reader (who may have asked for
// them); the proof's `expires` is checked against the clock.
import jsigs from 'jsonld-signatures';
import {createLoader} from '../loader.js';
import {didOf} from '../dids.js';
import {parseDate, SKEW_MS} from './dates.js';
import {proofsOf, verifyProof} from './linkeddata.js';
import {idOf} from './credential.js';

const {AuthenticationProofPurpose, ControllerProofPurpose} = jsigs.purposes;

export async function verifyPresentation(vp, {now}) {
  const holder = idOf(vp.holder) || null;
  const proof = proofsOf(vp)[0] || null;
  const out = {holder, proof: null, signature: {state: 'fail', reason: 'no-proof'},
    expiry: {state: 'none'}};
  if(!proof) {
    return out;
  }
  const challenge = typeof proof.challenge === 'string' ? proof.challenge : null;
  const domain = typeof proof.domain === 'string' ? proof.domain :
    Array.isArray(proof.domain) ? proof.domain.filter(d => typeof d === 'string').join(', ') : null;
  out.proof = {challenge, domain, created: parseDate(proof.created), expires: parseDate(proof.expires),
    verificationMethod: typeof proof.verificationMethod === 'string' ? proof.verificationMethod : null};
  if(proofsOf(vp).length > 1) {
    out.signature = {state: 'fail', reason: 'proof-error', detail: 'the bundle carries more than one proof'};
    return out;
  }
  if(!holder) {
    out.signature = {state: 'fail', reason: 'no-holder'};
    return out;
  }
  if(proof.proofPurpose !== 'authentication') {
    out.signature = {state: 'fail', reason: 'wrong-purpose',
      detail: `proofPurpose is ${String(proof.proofPurpose).slice(0, 40)}`};
    return out;
  }
  if(!out.proof.verificationMethod || didOf(out.proof.verificationMethod) !== holder) {
    out.signature = {state: 'fail', reason: 'signer-not-holder',
      detail: `signed by ${String(out.proof.verificationMethod).slice(0, 120)}`};
    return out;
  }
  const purpose = challenge !== null ?
    new AuthenticationProofPurpose({challenge, domain: typeof proof.domain === 'string' ? proof.domain : undefined}) :
    new ControllerProofPurpose({term: 'authentication'});
  // Only the presenter's own DID: a holder key is never taken from the evidence pack.
  out.signature = await verifyProof(vp, {purpose, documentLoader: createLoader({dids: new Map()}),
    skip: ['verifiableCredential']});
  if(out.signature.state === 'unchecked') {
    out.signature = {...out.signature, state: 'fail'}; // a bundle must carry a proof this page can check
  }
  if(proof.expires !== undefined) {
    const expires = out.proof.expires;
    if(!expires) {
      out.expiry = {state: 'bad-date'};
    } else {
      out.expiry = {state: now.getTime() > expires.getTime() + SKEW_MS ? 'expired' : 'ok', until: expires};
    }
  }
  return out;
}
