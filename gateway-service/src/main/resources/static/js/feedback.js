// My feedback: the pending requests, the questionnaire, and the "who will see this" panel.
import { api, ApiError } from './api.js';
import { announce, h, notice, relationshipName, show } from './dom.js';

// The points of the rating scale come with the questionnaire (questionnaire.scale); a five-point scale
// has words, any other shows its numbers. "Can't say" is always last.
const FIVE_POINT_WORDS = ['Never', 'Rarely', 'Sometimes', 'Often', 'Always'];
const CANT_SAY = { value: 'na', label: "Can't say" };

function scaleOptions(scale) {
  const points = scale.highest - scale.lowest + 1;
  const options = [];
  for (let value = scale.lowest; value <= scale.highest; value += 1) {
    const label = points === FIVE_POINT_WORDS.length ? FIVE_POINT_WORDS[value - scale.lowest] : String(value);
    options.push({ value: String(value), label });
  }
  return [...options, CANT_SAY];
}

const STATUS_TEXT = { PENDING: 'Waiting for you', SUBMITTED: 'Submitted', DECLINED: 'Declined' };

const RELATIONSHIP_PROMPT = {
  SELF: 'your self-assessment',
  MANAGER: 'as their manager',
  PEER: 'as a peer',
  DIRECT_REPORT: 'as someone who reports to them',
  OTHER: 'as a colleague',
};

export async function feedbackList() {
  const requests = await api.get('/api/feedback-requests');
  const pending = requests.filter((r) => r.status === 'PENDING');
  const done = requests.filter((r) => r.status !== 'PENDING');
  const item = (r) => h('li', { class: 'request' },
    h('div', {},
      r.status === 'PENDING'
        ? h('a', { href: `#/feedback/${encodeURIComponent(r.id)}`, class: 'request-link' },
          r.relationship === 'SELF' ? 'Assess yourself' : `Feedback for ${r.subject.name}`)
        : h('span', { class: 'request-title' }, r.relationship === 'SELF' ? 'Self-assessment' : `Feedback for ${r.subject.name}`),
      h('span', { class: 'muted' }, ` · ${r.cycleName || 'Feedback cycle'} · ${RELATIONSHIP_PROMPT[r.relationship] || relationshipName(r.relationship)}`)),
    h('span', { class: `badge ${r.status.toLowerCase()}` }, STATUS_TEXT[r.status] || r.status));
  show(
    h('h1', {}, 'My feedback'),
    h('p', { class: 'muted' }, 'Each questionnaire takes about 10 minutes. Your leader never sees who said what.'),
    h('section', { 'aria-labelledby': 'pending-heading', class: 'card' },
      h('h2', { id: 'pending-heading' }, `Waiting for you (${pending.length})`),
      pending.length ? h('ul', { class: 'requests', id: 'pending-requests' }, pending.map(item))
        : h('p', {}, 'Nothing is waiting for you. Thank you!')),
    done.length ? h('section', { 'aria-labelledby': 'done-heading', class: 'card' },
      h('h2', { id: 'done-heading' }, 'Done'),
      h('ul', { class: 'requests' }, done.map(item))) : null);
}

function visibilityPanel(detail) {
  const v = detail.visibility;
  const relationship = (v && v.relationship) || detail.relationship;
  const anonymous = v ? v.anonymous : !['SELF', 'MANAGER'].includes(relationship);
  const lines = [];
  lines.push(h('p', {}, 'You answer ', h('strong', {}, RELATIONSHIP_PROMPT[relationship] || relationshipName(relationship)), '.'));
  if (relationship === 'SELF') {
    lines.push(h('p', {}, 'Your self-assessment is shown to you beside how others see you.'));
  } else if (!anonymous) {
    lines.push(h('p', {}, `Your answers are shown as "${relationshipName(relationship)}" — attributed, since you are the only one in this group.`));
  } else {
    lines.push(h('p', {}, `Your answers are pooled with the other ${relationshipName(relationship).toLowerCase()}: no name, no date, comments in no particular order.`));
    if (v && typeof v.threshold === 'number' && (v.responded === null || v.responded === undefined)) {
      // fewer than the threshold were asked: no count, since it would tell who answered
      lines.push(h('p', { id: 'visibility-count' }, `Fewer than ${v.threshold} people were asked in this group, so it is `,
        h('strong', {}, 'never shown'), ', and nobody sees how many answered.'));
    } else if (v && typeof v.threshold === 'number') {
      lines.push(h('p', {}, `The group is shown only when at least ${v.threshold} people have answered.`));
      lines.push(h('p', { id: 'visibility-count' }, `So far ${v.responded} of this group ${v.responded === 1 ? 'has' : 'have'} answered: `,
        h('strong', {}, v.shown ? 'the group will be shown.' : 'not yet enough to be shown.')));
    } else {
      lines.push(h('p', {}, 'The group is shown only when enough people have answered (at least 3 unless the cycle says otherwise).'));
    }
  }
  lines.push(h('p', { class: 'muted' }, 'Nobody, administrators included, can read one person\u2019s answers.'));
  return h('aside', { class: 'card visibility', 'aria-labelledby': 'visibility-heading', id: 'visibility' },
    h('h2', { id: 'visibility-heading' }, 'Who will see this'), lines);
}

function ratingGroup(item, saved, scale) {
  const name = `rating-${item.id}`;
  const legendId = `legend-${item.id}`;
  const options = scale.map((option) => {
    const id = `${name}-${option.value}`;
    const input = h('input', { type: 'radio', id, name, value: option.value, 'data-item': item.id,
      checked: saved !== undefined && (saved === null ? option.value === 'na' : String(saved) === option.value) });
    return h('span', { class: 'option' }, input, h('label', { for: id }, option.label));
  });
  return h('fieldset', { class: 'item', 'data-item': item.id, 'aria-describedby': legendId },
    h('legend', { id: legendId }, item.text), h('div', { class: 'scale' }, options));
}

export async function questionnaire(requestId) {
  let detail;
  try {
    detail = await api.get(`/api/feedback-requests/${encodeURIComponent(requestId)}`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      show(h('h1', {}, 'Feedback'), notice('This feedback request does not exist or is not yours.', 'error'),
        h('p', {}, h('a', { href: '#/feedback' }, 'Back to my feedback')));
      return;
    }
    throw e;
  }
  const q = detail.questionnaire;
  const draft = detail.draft || { ratings: {}, comments: {} };
  const items = q.competencies.flatMap((c) => c.items);
  const scale = scaleOptions(q.scale);
  const title = detail.relationship === 'SELF' ? 'Your self-assessment' : `Feedback for ${detail.subject.name}`;

  if (detail.status !== 'PENDING') {
    show(h('h1', {}, title), notice(detail.status === 'SUBMITTED' ? 'You have already submitted this feedback. Thank you!'
      : 'You declined this request.', 'info'), h('p', {}, h('a', { href: '#/feedback' }, 'Back to my feedback')));
    return;
  }

  const progress = h('progress', { id: 'progress', max: items.length, value: 0, 'aria-labelledby': 'progress-text' });
  const progressText = h('span', { id: 'progress-text' });
  const message = h('div', { id: 'form-message', 'aria-live': 'polite' });
  const competencies = q.competencies.map((c) => h('section', { class: 'competency' },
    h('h2', {}, c.name),
    c.items.map((item) => ratingGroup(item, (draft.ratings || {})[item.id], scale))));
  const openQuestions = (q.openQuestions || []).map((oq) => {
    const id = `comment-${oq.id}`;
    return h('div', { class: 'field' }, h('label', { for: id }, oq.text),
      h('textarea', { id, name: id, rows: 3, maxlength: 2000, 'data-question': oq.id }, (draft.comments || {})[oq.id] || ''));
  });
  const saveButton = h('button', { type: 'button', id: 'save-draft', class: 'secondary' }, 'Save draft');
  const submitButton = h('button', { type: 'submit', id: 'submit-feedback' }, 'Submit feedback');
  const declineButton = h('button', { type: 'button', id: 'decline', class: 'danger' }, 'Decline');
  const form = h('form', { id: 'questionnaire', class: 'questionnaire', novalidate: true },
    h('p', { class: 'muted' }, 'How often does this person do the following? Choose "Can\u2019t say" when you have not seen it.'),
    competencies,
    h('section', { class: 'competency' }, h('h2', {}, 'In your own words'),
      h('p', { class: 'muted' }, 'Optional. Comments are shown without your name or a date.'), openQuestions),
    message,
    h('div', { class: 'actions sticky' }, submitButton, saveButton, declineButton));

  const collect = () => {
    const ratings = {};
    let answered = 0;
    const missing = [];
    for (const item of items) {
      const checked = form.querySelector(`input[name="rating-${CSS.escape(item.id)}"]:checked`);
      if (!checked) { missing.push(item.id); continue; }
      answered += 1;
      ratings[item.id] = checked.value === 'na' ? null : Number(checked.value);
    }
    const comments = {};
    form.querySelectorAll('textarea[data-question]').forEach((t) => {
      if (t.value.trim()) comments[t.dataset.question] = t.value.trim();
    });
    return { ratings, comments, answered, missing };
  };
  const updateProgress = () => {
    const { answered } = collect();
    progress.value = answered;
    progressText.textContent = `${answered} of ${items.length} answered`;
  };
  form.addEventListener('change', updateProgress);

  saveButton.addEventListener('click', async () => {
    const { ratings, comments } = collect();
    message.replaceChildren();
    try {
      await api.put(`/api/feedback-requests/${encodeURIComponent(requestId)}/draft`, { ratings, comments });
      message.append(notice('Draft saved. You can come back and finish later.', 'success'));
    } catch (e) {
      message.append(notice(e instanceof ApiError && e.unsupported
        ? 'Saving a draft is not available on this server yet; your answers stay on this page until you submit.'
        : `The draft was not saved: ${e.message}`, 'error'));
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { ratings, comments, missing } = collect();
    message.replaceChildren();
    if (missing.length) {
      message.append(notice(`Please answer every statement (choose "Can\u2019t say" if you have not seen it). ${missing.length} left.`, 'error'));
      const first = form.querySelector(`input[name="rating-${CSS.escape(missing[0])}"]`);
      if (first) first.focus();
      return;
    }
    submitButton.disabled = true;
    try {
      await api.post(`/api/feedback-requests/${encodeURIComponent(requestId)}/response`, { ratings, comments });
      thankYou(title, 'Your feedback is submitted. Thank you!');
    } catch (e) {
      submitButton.disabled = false;
      const fields = e instanceof ApiError ? e.fieldErrors.map((f) => h('li', {}, `${f.field}: ${f.message}`)) : [];
      message.append(notice(`Your feedback was not submitted: ${e.message}`, 'error'), fields.length ? h('ul', {}, fields) : null);
    }
  });

  declineButton.addEventListener('click', () => declineDialog(requestId, title, declineButton));

  show(
    h('p', {}, h('a', { href: '#/feedback' }, '\u2190 My feedback')),
    h('h1', {}, title),
    h('p', { class: 'muted' }, detail.cycleName || ''),
    h('div', { class: 'progress', role: 'group', 'aria-label': 'Progress' }, progress, progressText),
    h('div', { class: 'two-column' }, h('div', { class: 'main-column' }, form), visibilityPanel(detail)));
  updateProgress();
}

function declineDialog(requestId, title, opener) {
  const reason = h('textarea', { id: 'decline-reason', rows: 3, maxlength: 500 });
  const confirm = h('button', { type: 'button', id: 'confirm-decline', class: 'danger' }, 'Decline this request');
  const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
  const message = h('div', { 'aria-live': 'polite' });
  const box = h('section', { class: 'card dialog', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'decline-heading' },
    h('h2', { id: 'decline-heading' }, 'Decline this request?'),
    h('p', {}, 'Decline when you cannot give fair feedback, for example because you hardly work with this person.'),
    h('div', { class: 'field' }, h('label', { for: 'decline-reason' }, 'Reason (optional, never shown to the person)'), reason),
    message, h('div', { class: 'actions' }, confirm, cancel));
  opener.closest('.actions').after(box);
  reason.focus();
  cancel.addEventListener('click', () => { box.remove(); opener.focus(); });
  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    try {
      const text = reason.value.trim();
      await api.post(`/api/feedback-requests/${encodeURIComponent(requestId)}/decline`, text ? { reason: text } : {});
      thankYou(title, 'You declined this request.');
    } catch (e) {
      confirm.disabled = false;
      message.replaceChildren(notice(`Not declined: ${e.message}`, 'error'));
    }
  });
}

function thankYou(title, text) {
  announce(text, 'success');
  show(h('h1', {}, title), notice(text, 'success'), h('p', {}, h('a', { href: '#/feedback', id: 'back-to-list' }, 'Back to my feedback')));
}
