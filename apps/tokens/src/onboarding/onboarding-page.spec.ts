import { renderOnboardingPage } from './onboarding-page';

describe('renderOnboardingPage', () => {
  it('escapes what Meta returns (Page names, usernames)', () => {
    const sut = renderOnboardingPage({
      title: 'Pages connected',
      pages: [
        {
          pageId: '1',
          pageName: '<script>alert(1)</script>',
          outcome: 'connected',
          instagram: { id: '17', username: '"onmouseover=x' },
          checklist: { ready: true, items: [{ id: 'token.valid', status: 'pass', summary: 'ok & fine' }] },
          instagramChecklist: null,
        },
      ],
    });
    expect(sut).not.toContain('<script>alert');
    expect(sut).toContain('&lt;script&gt;');
    expect(sut).toContain('@&quot;onmouseover=x (17)');
    expect(sut).toContain('ok &amp; fine');
    expect(sut).toContain('Page: ready');
  });

  it.each([
    [
      { title: 'Onboarding failed', problem: 'The login link is expired; start again.', pages: [] },
      'The login link is expired',
    ],
    [{ title: 'Pages connected', pages: [] }, 'No Page was granted.'],
  ])('shows %#', (view, text) => {
    expect(renderOnboardingPage(view)).toContain(text);
  });

  it('shows each failed item with what to do', () => {
    const sut = renderOnboardingPage({
      title: 't',
      pages: [
        {
          pageId: '1',
          pageName: 'Acme',
          outcome: 'refreshed',
          instagram: null,
          checklist: {
            ready: false,
            items: [
              { id: 'task.MESSAGING', status: 'fail', summary: 'cannot perform MESSAGING', action: 'Give the task.' },
            ],
          },
          instagramChecklist: null,
        },
      ],
    });
    expect(sut).toContain('Page: needs attention');
    expect(sut).toContain(
      '<li class="fail" data-check="task.MESSAGING"><strong>FAIL</strong> cannot perform MESSAGING<br><em>Give the task.</em></li>',
    );
    expect(sut).toContain('Instagram: none linked');
  });
});
