// The share service's API (same origin, no cookies, nothing cached):
//   GET  /api/shares/<id>/meta  -> {"expires", "one_time", "size"}
//   GET  /api/shares/<id>       -> ciphertext (409 {"error":"one-time"} for one-time shares)
//   POST /api/shares/<id>/claim -> ciphertext; a one-time share is deleted by it.
// 404 means missing or expired. Bodies are read with a size cap.
import {ViewerError} from './errors.js';

export const MAX_BLOB_BYTES = 4 * 1024 * 1024;
const MAX_META_BYTES = 16 * 1024;

const OPTIONS = {credentials: 'omit', cache: 'no-store', redirect: 'error',
  referrerPolicy: 'no-referrer'};

async function request(url, init = {}) {
  try {
    return await fetch(url, {...OPTIONS, ...init});
  } catch(error) {
    throw new ViewerError('network', {detail: String(error && error.message || error)});
  }
}

export async function readCapped(response, cap) {
  const declared = Number(response.headers.get('content-length'));
  if(Number.isFinite(declared) && declared > cap) {
    throw new ViewerError('too-large', {detail: `server announced ${declared} bytes`});
  }
  if(!response.body) {
    const whole = new Uint8Array(await response.arrayBuffer());
    if(whole.length > cap) {
      throw new ViewerError('too-large', {detail: `more than ${cap} bytes`});
    }
    return whole;
  }
  const reader = response.body.getReader();
  const chunks = [];
  let total = 0;
  for(;;) {
    let step;
    try {
      step = await reader.read();
    } catch(error) {
      throw new ViewerError('network', {detail: String(error && error.message || error)});
    }
    if(step.done) {
      break;
    }
    total += step.value.length;
    if(total > cap) {
      await reader.cancel();
      throw new ViewerError('too-large', {detail: `more than ${cap} bytes`});
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

function failure(response) {
  if(response.status === 404 || response.status === 410) {
    return new ViewerError('gone');
  }
  if(response.status === 429) {
    return new ViewerError('busy');
  }
  return new ViewerError('server', {params: {status: response.status},
    detail: `HTTP ${response.status}`});
}

const base = id => `/api/shares/${encodeURIComponent(id)}`;

export async function fetchMeta(id) {
  const response = await request(`${base(id)}/meta`, {headers: {accept: 'application/json'}});
  if(!response.ok) {
    throw failure(response);
  }
  let meta;
  try {
    meta = JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(
      await readCapped(response, MAX_META_BYTES)));
  } catch(error) {
    if(error instanceof ViewerError) {
      throw error;
    }
    throw new ViewerError('server', {params: {status: response.status}, detail: 'meta is not JSON'});
  }
  const expires = meta && typeof meta.expires === 'string' ? new Date(meta.expires) : null;
  if(!expires || Number.isNaN(expires.getTime()) || typeof meta.one_time !== 'boolean' ||
    !Number.isSafeInteger(meta.size) || meta.size < 0) {
    throw new ViewerError('server', {params: {status: response.status}, detail: 'meta has the wrong shape'});
  }
  if(meta.size > MAX_BLOB_BYTES) {
    throw new ViewerError('too-large', {detail: `meta announces ${meta.size} bytes`});
  }
  return {expires, oneTime: meta.one_time, size: meta.size};
}

/** The blob, or {oneTime: true} when the server wants an explicit claim. */
export async function fetchBlob(id) {
  const response = await request(base(id), {headers: {accept: 'application/octet-stream'}});
  if(response.status === 409) {
    return {oneTime: true};
  }
  if(!response.ok) {
    throw failure(response);
  }
  return {blob: await readCapped(response, MAX_BLOB_BYTES)};
}

/** Claims (and so burns) a one-time share; only ever called from a click. */
export async function claimBlob(id) {
  const response = await request(`${base(id)}/claim`, {method: 'POST',
    headers: {accept: 'application/octet-stream'}});
  if(!response.ok) {
    const error = failure(response);
    if(error.code === 'gone') {
      throw new ViewerError('gone-once');
    }
    throw error;
  }
  return readCapped(response, MAX_BLOB_BYTES);
}
