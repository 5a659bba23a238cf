import { Diagnostics } from '../diagnostics/diagnostics-rules';

export interface OnboardingView {
  title: string;
  /** Shown when the login did not go through. */
  problem?: string;
  pages: Array<{
    pageId: string;
    pageName: string;
    outcome: string;
    instagram: { id: string; username: string | null } | null;
    checklist: Diagnostics | null;
    instagramChecklist: Diagnostics | null;
  }>;
}

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function checklist(title: string, d: Diagnostics | null): string {
  if (!d) return '';
  const items = d.items
    .map(
      (i) =>
        `<li class="${i.status}" data-check="${escape(i.id)}"><strong>${i.status.toUpperCase()}</strong> ${escape(i.summary)}${
          i.action ? `<br><em>${escape(i.action)}</em>` : ''
        }</li>`,
    )
    .join('');
  return `<h3>${escape(title)}: ${d.ready ? 'ready' : 'needs attention'}</h3><ul>${items}</ul>`;
}

/** The server-rendered result of an onboarding: each Page, its Instagram account and checklists. */
export function renderOnboardingPage(view: OnboardingView): string {
  const body = view.problem
    ? `<p class="problem">${escape(view.problem)}</p>`
    : view.pages
        .map(
          (p) =>
            `<section data-page="${escape(p.pageId)}"><h2>${escape(p.pageName)} (${escape(p.pageId)}): ${escape(p.outcome)}</h2>` +
            `<p>Instagram: ${p.instagram ? escape(`@${p.instagram.username ?? p.instagram.id} (${p.instagram.id})`) : 'none linked'}</p>` +
            checklist('Page', p.checklist) +
            checklist('Instagram', p.instagramChecklist) +
            '</section>',
        )
        .join('') || '<p>No Page was granted.</p>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(view.title)}</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto}.pass{color:#186a3b}.warn{color:#9a7d0a}.fail,.problem{color:#922b21}</style>
</head><body><h1>${escape(view.title)}</h1>${body}</body></html>`;
}
