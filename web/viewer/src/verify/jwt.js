// Compact JWS credentials with `jose`: VC-JOSE (application/vc+jwt, the
// payload is the credential) and VC 1.1 JWTs (application/jwt, a `vc`
// claim). The algorithm must agree with the key's type (never the header
// alone); `none`, HMAC and compressed payloads are refused. Keys come from
// the `kid` DID URL (did:key, did:jwk, or a DID document from the evidence
// pack), and `kid` must be an assertionMethod of its DID.
import * as jose from 'jose';
import {detailOf} from '../errors.js';
import {didOf, publicJwkOf, relationIds, resolveDid} from '../dids.js';

const KEY_ALGS = {'OKP/Ed25519': ['EdDSA', 'Ed25519'], 'EC/P-256': ['ES256'], 'EC/P-384': ['ES384']};
const SUPPORTED_ALGS = ['EdDSA', 'Ed25519', 'ES256', 'ES384'];
export const JWT_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'cnf', 'status', 'vct', '_sd', '_sd_alg'];
const MAX_JWS = 2 * 1024 * 1024;

export function decodeJson(part) {
  const bytes = jose.base64url.decode(part);
  const value = JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(bytes));
  if(!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error('not a JSON object');
  }
  return value;
}

function fail(reason, error, extra = {}) {
  return {state: 'fail', reason, detail: error ? detailOf(error) : '', ...extra};
}

/** The kid as an absolute DID URL, or null when the JWT does not name a key we can find. */
function keyId(header, payload) {
  const kid = typeof header.kid === 'string' ? header.kid : null;
  const iss = typeof payload.iss === 'string' ? payload.iss : null;
  if(kid && kid.startsWith('did:') && kid.includes('#')) {
    return kid;
  }
  if(kid && kid.startsWith('#') && iss && iss.startsWith('did:')) {
    return iss + kid;
  }
  if(!kid && iss && (iss.startsWith('did:key:') || iss.startsWith('did:jwk:'))) {
    return iss; // a single-key DID: its first assertion method, resolved below
  }
  return null;
}

/**
 * Verifies a compact JWS's signature. Returns {state, reason, detail,
 * header, payload, kid, issuerDid}; payload is the decoded JSON object.
 * `keys` may supply extra JWKS (from JWT VC issuer metadata) by issuer URL.
 */
export async function verifyJws(jws, {dids, used, issuerKeys} = {}) {
  if(typeof jws !== 'string' || jws.length > MAX_JWS) {
    return fail('malformed', new Error('not a compact JWS of acceptable size'));
  }
  const parts = jws.split('.');
  if(parts.length !== 3) {
    return fail('malformed', new Error(`a compact JWS has 3 parts, this has ${parts.length}`));
  }
  let header;
  let payload;
  try {
    header = decodeJson(parts[0]);
    payload = decodeJson(parts[1]);
  } catch(error) {
    return fail('malformed', error);
  }
  const alg = header.alg;
  if(typeof alg !== 'string' || alg === 'none' || /^HS/.test(alg)) {
    return fail('forbidden-alg', new Error(`alg "${String(alg).slice(0, 20)}" is refused`), {header, payload});
  }
  if(header.zip !== undefined) {
    return fail('forbidden-alg', new Error('compressed JWS payloads are refused'), {header, payload});
  }
  if(!SUPPORTED_ALGS.includes(alg)) {
    return {state: 'unchecked', reason: 'unsupported-alg', params: {kind: alg.slice(0, 20)}, header, payload};
  }
  let jwk;
  let kid = keyId(header, payload);
  let issuerDid = kid ? didOf(kid) : null;
  try {
    if(kid) {
      const doc = await resolveDid(issuerDid, {dids, used});
      const assertion = relationIds(doc, 'assertionMethod');
      if(kid === issuerDid) {
        kid = assertion[0];
      }
      if(!assertion.includes(kid)) {
        return fail('key-not-issuer', new Error(`kid ${kid} is not an assertionMethod of ${issuerDid}`),
          {header, payload});
      }
      jwk = await publicJwkOf(await resolveDid(kid, {dids, used}));
    } else if(issuerKeys && typeof payload.iss === 'string' && issuerKeys.has(payload.iss)) {
      const {keys} = issuerKeys.get(payload.iss);
      const candidates = keys.filter(k => header.kid === undefined || k.kid === header.kid);
      if(candidates.length !== 1) {
        return {state: 'unchecked', reason: 'unknown-key', header, payload,
          detail: 'the issuer metadata has no single key for this kid'};
      }
      const {kty, crv, x, y} = candidates[0];
      jwk = Object.fromEntries(Object.entries({kty, crv, x, y}).filter(([, v]) => v !== undefined));
      used && used.add(`jwt-vc-issuer:${payload.iss}`);
    } else {
      return {state: 'unchecked', reason: 'unknown-key', header, payload,
        detail: 'the JWT names no key this page can find'};
    }
  } catch(error) {
    if(error && error.name === 'UnknownDidError') {
      return {state: 'unchecked', reason: 'unknown-key', detail: detailOf(error), header, payload};
    }
    return fail('proof-error', error, {header, payload});
  }
  const allowed = KEY_ALGS[`${jwk.kty}/${jwk.crv}`] || [];
  if(!allowed.includes(alg)) {
    return fail('alg-key-mismatch', new Error(`alg ${alg} does not fit a ${jwk.kty}/${jwk.crv} key`),
      {header, payload});
  }
  try {
    const key = await jose.importJWK(jwk, alg);
    await jose.compactVerify(jws, key, {algorithms: [alg]});
  } catch(error) {
    const bad = error && error.code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED';
    return fail(bad ? 'bad-signature' : 'proof-error', error, {header, payload});
  }
  return {state: 'ok', header, payload, kid, issuerDid: issuerDid || payload.iss};
}

const idOf = value => typeof value === 'string' ? value :
  value && typeof value === 'object' && typeof value.id === 'string' ? value.id : undefined;
const iso = seconds => new Date(seconds * 1000).toISOString().replace(/\.000Z$/, 'Z');

/**
 * A VC-JOSE (`vc2`) or VC 1.1 JWT (`vc11`) credential: the signature, then
 * the claims that must agree with the credential. Returns {signature,
 * credential, dates: {from, until}}.
 */
export async function verifyJwtCredential(jws, profile, ctx) {
  const signature = await verifyJws(jws, ctx);
  const payload = signature.payload;
  if(!payload) {
    return {signature, credential: null, dates: {}};
  }
  let credential;
  let problem = null;
  if(profile === 'vc11') {
    if(!payload.vc || typeof payload.vc !== 'object' || Array.isArray(payload.vc)) {
      return {signature: fail('malformed', new Error('the JWT has no "vc" claim')), credential: null, dates: {}};
    }
    credential = {...payload.vc};
    if(credential.issuer === undefined && typeof payload.iss === 'string') {
      credential.issuer = payload.iss;
    }
    if(credential.id === undefined && typeof payload.jti === 'string') {
      credential.id = payload.jti;
    }
    if(credential.issuanceDate === undefined && typeof payload.nbf === 'number') {
      credential.issuanceDate = iso(payload.nbf);
    }
    if(credential.expirationDate === undefined && typeof payload.exp === 'number') {
      credential.expirationDate = iso(payload.exp);
    }
    const subject = credential.credentialSubject;
    if(subject && typeof subject === 'object' && !Array.isArray(subject) && subject.id === undefined &&
      typeof payload.sub === 'string') {
      credential.credentialSubject = {...subject, id: payload.sub};
    }
    if(payload.iss !== undefined && idOf(payload.vc.issuer) !== undefined && idOf(payload.vc.issuer) !== payload.iss) {
      problem = 'JWT "iss" does not match "vc.issuer"';
    } else if(payload.jti !== undefined && payload.vc.id !== undefined && payload.vc.id !== payload.jti) {
      problem = 'JWT "jti" does not match "vc.id"';
    } else if(payload.sub !== undefined && idOf(subject) !== undefined && idOf(subject) !== payload.sub) {
      problem = 'JWT "sub" does not match credentialSubject.id';
    }
  } else {
    if(signature.header && signature.header.typ !== undefined &&
      !['vc+jwt', 'vc+ld+json+jwt', 'vc+ld+jwt'].includes(signature.header.typ)) {
      problem = `unexpected JWS "typ" "${String(signature.header.typ).slice(0, 30)}"`;
    }
    credential = {...payload};
    if(payload.iss !== undefined && idOf(credential.issuer) !== undefined && idOf(credential.issuer) !== payload.iss) {
      problem = 'JWT "iss" does not match "issuer"';
    }
  }
  const types = [].concat(credential.type || []);
  if(!problem && !types.includes('VerifiableCredential')) {
    problem = 'the payload is not a VerifiableCredential';
  }
  if(!problem && signature.state === 'ok' && signature.issuerDid && idOf(credential.issuer) !== signature.issuerDid) {
    problem = `the signing key belongs to ${signature.issuerDid}, not to the issuer ${idOf(credential.issuer)}`;
  }
  if(problem && signature.state === 'ok') {
    return {signature: fail(problem.startsWith('the signing key') ? 'key-not-issuer' : 'claims-mismatch',
      new Error(problem)), credential, dates: {}};
  }
  const from = profile === 'vc11' ? [credential.issuanceDate, payload.nbf] : [credential.validFrom, payload.nbf];
  const until = profile === 'vc11' ? [credential.expirationDate, payload.exp] : [credential.validUntil, payload.exp];
  return {signature, credential, dates: {from, until}};
}
