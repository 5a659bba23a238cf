import { ErasureStatusDto } from './dto/erasure.dto';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const WORDS: Record<string, string> = {
  pending: 'In progress',
  completed: 'Completed',
  failed: 'Failed, being retried by the operator',
  done: 'Deleted',
};

/** The page Meta's data-deletion callback response points the person to: the status in plain words. */
export function deletionStatusPage(status: ErasureStatusDto | null, code: string): string {
  const body = status
    ? `<p>Confirmation code: <strong>${escape(status.confirmationCode)}</strong></p>
<p>Requested: ${escape(status.requestedAt)}</p>
<p>Status: <strong>${escape(WORDS[status.status] ?? status.status)}</strong></p>
<ul>${status.apps.map((a) => `<li>${escape(a.app)}: ${escape(WORDS[a.status] ?? a.status)}</li>`).join('')}</ul>`
    : `<p>No data deletion request has the confirmation code <strong>${escape(code)}</strong>.</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Data deletion status</title></head>
<body><h1>Data deletion status</h1>
${body}
</body></html>
`;
}
