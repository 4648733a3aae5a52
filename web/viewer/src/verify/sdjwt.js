// SD-JWT VC (application/dc+sd-jwt, application/vc+sd-jwt): the issuer's JWT
// signature (keys as for other JWTs, or from the issuer's JWT VC issuer
// metadata in the evidence pack), every disclosure's digest, the optional key
// binding JWT, and the Token Status List (IETF OAuth status list) when the
// holder included the list token.
import * as jose from 'jose';
import {base64urlDecode} from '../fragment.js';
import {inflate} from '../package.js';
import {detailOf} from '../errors.js';
import {verifyJws} from './jwt.js';

const MAX_DISCLOSURES = 1000;
const MAX_DEPTH = 32;

async function digest(text) {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return jose.base64url.encode(new Uint8Array(hash));
}

function bad(reason, detail, extra = {}) {
  return {state: 'fail', reason, detail, ...extra};
}

/** Replaces `_sd` digests and `{"...": digest}` array items with the disclosed values. */
function reveal(node, disclosed, used, depth = 0) {
  if(depth > MAX_DEPTH) {
    throw new Error('the SD-JWT nests too deeply');
  }
  if(Array.isArray(node)) {
    const out = [];
    for(const item of node) {
      if(item && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length === 1 &&
        typeof item['...'] === 'string') {
        const d = disclosed.get(item['...']);
        if(d) {
          if(used.has(item['...']) || d.length !== 2) {
            throw new Error('a disclosure is used twice or has the wrong shape');
          }
          used.add(item['...']);
          out.push(reveal(d[1], disclosed, used, depth + 1));
        }
      } else {
        out.push(reveal(item, disclosed, used, depth + 1));
      }
    }
    return out;
  }
  if(node && typeof node === 'object') {
    const out = {};
    for(const [key, value] of Object.entries(node)) {
      if(key !== '_sd' && key !== '_sd_alg') {
        out[key] = reveal(value, disclosed, used, depth + 1);
      }
    }
    for(const hash of [].concat(node._sd || [])) {
      const d = disclosed.get(hash);
      if(!d) {
        continue; // a claim the holder chose not to disclose
      }
      if(used.has(hash) || d.length !== 3 || typeof d[1] !== 'string' || d[1] === '_sd' ||
        d[1] === '...' || d[1] in out) {
        throw new Error('a disclosure is used twice, has the wrong shape or repeats a claim');
      }
      used.add(hash);
      out[d[1]] = reveal(d[2], disclosed, used, depth + 1);
    }
    return out;
  }
  return node;
}

/**
 * @returns {signature, claims, dates, binding, kb}: `claims` holds the
 * disclosed claims (what the page may show), `binding` the holder key binding.
 */
export async function verifySdJwt(text, ctx) {
  const pieces = text.trim().split('~');
  if(pieces.length < 2) {
    return {signature: bad('malformed', 'an SD-JWT has at least one "~"'), claims: null, dates: {}};
  }
  const issuerJwt = pieces[0];
  const kbJwt = pieces[pieces.length - 1];
  const disclosures = pieces.slice(1, -1);
  if(disclosures.length > MAX_DISCLOSURES) {
    return {signature: bad('malformed', 'too many disclosures'), claims: null, dates: {}};
  }
  const signature = await verifyJws(issuerJwt, ctx);
  const payload = signature.payload;
  if(!payload) {
    return {signature, claims: null, dates: {}};
  }
  if(signature.state === 'ok' && payload.iss !== signature.issuerDid) {
    return {signature: bad('key-not-issuer', `signed by ${signature.issuerDid}, not by "iss"`), claims: null,
      dates: {}};
  }
  const header = signature.header || {};
  if(header.typ !== undefined && !['dc+sd-jwt', 'vc+sd-jwt'].includes(header.typ)) {
    return {signature: bad('claims-mismatch', `unexpected typ "${String(header.typ).slice(0, 30)}"`),
      claims: null, dates: {}};
  }
  if((payload._sd_alg || 'sha-256') !== 'sha-256') {
    return {signature: {state: 'unchecked', reason: 'unsupported-alg', params: {kind: String(payload._sd_alg)}},
      claims: null, dates: {}};
  }
  let claims;
  try {
    const disclosed = new Map();
    for(const d of disclosures) {
      const value = JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(base64urlDecode(d)));
      if(!Array.isArray(value) || typeof value[0] !== 'string') {
        throw new Error('a disclosure is not [salt, ...]');
      }
      disclosed.set(await digest(d), value);
    }
    const used = new Set();
    claims = reveal(payload, disclosed, used);
    if(used.size !== disclosed.size) {
      throw new Error('a disclosure does not belong to this SD-JWT');
    }
  } catch(error) {
    return {signature: bad('bad-disclosure', detailOf(error)), claims: null, dates: {}};
  }
  const kb = kbJwt ? await verifyKeyBinding(kbJwt, text.slice(0, text.length - kbJwt.length), payload) :
    {state: 'absent'};
  return {signature, claims, kb, dates: {from: [payload.nbf], until: [payload.exp]}};
}

async function verifyKeyBinding(kbJwt, presented, payload) {
  const jwk = payload.cnf && payload.cnf.jwk;
  if(!jwk || typeof jwk !== 'object') {
    return {state: 'fail', detail: 'a key binding JWT without a cnf key'};
  }
  try {
    const header = jose.decodeProtectedHeader(kbJwt);
    if(header.typ !== 'kb+jwt') {
      throw new Error('the key binding JWT is not typ kb+jwt');
    }
    const {kty, crv, x, y} = jwk;
    const key = await jose.importJWK(Object.fromEntries(Object.entries({kty, crv, x, y})
      .filter(([, v]) => v !== undefined)), header.alg);
    const {payload: kb} = await jose.compactVerify(kbJwt, key, {algorithms: ['EdDSA', 'Ed25519', 'ES256', 'ES384']});
    const claims = JSON.parse(new TextDecoder().decode(kb));
    if(claims.sd_hash !== await digest(presented)) {
      throw new Error('sd_hash does not match the presented SD-JWT');
    }
    return {state: 'ok', nonce: claims.nonce, aud: claims.aud};
  } catch(error) {
    return {state: 'fail', detail: detailOf(error)};
  }
}

/** Token Status List: status.status_list {idx, uri} against a list token from the evidence pack. */
export async function checkTokenStatus(claims, issuer, {tokenLists, ctx}) {
  const ref = claims && claims.status && claims.status.status_list;
  if(!ref) {
    return null;
  }
  const {idx, uri} = ref;
  if(!Number.isSafeInteger(idx) || idx < 0 || typeof uri !== 'string') {
    return {state: 'fail', reason: 'status-entry-bad', detail: 'status_list needs idx and uri'};
  }
  const item = tokenLists.get(uri);
  if(!item || typeof item.content !== 'string') {
    return {state: 'missing', url: uri};
  }
  const base = {url: uri, fetchedAt: item.fetchedAt};
  const signature = await verifyJws(item.content.trim(), ctx);
  if(signature.state !== 'ok') {
    return {...base, state: 'fail', reason: 'status-list-signature', detail: signature.detail || ''};
  }
  const list = signature.payload;
  if((signature.header || {}).typ !== 'statuslist+jwt' || list.sub !== uri) {
    return {...base, state: 'fail', reason: 'status-list-bad', detail: 'not a status list token for this uri'};
  }
  if(signature.issuerDid !== issuer) { // the signing key's owner, not what the token claims
    return {...base, state: 'fail', reason: 'status-list-issuer', detail: 'the list is not signed by the issuer'};
  }
  if(typeof list.exp === 'number' && list.exp * 1000 < ctx.now.getTime()) {
    return {...base, state: 'fail', reason: 'status-list-expired'};
  }
  const {bits, lst} = list.status_list || {};
  if(![1, 2, 4, 8].includes(bits) || typeof lst !== 'string') {
    return {...base, state: 'fail', reason: 'status-list-bad', detail: 'status_list needs bits and lst'};
  }
  let bytes;
  try {
    bytes = await inflate(base64urlDecode(lst), {format: 'deflate', cap: 16 * 1024 * 1024,
      tooLarge: 'status-list-bad', malformed: 'status-list-bad'});
  } catch(error) {
    return {...base, state: 'fail', reason: 'status-list-bad', detail: detailOf(error)};
  }
  const bit = idx * bits;
  if(bit >= bytes.length * 8) {
    return {...base, state: 'fail', reason: 'status-list-bad', detail: `index ${idx} is outside the list`};
  }
  const value = (bytes[bit >> 3] >> (bit & 7)) & ((1 << bits) - 1);
  if(value === 0) {
    return {...base, state: 'ok'};
  }
  if(value === 1) {
    return {...base, state: 'revoked'};
  }
  if(value === 2) {
    return {...base, state: 'suspended'};
  }
  return {...base, state: 'unchecked', reason: 'unsupported-status', params: {kind: `status value ${value}`}};
}
