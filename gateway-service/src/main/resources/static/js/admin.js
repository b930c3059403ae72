// Administration: people import with a preview, cycles (create, open, remind, close, release),
// progress per subject, and the organisation heatmap.
import { api, ApiError } from './api.js';
import { formatNumber, h, notice, relationshipName, show, titleCase } from './dom.js';

const STATUS_ACTIONS = {
  DRAFT: [['open', 'Open']],
  OPEN: [['remind', 'Remind'], ['close', 'Close']],
  CLOSED: [['release', 'Release results']],
  RELEASED: [],
};

/** How often the page asks how far an import job is. */
const IMPORT_POLL_MS = 1000;

let people = [];

export async function adminPage(cycleId) {
  people = await api.get('/api/people');
  if (cycleId) {
    await cyclePage(cycleId);
    return;
  }
  const cycles = await api.get('/api/cycles');
  show(
    h('h1', {}, 'Administration'),
    cyclesSection(cycles),
    createCycleSection(),
    importSection());
}

function personName(id) {
  const p = people.find((x) => x.id === id);
  return p ? p.name : id;
}

function problemList(e) {
  const fields = e instanceof ApiError ? e.fieldErrors : [];
  return fields.length ? h('ul', { class: 'errors' }, fields.map((f) => h('li', {}, `${f.field}: ${f.message}`))) : null;
}

function cyclesSection(cycles) {
  const rows = cycles.slice().reverse().map((c) => h('tr', {},
    h('th', { scope: 'row' }, h('a', { href: `#/admin/${encodeURIComponent(c.id)}` }, c.name)),
    h('td', {}, h('span', { class: `badge ${c.status.toLowerCase()}` }, titleCase(c.status))),
    h('td', {}, String((c.subjectIds || []).length)),
    h('td', {}, String(c.anonymityThreshold))));
  return h('section', { class: 'card', 'aria-labelledby': 'cycles-heading' },
    h('h2', { id: 'cycles-heading' }, 'Cycles'),
    cycles.length ? h('div', { class: 'table-wrap' }, h('table', { id: 'cycles' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Status'),
        h('th', { scope: 'col' }, 'Leaders'), h('th', { scope: 'col' }, 'Threshold'))),
      h('tbody', {}, rows))) : h('p', {}, 'No cycles yet: create the first one below.'));
}

function createCycleSection() {
  const name = h('input', { id: 'cycle-name', required: true, maxlength: 200 });
  const threshold = h('input', { id: 'cycle-threshold', type: 'number', min: 3, max: 20, value: 3, required: true });
  const allLeaders = h('input', { id: 'cycle-all-leaders', type: 'checkbox' });
  const managers = new Set(people.map((p) => p.managerId).filter(Boolean));
  const sorted = people.slice().sort((a, b) => (managers.has(b.id) - managers.has(a.id)) || a.name.localeCompare(b.name));
  const subjects = h('fieldset', { class: 'subjects', id: 'cycle-subjects' },
    h('legend', {}, 'Leaders to be rated'),
    sorted.map((p) => {
      const id = `subject-${p.id}`;
      return h('div', { class: 'check' }, h('input', { type: 'checkbox', id, value: p.id, name: 'subject' }),
        h('label', { for: id }, p.name, h('span', { class: 'muted' }, managers.has(p.id) ? ' · leads a team' : '')));
    }));
  const message = h('div', { 'aria-live': 'polite' });
  const form = h('form', { id: 'create-cycle', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'cycle-name' }, 'Name'), name),
    h('div', { class: 'field' }, h('label', { for: 'cycle-threshold' }, 'Anonymity threshold (at least 3)'), threshold),
    h('div', { class: 'check' }, allLeaders, h('label', { for: 'cycle-all-leaders' }, 'Everyone with direct reports')),
    subjects, message,
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'create-cycle-button' }, 'Create cycle')));
  allLeaders.addEventListener('change', () => { subjects.disabled = allLeaders.checked; });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.replaceChildren();
    const subjectIds = [...subjects.querySelectorAll('input:checked')].map((i) => i.value);
    if (!name.value.trim()) { message.append(notice('Give the cycle a name.', 'error')); name.focus(); return; }
    if (!allLeaders.checked && !subjectIds.length) { message.append(notice('Choose at least one leader.', 'error')); return; }
    const body = { name: name.value.trim(), templateId: 'leadership-360', anonymityThreshold: Number(threshold.value) };
    if (allLeaders.checked) body.allLeaders = true; else body.subjectIds = subjectIds;
    try {
      const created = await api.post('/api/cycles', body);
      location.hash = `#/admin/${encodeURIComponent(created.id)}`;
    } catch (e) {
      message.append(notice(`The cycle was not created: ${e.message}`, 'error'), problemList(e));
    }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'create-heading' },
    h('h2', { id: 'create-heading' }, 'Create a cycle'), form);
}

function importSection() {
  const text = h('textarea', { id: 'import-text', rows: 8, spellcheck: 'false',
    placeholder: 'email,name,managerEmail,roles,password' });
  const file = h('input', { id: 'import-file', type: 'file', accept: '.csv,.json,text/csv,application/json' });
  const preview = h('button', { type: 'button', id: 'import-preview' }, 'Preview');
  const save = h('button', { type: 'button', id: 'import-save', disabled: true }, 'Import');
  const result = h('div', { id: 'import-result', 'aria-live': 'polite' });
  let previewed = null;
  const payload = () => {
    const value = text.value.trim();
    return value.startsWith('[') ? ['application/json', value] : ['text/csv', value.endsWith('\n') ? value : value + '\n'];
  };
  const reset = () => { previewed = null; save.disabled = true; };
  text.addEventListener('input', reset);
  file.addEventListener('change', async () => {
    if (file.files.length) { text.value = await file.files[0].text(); reset(); }
  });
  preview.addEventListener('click', async () => {
    result.replaceChildren();
    if (!text.value.trim()) { result.append(notice('Paste a CSV or JSON list of people, or choose a file.', 'error')); return; }
    const [type, body] = payload();
    try {
      const answer = await api.postText('/api/people/import?dryRun=true', body, type);
      if (answer && answer.dryRun === true) {
        previewed = text.value;
        save.disabled = false;
        result.append(notice(`Preview: ${answer.created} new, ${answer.updated} changed${answer.deactivated ? `, ${answer.deactivated} deactivated` : ''}. Nothing is saved yet.`, 'success'));
        save.focus();
      } else {
        // a server without the preview imported the file as it is
        result.append(notice(`This server has no preview; the file was imported: ${answer.created} new, ${answer.updated} changed.`, 'info'));
      }
    } catch (e) {
      result.append(notice(`The file has errors; nothing was saved. ${e.message}`, 'error'), problemList(e));
    }
  });
  save.addEventListener('click', async () => {
    if (previewed !== text.value) { reset(); return; }
    const [type, body] = payload();
    save.disabled = true;
    preview.disabled = true;
    try {
      const sent = await api.postTextForJob('/api/people/import', body, type);
      // many passwords to set: the server answers 202 and imports in the background
      const answer = sent.status === 202 ? await followImport(sent.location, sent.body, result) : sent.body;
      result.replaceChildren(notice(`Imported: ${answer.created} new, ${answer.updated} changed.`, 'success'));
      reset();
      people = await api.get('/api/people');
    } catch (e) {
      const what = e.fromImportJob ? 'The import did not finish.' : 'Nothing was imported.';
      result.replaceChildren(notice(`${what} ${e.message}`, 'error'), problemList(e));
      save.disabled = previewed === null;
    } finally {
      preview.disabled = false;
    }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'import-heading' },
    h('h2', { id: 'import-heading' }, 'Import people'),
    h('p', { class: 'muted' }, 'CSV with the header email,name,managerEmail,roles,password (or a JSON list). Preview first: errors are listed before anything is saved.'),
    h('div', { class: 'field' }, h('label', { for: 'import-file' }, 'File'), file),
    h('div', { class: 'field' }, h('label', { for: 'import-text' }, 'People'), text),
    result, h('div', { class: 'actions' }, preview, save));
}

/** Polls an import job until DONE (answers its result) or FAILED (throws its problem), showing its progress. */
async function followImport(location, job, box) {
  for (;;) {
    if (job.status === 'DONE') return job.result;
    if (job.status === 'FAILED') {
      throw Object.assign(new ApiError(job.problem ? job.problem.status : 500, job.problem), { fromImportJob: true });
    }
    box.replaceChildren(notice(`Importing\u2026 ${job.hashed} of ${job.passwords} passwords set.`, 'info'));
    await new Promise((resolve) => { setTimeout(resolve, IMPORT_POLL_MS); });
    job = await api.get(location);
  }
}

async function cyclePage(cycleId) {
  const cycle = await api.get(`/api/cycles/${encodeURIComponent(cycleId)}`);
  const message = h('div', { id: 'cycle-message', 'aria-live': 'polite' });
  const actions = (STATUS_ACTIONS[cycle.status] || []).map(([action, label]) => {
    const button = h('button', { type: 'button', id: `cycle-${action}`, class: action === 'remind' ? 'secondary' : null }, label);
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const answer = await api.post(`/api/cycles/${encodeURIComponent(cycleId)}/${action}`);
        if (action === 'remind') {
          message.replaceChildren(notice(`${plural(answer.mailsQueued, 'reminder mail')} queued `
            + `(${plural(answer.reminded, 'request')} still pending; people who turned reminders off get none).`, 'success'));
          await renderMail(cycle, document.getElementById('mail-box'));
          button.disabled = false;
          return;
        }
        await cyclePage(cycleId);
        document.getElementById('cycle-message').replaceChildren(notice(`The cycle is now ${titleCase(action === 'open' ? 'OPEN' : action === 'close' ? 'CLOSED' : 'RELEASED').toLowerCase()}.`, 'success'));
      } catch (e) {
        button.disabled = false;
        message.replaceChildren(notice(e instanceof ApiError && e.unsupported && action === 'remind'
          ? 'Reminders are not available on this server yet.' : `${label} failed: ${e.message}`, 'error'));
      }
    });
    return button;
  });
  const progressBox = h('div', { id: 'progress-box' });
  const mailBox = h('div', { id: 'mail-box' });
  const heatmapBox = h('div', { id: 'heatmap-box' });
  show(
    h('p', {}, h('a', { href: '#/admin' }, '\u2190 Administration')),
    h('h1', {}, cycle.name),
    h('p', {}, 'Status: ', h('span', { id: 'cycle-status', class: `badge ${cycle.status.toLowerCase()}` }, titleCase(cycle.status)),
      h('span', { class: 'muted' }, ` · anonymity threshold ${cycle.anonymityThreshold} · ${(cycle.subjectIds || []).length} ${(cycle.subjectIds || []).length === 1 ? 'leader' : 'leaders'}`)),
    message,
    actions.length ? h('div', { class: 'actions' }, actions) : null,
    h('section', { class: 'card', 'aria-labelledby': 'progress-heading' }, h('h2', { id: 'progress-heading' }, 'Progress'), progressBox),
    h('section', { class: 'card', 'aria-labelledby': 'mail-heading' }, h('h2', { id: 'mail-heading' }, 'Mail'), mailBox),
    h('section', { class: 'card', 'aria-labelledby': 'heatmap-heading' }, h('h2', { id: 'heatmap-heading' }, 'Organisation heatmap'), heatmapBox));
  await Promise.all([renderProgress(cycle, progressBox), renderMail(cycle, mailBox), renderHeatmap(cycle, heatmapBox)]);
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const MAIL_KINDS = [['invitations', 'Invitations'], ['reminders', 'Reminders'], ['resultsReady', 'Results ready']];

/** How many mails of each kind were sent, wait to be sent, failed: counts only, never to whom. */
async function renderMail(cycle, box) {
  box.replaceChildren();
  if (cycle.status === 'DRAFT') { box.append(h('p', {}, 'Invitations are mailed when the cycle opens.')); return; }
  let mail;
  try {
    mail = await api.get(`/api/cycles/${encodeURIComponent(cycle.id)}/mail`);
  } catch (e) {
    box.append(notice(`Mail counts are not available: ${e.message}`, 'error'));
    return;
  }
  const states = [['sent', 'Sent'], ['queued', 'Queued'], ['failed', 'Failed'], ['cancelled', 'Not needed']];
  box.append(h('div', { class: 'table-wrap' }, h('table', { id: 'mail-table' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Mail'), states.map(([, label]) => h('th', { scope: 'col' }, label)))),
    h('tbody', {}, MAIL_KINDS.map(([key, label]) => h('tr', { 'data-kind': key }, h('th', { scope: 'row' }, label),
      states.map(([state]) => h('td', { 'data-state': state }, String(((mail[key] || {})[state]) || 0)))))))),
  h('p', { class: 'muted' }, 'Counts only: whom a mail went to is never shown (a list of who was reminded would tell who has '
    + 'not answered). "Not needed": the person had answered, turned reminders off or left before it went out. '
    + 'Failed: the mail server refused the address, or the mail could not be delivered in time.'));
}

async function renderProgress(cycle, box) {
  if (cycle.status === 'DRAFT') { box.append(h('p', {}, 'Raters are invited when the cycle opens.')); return; }
  let progress;
  try {
    progress = await api.get(`/api/cycles/${encodeURIComponent(cycle.id)}/progress`);
  } catch (e) {
    box.append(notice(`Progress is not available: ${e.message}`, 'error'));
    return;
  }
  const groups = ['SELF', 'MANAGER', 'PEER', 'DIRECT_REPORT', 'OTHER'];
  const rows = (progress.subjects || []).map((s) => {
    const rel = s.relationships || {};
    // a group smaller than the threshold shows only how many were asked (responded is null):
    // it is left out of the leader's total too, which would otherwise give its count away
    let invited = 0; let responded = 0;
    const cells = groups.map((g) => {
      const t = rel[g];
      if (!t) return h('td', {}, '–');
      if (t.responded === null || t.responded === undefined) {
        return h('td', { title: 'Fewer than the threshold were asked: not counted, so nobody can tell who answered' },
          `${t.invited} asked`);
      }
      invited += t.invited; responded += t.responded;
      return h('td', {}, `${t.responded} / ${t.invited}`);
    });
    const rate = invited ? Math.round((100 * responded) / invited) : 0;
    return h('tr', {}, h('th', { scope: 'row' }, s.name || personName(s.subjectId)), cells,
      h('td', {}, h('progress', { max: 100, value: rate, 'aria-label': `${rate}% responded` }), ` ${rate}%`));
  });
  box.append(h('div', { class: 'table-wrap' }, h('table', { id: 'progress-table' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Leader'),
      groups.map((g) => h('th', { scope: 'col' }, relationshipName(g))), h('th', { scope: 'col' }, 'Responded'))),
    h('tbody', {}, rows))),
  h('p', { class: 'muted' }, 'Counts only: who answered is never shown, and a group smaller than the threshold is not counted at all.'));
}

// Five colours (heat-1 … heat-5) spread over the rating scale the heatmap names.
function heatClass(mean, scale) {
  if (mean === null || mean === undefined) return 'heat-none';
  const share = (mean - scale.lowest) / (scale.highest - scale.lowest);
  return `heat-${Math.max(1, Math.min(5, 1 + Math.round(4 * share)))}`;
}

async function renderHeatmap(cycle, box) {
  if (!['CLOSED', 'RELEASED'].includes(cycle.status)) {
    box.append(h('p', {}, 'The heatmap is shown once the cycle is closed.'));
    return;
  }
  let heatmap;
  try {
    heatmap = await api.get(`/api/organisation/heatmap?cycleId=${encodeURIComponent(cycle.id)}`);
  } catch (e) {
    box.append(notice(e instanceof ApiError && e.unsupported ? 'The heatmap is not available on this server yet.'
      : `The heatmap could not be loaded: ${e.message}`, e instanceof ApiError && e.unsupported ? 'info' : 'error'));
    return;
  }
  const keys = heatmap.competencies || [];
  const cell = (mean) => h('td', { class: `heat ${heatClass(mean, heatmap.scale)}` }, mean === null || mean === undefined ? 'hidden' : formatNumber(mean));
  box.append(h('div', { class: 'table-wrap' }, h('table', { id: 'heatmap', class: 'heatmap' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Leader'), h('th', { scope: 'col' }, 'Index'),
      keys.map((k) => h('th', { scope: 'col' }, titleCase(k))))),
    h('tbody', {}, (heatmap.subjects || []).map((s) => h('tr', {}, h('th', { scope: 'row' }, personName(s.subjectId)),
      h('td', {}, s.leadingIndex === null || s.leadingIndex === undefined ? '–' : String(s.leadingIndex)),
      keys.map((k) => cell((s.means || {})[k]))))),
    h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, 'Average'),
      h('td', {}, heatmap.leadingIndexAverage === null || heatmap.leadingIndexAverage === undefined ? '–' : formatNumber(heatmap.leadingIndexAverage, 0)),
      keys.map((k) => cell((heatmap.averages || {})[k])))))),
  h('p', { class: 'muted' }, `Means on the ${heatmap.scale.lowest}–${heatmap.scale.highest} scale; a cell is hidden when its group has too few responses.`));
}

