import { createHash } from 'node:crypto';
import { OutboundAttachmentType } from '@app/contracts';

/** A file a CRM sent with its request (multipart/form-data). */
export interface UploadedFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** Meta's Attachment Upload API limit (meta-platform.md §4.3). */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/** What Meta's Attachment Upload API takes (meta-platform.md §4.4): the message JSON, and the file by URL or as `filedata`. */
export function uploadBody(
  type: OutboundAttachmentType,
  source: { url: string } | { file: UploadedFile },
): Record<string, unknown> | FormData {
  if ('url' in source) return { message: { attachment: { type, payload: { url: source.url, is_reusable: true } } } };
  const form = new FormData();
  form.set('message', JSON.stringify({ attachment: { type, payload: { is_reusable: true } } }));
  const { file } = source;
  form.set('filedata', new Blob([new Uint8Array(file.buffer)], { type: file.mimetype }), file.originalname || 'file');
  return form;
}

/** Stands for the file in the Idempotency-Key's request hash: the same bytes are the same request. */
export function fileFingerprint(file: UploadedFile): { name: string; type: string; sha256: string } {
  return {
    name: file.originalname,
    type: file.mimetype,
    sha256: createHash('sha256').update(file.buffer).digest('hex'),
  };
}
