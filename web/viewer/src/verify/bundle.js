// The whole bundle: the presenter's proof, each credential, and the verdict.
//   "bad"     Do not rely on this: the presenter's signature fails or has
//             expired, or a credential is forged, expired, not yet valid,
//             revoked, suspended, or names someone else as its subject.
//   "partial" Nothing failed, but something essential could not be checked
//             here (an EU seal, no signature, no status list, a key the
//             holder supplied): each is named.
//   "ok"      Checks out: every check passed in this browser.
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {evidenceDids} from '../dids.js';
import {verifyEntry} from './credential.js';
import {verifyPresentation} from './presentation.js';

/** SD-JWT VC issuer metadata lives at https://host/.well-known/jwt-vc-issuer[/path]. */
function metadataUrl(issuer) {
  try {
    const url = new URL(issuer);
    const path = url.pathname === '/' ? '' : url.pathname;
    return url.protocol === 'https:' ? `${url.origin}/.well-known/jwt-vc-issuer${path}` : null;
  } catch {
    return null;
  }
}

function evidenceMaps(evidence) {
  const statusLists = new Map();
  const tokenLists = new Map();
  const issuerKeys = new Map();
  for(const item of evidence) {
    if(item.kind === 'status-list') {
      statusLists.set(item.url, item);
    } else if(item.kind === 'token-status-list') {
      tokenLists.set(item.url, item);
    } else if(item.kind === 'jwt-vc-issuer' && item.content && typeof item.content === 'object' &&
      typeof item.content.issuer === 'string' && item.url === metadataUrl(item.content.issuer) &&
      item.content.jwks && Array.isArray(item.content.jwks.keys)) {
      issuerKeys.set(item.content.issuer, {keys: item.content.jwks.keys.filter(k => k && typeof k === 'object'),
        url: item.url, fetchedAt: item.fetchedAt});
    }
  }
  return {statusLists, tokenLists, issuerKeys};
}

async function holderJwk(holder) {
  if(typeof holder !== 'string' || !holder.startsWith('did:key:z6Mk')) {
    return null;
  }
  try {
    const key = await Ed25519Multikey.from({publicKeyMultibase: holder.slice('did:key:'.length),
      controller: holder});
    return Ed25519Multikey.toJwk({keyPair: key});
  } catch {
    return null;
  }
}

export function verdict(result) {
  const bad = [];
  const partial = [];
  const p = result.presentation;
  if(p.signature.state !== 'ok') {
    bad.push({key: 'reason.presenter-signature'});
  }
  if(p.expiry.state === 'expired' || p.expiry.state === 'bad-date') {
    bad.push({key: 'reason.presenter-expired'});
  }
  if(result.credentials.length === 0) {
    partial.push({key: 'reason.empty'});
  }
  for(const c of result.credentials) {
    const n = c.index + 1;
    if(c.signature.state === 'fail') {
      bad.push({key: 'reason.forged', n});
    } else if(c.signature.state !== 'ok') {
      partial.push({key: c.signature.reason === 'eu-seal' ? 'reason.eu-seal' :
        c.signature.reason === 'no-proof' ? 'reason.unsigned' : 'reason.unchecked', n});
    }
    if(['expired', 'not-yet', 'bad-date'].includes(c.validity.state)) {
      bad.push({key: `reason.${c.validity.state}`, n});
    }
    if(c.status.state === 'revoked' || c.status.state === 'suspended') {
      bad.push({key: `reason.${c.status.state}`, n});
    } else if(['missing', 'fail', 'unchecked'].includes(c.status.state) && c.signature.state === 'ok') {
      partial.push({key: 'reason.status-unchecked', n});
    }
    if(c.binding.state === 'other') {
      bad.push({key: 'reason.other-person', n});
    } else if(c.binding.state === 'unknown' && c.signature.state === 'ok') {
      partial.push({key: 'reason.no-subject', n});
    }
    if(c.keys.length && c.signature.state === 'ok') {
      partial.push({key: 'reason.holder-key', n});
    }
  }
  return {headline: bad.length ? 'bad' : partial.length ? 'partial' : 'ok', bad, partial};
}

/** Verifies a parsed package (package.js parsePackage) at `now`. */
export async function verifyBundle(pkg, {now = new Date(), onProgress = () => {}} = {}) {
  const presentation = await verifyPresentation(pkg.presentation, {now});
  const {dids, ignored} = evidenceDids(pkg.evidence);
  const ctx = {now, holder: presentation.holder, holderJwk: await holderJwk(presentation.holder), dids,
    ...evidenceMaps(pkg.evidence), listCache: new Map()};
  const credentials = [];
  for(let i = 0; i < pkg.credentials.length; i++) {
    onProgress(i + 1, pkg.credentials.length);
    credentials.push(await verifyEntry(pkg.credentials[i], i, ctx));
  }
  const result = {created: pkg.created, presentation, credentials, evidence: pkg.evidence,
    ignoredEvidence: [...pkg.ignoredEvidence, ...ignored], checkedAt: now};
  return {...result, verdict: verdict(result)};
}
