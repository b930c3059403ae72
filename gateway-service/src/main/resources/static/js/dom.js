// Small DOM helpers. Text is always set with textContent: nothing a user typed is ever parsed as HTML.

/**
 * Creates an element: h('p', {class: 'x'}, 'text', child). Attributes starting with "on" are
 * rejected on purpose (event handlers are attached with addEventListener, never as attributes).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) throw new Error('no inline handlers: ' + name);
    if (name === 'class') el.className = value;
    else if (name === 'text') el.textContent = String(value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** Replaces the content of the main region and moves focus to its heading for screen readers. */
export function show(...children) {
  const main = document.getElementById('main');
  clear(main);
  append(main, children);
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

/** A short message in the live status region (and optionally inside a given element). */
export function announce(text, kind = 'info') {
  const status = document.getElementById('status');
  status.className = 'status ' + kind;
  status.textContent = text;
}

export function notice(text, kind = 'info') {
  return h('p', { class: 'notice ' + kind, role: kind === 'error' ? 'alert' : null }, text);
}

let idCounter = 0;
export function uid(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

export function formatNumber(value, digits = 2) {
  return value === null || value === undefined ? '–' : Number(value).toFixed(digits);
}

export const RELATIONSHIP_NAMES = {
  SELF: 'Self',
  MANAGER: 'Manager',
  PEER: 'Peers',
  DIRECT_REPORT: 'Direct reports',
  OTHER: 'Others',
};

export function relationshipName(key) {
  return RELATIONSHIP_NAMES[key] || key;
}

export function titleCase(key) {
  return String(key || '').toLowerCase().replace(/(^|_)(\w)/g, (m, sep, c) => (sep ? ' ' : '') + c.toUpperCase());
}
