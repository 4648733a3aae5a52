// One error type for everything the page can refuse. `code` names a message
// in the catalogue (i18n/*.json, key "error.<code>"), so what the reader sees
// is always in their language; `detail` is the technical reason (English,
// from a library), shown only under "Technical details".
export class ViewerError extends Error {
  constructor(code, {params = {}, detail = ''} = {}) {
    super(detail || code);
    this.name = 'ViewerError';
    this.code = code;
    this.params = params;
    this.detail = detail;
  }
}

export function detailOf(error) {
  if(!error) {
    return '';
  }
  if(error instanceof ViewerError) {
    return error.detail;
  }
  const message = typeof error.message === 'string' ? error.message : String(error);
  return message.slice(0, 500);
}
