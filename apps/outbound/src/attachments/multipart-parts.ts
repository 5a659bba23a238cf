/** The multipart/form-data part that carries the file, in POST /v1/messages and POST /v1/attachments. */
export const FILE_PART = 'file';

/** The multipart/form-data part of POST /v1/messages that holds the message request as JSON. */
export const MESSAGE_REQUEST_PART = 'request';
