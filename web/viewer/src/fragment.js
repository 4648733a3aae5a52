// The link: https://<host>/s/<id>#v=1&k=<base64url(32-byte key), no padding>.
// Browsers never send the fragment to the server, so the key stays with the
// reader. Parsing is strict: a damaged link is refused with a reason rather
// than half-read.
import {ViewerError} from './errors.js';

const ID = /^[A-Za-z0-9_-]{8,128}$/;
const B64URL = /^[A-Za-z0-9_-]+$/;

export function shareIdFrom(pathname) {
  const match = /^\/s\/([^/]+)\/?$/.exec(pathname);
  if(!match || !ID.test(match[1])) {
    throw new ViewerError('bad-path');
  }
  return match[1];
}

export function base64urlDecode(text) {
  if(!B64URL.test(text) || text.length % 4 === 1) {
    throw new ViewerError('bad-link', {detail: 'not base64url'});
  }
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') +
    '='.repeat((4 - text.length % 4) % 4);
  const binary = atob(b64);
  const out = new Uint8Array(binary.length);
  for(let i = 0; i < binary.length; i++) {
    out[i] = binary.charCodeAt(i);
  }
  return out;
}

/** "#v=1&k=..." -> {key: Uint8Array(32)}; throws ViewerError with a reason. */
export function parseFragment(hash) {
  const body = (hash || '').replace(/^#/, '');
  if(!body) {
    throw new ViewerError('no-key');
  }
  if(body.length > 4096) {
    throw new ViewerError('bad-link', {detail: 'fragment too long'});
  }
  const fields = new Map();
  for(const part of body.split('&')) {
    const eq = part.indexOf('=');
    if(eq <= 0) {
      throw new ViewerError('bad-link', {detail: `malformed field "${part.slice(0, 20)}"`});
    }
    const name = part.slice(0, eq);
    if(fields.has(name)) {
      throw new ViewerError('bad-link', {detail: `"${name}" appears twice`});
    }
    fields.set(name, part.slice(eq + 1));
  }
  if(fields.has('v') && fields.get('v') !== '1') {
    throw new ViewerError('link-version', {params: {version: fields.get('v').slice(0, 10)}});
  }
  if(!fields.has('k')) {
    throw new ViewerError(fields.has('b') ? 'self-contained-link' : 'no-key');
  }
  const text = fields.get('k');
  if(text.length !== 43 || text.includes('=')) {
    throw new ViewerError('bad-key', {detail: `key text has ${text.length} characters, expected 43`});
  }
  const key = base64urlDecode(text);
  if(key.length !== 32) {
    throw new ViewerError('bad-key', {detail: `key has ${key.length} bytes, expected 32`});
  }
  return {key};
}
