// One embedded credential -> a report of named checks, each with a state:
//   signature  ok | fail | unchecked   (unchecked: no proof, an EU seal, an
//                                        unsupported kind; never "ok")
//   validity   ok | expired | not-yet | bad-date | unchecked
//   status     none | ok | revoked | suspended | missing | fail | unchecked
//   binding    ok | other | unknown | unchecked  (subject vs. the presenter)
// plus where keys came from when the holder supplied them (did:web).
import {_checkCredential, CredentialIssuancePurpose} from '@digitalbazaar/vc';
import {detailOf} from '../errors.js';
import {createLoader} from '../loader.js';
import {validity} from './dates.js';
import {verifyJwtCredential} from './jwt.js';
import {verifyProof} from './linkeddata.js';
import {checkTokenStatus, verifySdJwt} from './sdjwt.js';
import {checkStatus} from './status.js';

const FORMATS = {
  'application/vc+jwt': 'vc-jose', 'application/vc+ld+json+jwt': 'vc-jose',
  'application/jwt': 'vc-jwt',
  'application/dc+sd-jwt': 'sd-jwt', 'application/vc+sd-jwt': 'sd-jwt',
  'application/jose+json': 'edc-jades',
  'application/xml': 'edci-xml', 'text/xml': 'edci-xml',
  'application/vc+ld+json': 'ldp', 'application/vc': 'ldp', 'application/ld+json': 'ldp'
};
const V1 = 'https://www.w3.org/2018/credentials/v1';
const MAX_DATA_URL = 3 * 1024 * 1024;

const asList = v => v === undefined || v === null ? [] : [].concat(v);
export const idOf = v => typeof v === 'string' ? v : v && typeof v === 'object' && typeof v.id === 'string' ? v.id : undefined;

export function parseDataUrl(url) {
  if(typeof url !== 'string' || !url.startsWith('data:') || url.length > MAX_DATA_URL) {
    return null;
  }
  const comma = url.indexOf(',');
  if(comma < 0) {
    return null;
  }
  const meta = url.slice(5, comma).split(';').map(s => s.trim());
  const mediaType = meta[0].toLowerCase();
  const base64 = meta.slice(1).includes('base64');
  const body = url.slice(comma + 1);
  let text;
  try {
    if(base64) {
      const binary = atob(body);
      const bytes = Uint8Array.from(binary, c => c.charCodeAt(0));
      text = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
    } else {
      text = /%[0-9A-Fa-f]{2}/.test(body) ? decodeURIComponent(body) : body;
    }
  } catch {
    return {mediaType, text: null};
  }
  return {mediaType, text};
}

/**
 * Only a DID can tie a credential to the presenter (who proved control of
 * theirs by signing the bundle); any other subject identifier (an e-mail, a
 * urn:epass id) leaves the reader to compare names ("unknown").
 */
function binding(subjectIds, holder) {
  const dids = subjectIds.filter(id => id.startsWith('did:'));
  if(holder && dids.includes(holder)) {
    return {state: 'ok', subject: holder};
  }
  return dids.length ? {state: 'other', subject: dids[0]} : {state: 'unknown'};
}

function datesOf(credential) {
  const v1 = asList(credential['@context'])[0] === V1;
  return v1 ? {from: [credential.issuanceDate], until: [credential.expirationDate]} :
    {from: [credential.validFrom], until: [credential.validUntil]};
}

function keySources(used, ctx) {
  return [...used].map(key => {
    if(key.startsWith('jwt-vc-issuer:')) {
      const iss = key.slice('jwt-vc-issuer:'.length);
      const meta = ctx.issuerKeys.get(iss);
      return {kind: 'jwt-vc-issuer', id: iss, url: meta.url, fetchedAt: meta.fetchedAt};
    }
    const did = ctx.dids.get(key);
    return {kind: 'did-document', id: key, url: did.url, fetchedAt: did.fetchedAt};
  });
}

/** Signature (+ data model) of a JSON-LD credential, without status. */
async function verifyLinkedDataCredential(credential, ctx, used) {
  try {
    _checkCredential({credential, now: ctx.now, mode: 'issue'});
  } catch(error) {
    return {state: 'fail', reason: 'malformed-credential', detail: detailOf(error)};
  }
  return verifyProof(credential, {purpose: new CredentialIssuancePurpose(),
    documentLoader: createLoader({dids: ctx.dids, used})});
}

/** A status list credential from the evidence pack: signature and dates. */
async function verifyListCredential(item, ctx) {
  const used = new Set();
  if(typeof item.content === 'string') {
    const result = await verifyJwtCredential(item.content.trim(), 'vc2', {...ctx, used});
    return {signature: result.signature, credential: result.credential,
      validity: validity(result.dates, ctx.now), keys: keySources(used, ctx)};
  }
  const signature = await verifyLinkedDataCredential(item.content, ctx, used);
  return {signature, credential: item.content, validity: validity(datesOf(item.content), ctx.now),
    keys: keySources(used, ctx)};
}

function statusContext(ctx) {
  return {
    lists: ctx.statusLists,
    verifyList: item => {
      if(!ctx.listCache.has(item.url)) {
        ctx.listCache.set(item.url, verifyListCredential(item, ctx));
      }
      return ctx.listCache.get(item.url);
    }
  };
}

function unchecked(reason) {
  return {state: 'unchecked', reason};
}

/**
 * How an entry of verifiableCredential travels: {format, mediaType, text}
 * (text: the enveloped payload, or null for a JSON-LD object), or {problem}.
 */
function classify(entry) {
  if(!entry || typeof entry !== 'object' || Array.isArray(entry)) {
    return {format: 'unknown', mediaType: null, text: null};
  }
  const types = asList(entry.type);
  if(types.includes('EnvelopedVerifiableCredential')) {
    const data = parseDataUrl(entry.id);
    if(!data) {
      return {problem: 'the envelope has no data: URL'};
    }
    const format = FORMATS[data.mediaType] || 'unknown';
    if(data.text === null) {
      return {format, mediaType: data.mediaType, problem: 'the data: URL cannot be decoded'};
    }
    return {format, mediaType: data.mediaType, text: data.text};
  }
  return {format: types.includes('VerifiableCredential') ? 'ldp' : 'unknown', mediaType: null, text: null};
}

/** The report for verifiableCredential[index]. */
export async function verifyEntry(entry, index, ctx) {
  const kind = classify(entry);
  const report = {index, format: kind.format || 'unknown', mediaType: kind.mediaType || null, credential: null,
    claims: null, signature: unchecked('unknown-format'), validity: unchecked(), status: {state: 'unchecked'},
    binding: {state: 'unchecked'}, keys: []};
  if(kind.problem) {
    report.signature = {state: 'fail', reason: 'malformed', detail: kind.problem};
    return report;
  }
  if(report.format === 'unknown' && !report.mediaType) {
    return report;
  }
  const used = new Set();
  try {
    await verifyByFormat(report, report.format, entry, kind.text, ctx, used);
  } catch(error) {
    report.signature = {state: 'fail', reason: 'proof-error', detail: detailOf(error)};
  }
  report.keys = keySources(used, ctx);
  return report;
}

async function verifyByFormat(report, format, entry, text, ctx, used) {
  if(format === 'ldp') {
    let credential = entry;
    if(text !== null) {
      credential = JSON.parse(text);
    }
    report.credential = credential;
    report.signature = await verifyLinkedDataCredential(credential, ctx, used);
    report.validity = validity(datesOf(credential), ctx.now);
    report.status = await checkStatus(credential, statusContext(ctx));
    report.binding = binding(asList(credential.credentialSubject).map(idOf).filter(Boolean), ctx.holder);
  } else if(format === 'vc-jose' || format === 'vc-jwt') {
    const result = await verifyJwtCredential(text.trim(), format === 'vc-jwt' ? 'vc11' : 'vc2',
      {...ctx, used});
    report.credential = result.credential;
    report.signature = result.signature;
    if(result.credential) {
      report.validity = validity(result.dates, ctx.now);
      report.status = await checkStatus(result.credential, statusContext(ctx));
      report.binding = binding(asList(result.credential.credentialSubject).map(idOf).filter(Boolean),
        ctx.holder);
    }
  } else if(format === 'sd-jwt') {
    const result = await verifySdJwt(text, {...ctx, used});
    report.signature = result.signature;
    report.claims = result.claims;
    if(result.claims) {
      report.validity = validity(result.dates, ctx.now);
      const issuer = result.claims.iss;
      report.status = await checkTokenStatus(result.claims, issuer, {tokenLists: ctx.tokenLists,
        ctx: {...ctx, used}}) || {state: 'none'};
      report.binding = await sdJwtBinding(result, ctx);
      if(result.kb.state === 'fail') { // a key binding JWT that does not hold: not what the holder presented
        report.signature = {state: 'fail', reason: 'bad-key-binding', detail: result.kb.detail};
      }
    }
  } else if(format === 'edc-jades') {
    report.signature = unchecked('eu-seal');
    report.credential = jadesPayload(text);
  } else if(format === 'edci-xml') {
    report.signature = unchecked('eu-seal');
  } else {
    report.signature = {state: 'unchecked', reason: 'unknown-format', params: {kind: report.mediaType || '?'}};
  }
}

/** The credential inside a JAdES JSON serialisation (shown, never called verified). */
function jadesPayload(text) {
  try {
    const jws = JSON.parse(text);
    const payload = typeof jws.payload === 'string' ? jws.payload : null;
    if(!payload) {
      return null;
    }
    let json = payload; // JAdES b64:false: the payload is the JSON text itself
    if(!payload.trimStart().startsWith('{')) {
      json = new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')
        .padEnd(Math.ceil(payload.length / 4) * 4, '=')), c => c.charCodeAt(0)));
    }
    const credential = JSON.parse(json);
    return credential && typeof credential === 'object' && !Array.isArray(credential) ? credential : null;
  } catch {
    return null;
  }
}

async function sdJwtBinding(result, ctx) {
  const claims = result.claims;
  if(typeof claims.sub === 'string' && claims.sub.startsWith('did:')) {
    return binding([claims.sub], ctx.holder);
  }
  const cnf = claims.cnf && claims.cnf.jwk;
  if(!cnf || !ctx.holderJwk) {
    return {state: cnf && !ctx.holderJwk ? 'other' : 'unknown'};
  }
  const same = cnf.kty === ctx.holderJwk.kty && cnf.crv === ctx.holderJwk.crv && cnf.x === ctx.holderJwk.x &&
    (cnf.y ?? null) === (ctx.holderJwk.y ?? null);
  return same ? {state: 'ok', subject: ctx.holder} : {state: 'other', subject: 'cnf'};
}
