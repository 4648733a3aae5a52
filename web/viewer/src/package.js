// The sealed package: "WSB1" || nonce(12) || AES-256-GCM(key, nonce,
// plaintext, additionalData = "WSB1") with the 128-bit tag appended, and the
// plaintext a raw DEFLATE of the UTF-8 JSON
//   {"v":1, "type":"wallet-share", "created", "presentation", "evidence":[...]}.
// Everything is refused with a reason: wrong magic, failed authentication
// (wrong key or a changed byte), a decompression bomb, bad UTF-8 or JSON,
// or the wrong shape.
import {ViewerError} from './errors.js';

export const MAGIC = new TextEncoder().encode('WSB1');
export const MAX_PLAINTEXT_BYTES = 4 * 1024 * 1024;
export const MAX_CREDENTIALS = 100;
export const MAX_EVIDENCE = 500;
export const EVIDENCE_KINDS = ['status-list', 'did-document', 'token-status-list', 'jwt-vc-issuer'];

export async function decrypt(blob, keyBytes) {
  if(blob.length < MAGIC.length + 12 + 16) {
    throw new ViewerError('not-a-share', {detail: `${blob.length} bytes`});
  }
  for(let i = 0; i < MAGIC.length; i++) {
    if(blob[i] !== MAGIC[i]) {
      throw new ViewerError('not-a-share', {detail: 'no WSB1 header'});
    }
  }
  const nonce = blob.subarray(4, 16);
  const sealed = blob.subarray(16);
  let key;
  try {
    key = await crypto.subtle.importKey('raw', keyBytes, {name: 'AES-GCM'}, false, ['decrypt']);
  } catch(error) {
    throw new ViewerError('no-webcrypto', {detail: String(error && error.message || error)});
  }
  try {
    const plain = await crypto.subtle.decrypt(
      {name: 'AES-GCM', iv: nonce, additionalData: MAGIC, tagLength: 128}, key, sealed);
    return new Uint8Array(plain);
  } catch(error) {
    throw new ViewerError('decrypt-failed', {detail: String(error && error.name || error)});
  }
}

/** Raw DEFLATE (or 'gzip' / 'deflate') with an output cap: a bomb never fills memory. */
export async function inflate(bytes, {format = 'deflate-raw', cap = MAX_PLAINTEXT_BYTES,
  tooLarge = 'too-large-plaintext', malformed = 'malformed'} = {}) {
  if(typeof DecompressionStream !== 'function') {
    throw new ViewerError('old-browser');
  }
  const reader = new Blob([bytes]).stream()
    .pipeThrough(new DecompressionStream(format)).getReader();
  const chunks = [];
  let total = 0;
  for(;;) {
    let step;
    try {
      step = await reader.read();
    } catch(error) {
      throw new ViewerError(malformed, {detail: `decompression: ${error && error.message || error}`});
    }
    if(step.done) {
      break;
    }
    total += step.value.length;
    if(total > cap) {
      await reader.cancel().catch(() => {});
      throw new ViewerError(tooLarge, {params: {limit: cap}, detail: `more than ${cap} bytes`});
    }
    chunks.push(step.value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for(const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

const isObject = v => v !== null && typeof v === 'object' && !Array.isArray(v);
const isDate = v => typeof v === 'string' && v.length <= 64 && !Number.isNaN(Date.parse(v));

function malformed(detail) {
  return new ViewerError('malformed', {detail});
}

export function parsePackage(plain) {
  let text;
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(plain);
  } catch {
    throw malformed('the package is not UTF-8');
  }
  let doc;
  try {
    doc = JSON.parse(text);
  } catch(error) {
    throw malformed(`the package is not JSON (${error.message})`);
  }
  if(!isObject(doc)) {
    throw malformed('the package is not a JSON object');
  }
  if(doc.v !== 1) {
    throw new ViewerError('package-version', {params: {version: String(doc.v).slice(0, 10)}});
  }
  if(doc.type !== 'wallet-share') {
    throw malformed('"type" is not "wallet-share"');
  }
  if(!isDate(doc.created)) {
    throw malformed('"created" is not a date');
  }
  const vp = doc.presentation;
  const types = isObject(vp) ? [].concat(vp.type || []) : [];
  if(!types.includes('VerifiablePresentation')) {
    throw malformed('"presentation" is not a VerifiablePresentation');
  }
  const creds = [].concat(vp.verifiableCredential ?? []);
  if(creds.length > MAX_CREDENTIALS) {
    throw malformed(`more than ${MAX_CREDENTIALS} credentials`);
  }
  const evidence = doc.evidence ?? [];
  if(!Array.isArray(evidence) || evidence.length > MAX_EVIDENCE) {
    throw malformed('"evidence" is not a list (or is too long)');
  }
  const items = [];
  const ignored = [];
  for(const item of evidence) {
    if(!isObject(item) || typeof item.kind !== 'string' || typeof item.url !== 'string' ||
      !isDate(item.fetched_at) ||
      !(isObject(item.content) || typeof item.content === 'string')) {
      throw malformed('an evidence item lacks kind, url, fetched_at or content');
    }
    if(EVIDENCE_KINDS.includes(item.kind)) {
      items.push({kind: item.kind, url: item.url, fetchedAt: new Date(item.fetched_at),
        mediaType: typeof item.media_type === 'string' ? item.media_type : '',
        content: item.content});
    } else {
      ignored.push(item.kind.slice(0, 40));
    }
  }
  return {created: new Date(doc.created), presentation: vp, credentials: creds,
    evidence: items, ignoredEvidence: ignored};
}
