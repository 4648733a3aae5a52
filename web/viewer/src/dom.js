// Small DOM helpers shared by the page and the credential cards. Every value
// goes in as text (textContent), never as HTML; states are said in words,
// with marks that screen readers skip.
import {isEmpty, pick} from './content/lang.js';
import {readerLanguages, t} from './i18n/index.js';

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for(const [name, value] of Object.entries(attrs)) {
    if(value === null || value === undefined || value === false) {
      continue;
    }
    if(name === 'class') {
      el.className = value;
    } else if(name === 'text') {
      el.textContent = value;
    } else if(name.startsWith('on')) {
      el.addEventListener(name.slice(2), value);
    } else {
      el.setAttribute(name, value === true ? '' : value);
    }
  }
  for(const child of children.flat()) {
    if(child === null || child === undefined || child === false) {
      continue;
    }
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

/** Credential text in the reader's language, with its own lang attribute. */
export function text(map, tag = 'span', attrs = {}) {
  const picked = pick(map, readerLanguages());
  if(!picked) {
    return null;
  }
  return h(tag, {...attrs, lang: picked.lang || null, text: picked.text});
}

export const plain = map => {
  const picked = pick(map, readerLanguages());
  return picked ? picked.text : '';
};

export function shortId(id) {
  if(typeof id !== 'string') {
    return '';
  }
  return id.length > 48 ? `${id.slice(0, 28)}…${id.slice(-12)}` : id;
}

export function code(id) {
  return h('code', {class: 'id', title: id, text: shortId(id)});
}

export const MARK = {ok: '✓', bad: '✗', warn: '!', info: 'i'};

export function mark(kind, label) {
  return h('li', {class: `check check-${kind}`},
    h('span', {class: 'mark', 'aria-hidden': 'true', text: MARK[kind]}),
    h('span', {class: 'visually-hidden', text: `${t(`mark.${kind}`)}: `}),
    ...[].concat(label));
}

export function titleOf(report, view) {
  if(view && !isEmpty(view.title)) {
    return plain(view.title);
  }
  return t('credential.untitled', {n: report.index + 1});
}

/** Why a signature was not accepted, in the reader's language. */
export function signatureReason(sig) {
  if(!sig.reason) {
    return '';
  }
  return t(`why.${sig.reason}`, sig.params || {});
}
