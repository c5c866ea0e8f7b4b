// The input of a geoPoint field: longitude and latitude (PocketBase's {lon, lat}) as two labelled numbers, checked
// as typed. A map would need tiles from the network, which the dashboard never loads, so there is none.
import { html } from 'lit-html';
import { update } from './ui.js';

const RANGES = { lon: [-180, 180, 'longitude'], lat: [-90, 90, 'latitude'] };

/** The text typed in each coordinate input, by field (kept as typed, so "12." is not rewritten to "12"). */
const typed = new Map();

/** Forgets the errors and typed text of the last form (a new form starts from its record's values). */
export function resetGeo() { geoErrors.clear(); typed.clear(); }

/** The fields whose typed coordinates are out of range or not numbers (the form is not sent while any is). */
export const geoErrors = new Map();

function check(name, p) {
  const bad = Object.entries(RANGES).filter(([k, [min, max]]) => !Number.isFinite(p[k]) || p[k] < min || p[k] > max)
    .map(([k, [min, max, word]]) => `The ${word} must be a number from ${min} to ${max}.`);
  if (bad.length) geoErrors.set(name, bad.join(' ')); else geoErrors.delete(name);
}

/** The fieldset for field f of the form's values v; err is the server's error for the field. */
export function geoPointInput(f, v, err) {
  const p = v[f.name] || { lon: 0, lat: 0 };
  if (!typed.has(f.name)) typed.set(f.name, { lon: String(p.lon ?? 0), lat: String(p.lat ?? 0) });
  const texts = typed.get(f.name);
  const set = (k, text) => {
    texts[k] = text;
    const next = { ...p, [k]: text.trim() === '' ? NaN : Number(text) };
    v[f.name] = next;
    check(f.name, next);
    update();
  };
  const message = geoErrors.get(f.name);
  return html`<fieldset><legend>${f.name}</legend><div class="grid2">
    ${Object.entries(RANGES).map(([k, [min, max, word]]) => html`<label class="field"><span>${f.name} ${word}</span>
      <input type="number" step="any" min=${min} max=${max} .value=${texts[k]}
        aria-invalid=${message ? 'true' : 'false'} @input=${(e) => set(k, e.target.value)}></label>`)}</div>
    ${message ? html`<small class="field-error" role="alert">${message}</small>` : ''}
    ${Number.isFinite(p.lat) && Number.isFinite(p.lon) && !message ? html`<p class="muted">${Math.abs(p.lat).toFixed(5)}° ${p.lat >= 0 ? 'N' : 'S'},
      ${Math.abs(p.lon).toFixed(5)}° ${p.lon >= 0 ? 'E' : 'W'}</p>` : ''}${err}</fieldset>`;
}
