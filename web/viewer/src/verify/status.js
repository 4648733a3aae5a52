// Revocation and suspension, from the status list credentials the holder put
// in the evidence pack. The page verifies each list's own signature (it must
// be signed by the credential's issuer), reads the bit, and says "as of" the
// time the holder fetched it: a list can prove a credential was revoked, and
// can show it was not revoked at that time, but not later.
//   BitstringStatusListEntry (VC 2.0) / StatusList2021Entry (VC 1.1):
//   the list is GZIP, base64url (multibase "u" for Bitstring); bit 0 is the
//   left-most bit of the first byte.
import {inflate} from '../package.js';
import {base64urlDecode} from '../fragment.js';
import {detailOf, ViewerError} from '../errors.js';
import {parseDate} from './dates.js';

const MAX_LIST_BYTES = 16 * 1024 * 1024;
const ENTRY_TYPES = {BitstringStatusListEntry: 'BitstringStatusList',
  StatusList2021Entry: 'StatusList2021'};

const idOf = v => typeof v === 'string' ? v : v && typeof v === 'object' ? v.id : undefined;

async function decodeList(encoded, listType) {
  if(typeof encoded !== 'string' || encoded.length > MAX_LIST_BYTES) {
    throw new ViewerError('status-list-bad', {detail: 'encodedList is missing or too long'});
  }
  const candidates = listType === 'BitstringStatusList' ?
    [encoded.startsWith('u') ? encoded.slice(1) : null] :
    [encoded, encoded.startsWith('u') ? encoded.slice(1) : null];
  for(const text of candidates.filter(Boolean)) {
    let bytes;
    try {
      bytes = base64urlDecode(text.replace(/=+$/, ''));
    } catch {
      continue;
    }
    if(bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
      continue;
    }
    return inflate(bytes, {format: 'gzip', cap: MAX_LIST_BYTES, tooLarge: 'status-list-bad',
      malformed: 'status-list-bad'});
  }
  throw new ViewerError('status-list-bad', {detail: 'encodedList is not base64url GZIP'});
}

/**
 * @param credential - the credential (JSON) whose credentialStatus is read.
 * @param ctx.lists - url -> evidence item (kind "status-list").
 * @param ctx.verifyList - async (item) -> {signature, credential, validity}:
 *   verifies a status list credential (cached per URL by the caller).
 */
export async function checkStatus(credential, {lists, verifyList}) {
  const entries = [].concat(credential.credentialStatus || []).filter(e => e && typeof e === 'object');
  if(entries.length === 0) {
    return {state: 'none'};
  }
  const results = [];
  for(const entry of entries) {
    results.push(await checkEntry(entry, credential, {lists, verifyList}));
  }
  const order = ['revoked', 'suspended', 'fail', 'missing', 'unchecked', 'ok'];
  results.sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state));
  const worst = results[0];
  const fetched = results.filter(r => r.fetchedAt).map(r => r.fetchedAt.getTime());
  const dated = results.filter(r => r.listDate).map(r => r.listDate.getTime());
  return {...worst, entries: results,
    fetchedAt: fetched.length ? new Date(Math.min(...fetched)) : null,
    listDate: dated.length ? new Date(Math.min(...dated)) : null};
}

async function checkEntry(entry, credential, {lists, verifyList}) {
  const listType = ENTRY_TYPES[entry.type];
  const url = entry.statusListCredential;
  const purpose = entry.statusPurpose;
  if(!listType) {
    return {state: 'unchecked', reason: 'unsupported-status', params: {kind: String(entry.type).slice(0, 60)}};
  }
  if(typeof url !== 'string') {
    return {state: 'fail', reason: 'status-entry-bad', detail: 'statusListCredential is missing'};
  }
  const index = typeof entry.statusListIndex === 'string' && /^\d{1,10}$/.test(entry.statusListIndex) ?
    Number(entry.statusListIndex) :
    Number.isSafeInteger(entry.statusListIndex) ? entry.statusListIndex : null;
  if(index === null) {
    return {state: 'fail', reason: 'status-entry-bad', detail: 'statusListIndex is not a number'};
  }
  const item = lists.get(url);
  if(!item) {
    return {state: 'missing', url, purpose};
  }
  const base = {url, purpose, fetchedAt: item.fetchedAt};
  const checked = await verifyList(item);
  // the list's own date is signed by the issuer; fetched_at is only the holder's word
  base.listDate = parseDate(checked.credential && (checked.credential.validFrom ||
    checked.credential.issuanceDate));
  if(checked.signature.state !== 'ok') {
    return {...base, state: 'fail', reason: 'status-list-signature', detail: checked.signature.detail || ''};
  }
  const list = checked.credential;
  if(idOf(list.issuer) !== idOf(credential.issuer)) {
    return {...base, state: 'fail', reason: 'status-list-issuer',
      detail: `list issuer ${idOf(list.issuer)}, credential issuer ${idOf(credential.issuer)}`};
  }
  if(checked.validity.state === 'expired') {
    return {...base, state: 'fail', reason: 'status-list-expired'};
  }
  const subject = [].concat(list.credentialSubject || [])[0] || {};
  const purposes = [].concat(subject.statusPurpose || []);
  if(subject.type !== listType || (purpose && !purposes.includes(purpose))) {
    return {...base, state: 'fail', reason: 'status-list-bad',
      detail: `list type ${subject.type} / purpose ${purposes} does not fit the entry`};
  }
  const size = entry.statusSize === undefined ? 1 : Number(entry.statusSize);
  if(size !== 1) {
    return {...base, state: 'unchecked', reason: 'unsupported-status', params: {kind: `statusSize ${size}`}};
  }
  let bits;
  try {
    bits = await decodeList(subject.encodedList, listType);
  } catch(error) {
    return {...base, state: 'fail', reason: 'status-list-bad', detail: detailOf(error)};
  }
  if(index >= bits.length * 8) {
    return {...base, state: 'fail', reason: 'status-list-bad', detail: `index ${index} is outside the list`};
  }
  const set = (bits[index >> 3] & (0x80 >> (index & 7))) !== 0;
  if(!set) {
    return {...base, state: 'ok'};
  }
  if(purpose === 'suspension') {
    return {...base, state: 'suspended'};
  }
  if(purpose === 'revocation' || purpose === undefined) {
    return {...base, state: 'revoked'};
  }
  return {...base, state: 'unchecked', reason: 'unsupported-status', params: {kind: `statusPurpose ${purpose}`}};
}
