// Validity periods with the usual 300 s allowance for clock differences.
export const SKEW_MS = 300 * 1000;

export function parseDate(value) {
  if(typeof value === 'number' && Number.isFinite(value)) {
    return new Date(value * 1000); // JWT NumericDate
  }
  if(typeof value !== 'string' || value.length > 64) {
    return null;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The credential's validity at `now`. `from`/`until` are lists of candidate
 * values (e.g. validFrom and a JWT nbf); the strictest of each applies. A
 * value that is present but unreadable makes the result "bad-date".
 */
export function validity({from = [], until = []}, now) {
  const read = values => values.filter(v => v !== undefined && v !== null).map(v => {
    const date = parseDate(v);
    return date === null ? 'bad' : date;
  });
  const froms = read(from);
  const untils = read(until);
  if(froms.includes('bad') || untils.includes('bad')) {
    return {state: 'bad-date', from: null, until: null};
  }
  const start = froms.length ? new Date(Math.max(...froms.map(d => d.getTime()))) : null;
  const end = untils.length ? new Date(Math.min(...untils.map(d => d.getTime()))) : null;
  if(end && now.getTime() > end.getTime() + SKEW_MS) {
    return {state: 'expired', from: start, until: end};
  }
  if(start && start.getTime() > now.getTime() + SKEW_MS) {
    return {state: 'not-yet', from: start, until: end};
  }
  return {state: 'ok', from: start, until: end};
}
