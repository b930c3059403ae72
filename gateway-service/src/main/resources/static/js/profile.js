// My 360 profile: index, competency chart, blind spots, items, comments, trend and the PDF.
import { api, ApiError } from './api.js';
import { formatNumber, h, notice, relationshipName, show, titleCase } from './dom.js';

const COLORS = { self: '#b45309', manager: '#1d4ed8', others: '#047857' };
let chart = null;

export async function profilePage(me) {
  let profile;
  try {
    profile = await api.get('/api/profiles/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      show(h('h1', {}, 'My 360 profile'),
        h('section', { class: 'card', id: 'not-released' },
          h('h2', {}, 'Your results are not released yet'),
          h('p', {}, 'Your profile appears here as soon as an administrator releases the results of a cycle in which you are rated — after the cycle has closed, so that nothing about scores can be read while people are still answering.'),
          h('p', { class: 'muted' }, 'Meanwhile you can give feedback to others under "My feedback".')));
      return;
    }
    throw e;
  }
  render(profile, me);
}

function competencyName(profile, key) {
  const c = (profile.competencies || []).find((x) => x.key === key);
  return c && c.name ? c.name : titleCase(key);
}

function indexSection(profile) {
  const index = profile.leadingIndex;
  return h('section', { class: 'card index', 'aria-labelledby': 'index-heading' },
    h('h2', { id: 'index-heading' }, 'Leading vs managing'),
    index === null || index === undefined
      ? h('p', { id: 'leading-index' }, 'Not enough responses yet to show an index.')
      : [
        h('p', { class: 'big-number', id: 'leading-index' }, h('span', {}, String(index)), h('span', { class: 'muted' }, ' / 100')),
        h('div', { class: 'index-scale', role: 'img', 'aria-label': `Index ${index}: 0 is managing, 100 is leading` },
          h('div', { class: 'index-marker', 'data-index': String(index) })),
        h('div', { class: 'index-legend', 'aria-hidden': 'true' }, h('span', {}, 'Managing'), h('span', {}, 'Leading')),
      ],
    h('p', { class: 'muted' }, 'How the people around you experience you: 0 is a pure manager, 100 a pure leader.'));
}

function responsesLine(profile) {
  // null: a group smaller than the threshold, whose count is never shown
  const parts = Object.entries(profile.responses || {}).filter(([, n]) => n !== null && n !== undefined)
    .map(([k, n]) => `${relationshipName(k)} ${n}`);
  // raters an administrator (not the leader) chose: said openly, since hand-picked raters could undo a group's anonymity
  const chosen = Object.entries(profile.nominatedByAdministrator || {}).filter(([, n]) => n > 0)
    .map(([k, n]) => `${relationshipName(k)} ${n}`);
  return h('p', { class: 'muted', id: 'responses' },
    `${profile.cycleName || 'Cycle'} · responses: ${parts.join(', ') || 'none'} · groups with fewer than ${profile.anonymityThreshold} responses are not shown.`,
    chosen.length ? ` Raters nominated by an administrator: ${chosen.join(', ')}.` : '');
}

function chartSection(profile) {
  const canvas = h('canvas', { id: 'competency-chart', role: 'img',
    'aria-label': `Bar chart of each competency: self, manager and others (${profile.scale.lowest} to ${profile.scale.highest}). The same numbers are in the table below.` });
  const rows = (profile.competencies || []).map((c) => {
    const manager = c.byRelationship && c.byRelationship.MANAGER;
    return h('tr', {}, h('th', { scope: 'row' }, c.name || titleCase(c.key)),
      h('td', {}, formatNumber(c.self)), h('td', {}, formatNumber(manager ? manager.mean : null)),
      h('td', {}, formatNumber(c.others)),
      ...['PEER', 'DIRECT_REPORT'].map((g) => {
        const group = c.byRelationship && c.byRelationship[g];
        return h('td', {}, group ? formatNumber(group.mean) : 'hidden');
      }));
  });
  return h('section', { class: 'card', 'aria-labelledby': 'chart-heading' },
    h('h2', { id: 'chart-heading' }, 'Competencies'),
    h('div', { class: 'chart-box' }, canvas),
    h('details', {}, h('summary', {}, 'Show the numbers'),
      h('div', { class: 'table-wrap' }, h('table', { id: 'competency-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Competency'), h('th', { scope: 'col' }, 'Self'),
          h('th', { scope: 'col' }, 'Manager'), h('th', { scope: 'col' }, 'Others'),
          h('th', { scope: 'col' }, 'Peers'), h('th', { scope: 'col' }, 'Direct reports'))),
        h('tbody', {}, rows)))));
}

function drawChart(profile) {
  const canvas = document.getElementById('competency-chart');
  if (!canvas) return;
  if (!window.Chart) {
    canvas.replaceWith(notice('The chart library could not be loaded; the numbers are in the table.', 'error'));
    return;
  }
  if (chart) chart.destroy();
  const competencies = profile.competencies || [];
  const value = (v) => (v === null || v === undefined ? null : v);
  chart = new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels: competencies.map((c) => c.name || titleCase(c.key)),
      datasets: [
        { label: 'Self', data: competencies.map((c) => value(c.self)), backgroundColor: COLORS.self },
        { label: 'Manager', data: competencies.map((c) => value(c.byRelationship && c.byRelationship.MANAGER
          ? c.byRelationship.MANAGER.mean : null)), backgroundColor: COLORS.manager },
        { label: 'Others', data: competencies.map((c) => value(c.others)), backgroundColor: COLORS.others },
      ],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { min: profile.scale.lowest, max: profile.scale.highest, ticks: { stepSize: 1 } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
}

function listSection(id, title, keys, profile, explanation) {
  return h('section', { class: 'card', 'aria-labelledby': `${id}-heading` },
    h('h2', { id: `${id}-heading` }, title),
    h('p', { class: 'muted' }, explanation),
    keys && keys.length
      ? h('ul', { id }, keys.map((k) => {
        const gap = profile.gaps && typeof profile.gaps[k] === 'number' ? ` (self − others ${formatNumber(profile.gaps[k])})` : '';
        return h('li', {}, competencyName(profile, k) + gap);
      }))
      : h('p', { id }, 'None in this cycle.'));
}

function itemsSection(profile) {
  if (!Array.isArray(profile.items) || !profile.highestItems) {
    return h('section', { class: 'card', 'aria-labelledby': 'items-heading' },
      h('h2', { id: 'items-heading' }, 'Highest and lowest items'),
      h('p', { class: 'muted' }, 'Item details are not available for this profile yet.'));
  }
  const byId = Object.fromEntries(profile.items.map((i) => [i.id, i]));
  const list = (ids) => h('ol', {}, (ids || []).map((id) => {
    const item = byId[id] || { text: id };
    return h('li', {}, item.text, h('span', { class: 'muted' }, ` — ${formatNumber(item.mean)}`));
  }));
  return h('section', { class: 'card', 'aria-labelledby': 'items-heading' },
    h('h2', { id: 'items-heading' }, 'Highest and lowest items'),
    h('div', { class: 'two-lists' },
      h('div', {}, h('h3', {}, 'Highest'), list(profile.highestItems)),
      h('div', {}, h('h3', {}, 'Lowest'), list(profile.lowestItems))));
}

function commentsSection(profile) {
  const questions = { start: 'Start doing', stop: 'Stop doing', continue: 'Continue doing' };
  const comments = profile.comments || {};
  const keys = Object.keys(questions).concat(Object.keys(comments).filter((k) => !questions[k]));
  return h('section', { class: 'card', 'aria-labelledby': 'comments-heading' },
    h('h2', { id: 'comments-heading' }, 'Comments'),
    h('p', { class: 'muted' }, 'In no particular order, without names or dates.'),
    keys.map((k) => h('div', { class: 'comment-group' }, h('h3', {}, questions[k] || titleCase(k)),
      (comments[k] || []).length ? h('ul', { class: 'comments', id: `comments-${k}` }, comments[k].map((text) => h('li', {}, text)))
        : h('p', { class: 'muted' }, 'No comments.'))));
}

function trendSection(profile) {
  const trend = Array.isArray(profile.trend) ? profile.trend : null;
  const body = !trend
    ? h('p', { class: 'muted' }, 'The trend across cycles is not available yet.')
    : trend.length < 2
      ? h('p', { class: 'muted' }, 'Your trend appears after your second released cycle.')
      : h('div', { class: 'table-wrap' }, h('table', { id: 'trend-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Cycle'), h('th', { scope: 'col' }, 'Released'),
          h('th', { scope: 'col' }, 'Leading index'))),
        h('tbody', {}, trend.map((t) => h('tr', {}, h('th', { scope: 'row' }, t.cycleName || t.cycleId),
          h('td', {}, t.releasedAt ? new Date(t.releasedAt).toLocaleDateString() : '–'),
          h('td', {}, t.leadingIndex === null || t.leadingIndex === undefined ? '–' : String(t.leadingIndex)))))));
  return h('section', { class: 'card', 'aria-labelledby': 'trend-heading' }, h('h2', { id: 'trend-heading' }, 'Trend'), body);
}

function pdfButton(profile) {
  const button = h('button', { type: 'button', id: 'download-pdf', class: 'secondary' }, 'Download PDF report');
  const message = h('span', { 'aria-live': 'polite' });
  button.addEventListener('click', async () => {
    message.textContent = '';
    button.disabled = true;
    try {
      const path = `/api/profiles/${encodeURIComponent(profile.subjectId)}/report.pdf?cycleId=${encodeURIComponent(profile.cycleId)}`;
      const blob = await api.blob(path, 'application/pdf');
      // the report needs the bearer token, so it is fetched and handed to the browser as a file
      const url = URL.createObjectURL(blob);
      const link = h('a', { href: url, download: `lead360-profile-${profile.cycleId}.pdf` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      message.textContent = 'The PDF is downloading.';
    } catch (e) {
      message.textContent = e instanceof ApiError && e.unsupported
        ? 'The PDF report is not available yet.' : `The PDF could not be made: ${e.message}`;
    } finally {
      button.disabled = false;
    }
  });
  return h('div', { class: 'actions' }, button, message);
}

function render(profile, me) {
  show(
    h('h1', {}, 'My 360 profile'),
    h('p', {}, `${me.name || me.email}`),
    responsesLine(profile),
    pdfButton(profile),
    h('div', { class: 'grid' },
      indexSection(profile),
      listSection('blind-spots', 'Blind spots', profile.blindSpots, profile,
        'You rate yourself at least 1 point higher than others do.'),
      listSection('hidden-strengths', 'Hidden strengths', profile.hiddenStrengths, profile,
        'Others rate you at least 1 point higher than you do.')),
    chartSection(profile),
    itemsSection(profile),
    commentsSection(profile),
    trendSection(profile));
  const marker = document.querySelector('.index-marker');
  // positioned through CSSOM (not a style attribute), which the Content-Security-Policy allows
  if (marker) marker.style.left = `${Math.max(0, Math.min(100, Number(marker.dataset.index)))}%`;
  drawChart(profile);
}
