import type { OpenAPIObject, OperationObject, SchemaObject } from '@nestjs/swagger';
import { UploadAttachmentDto } from './attachments/dto/upload-attachment.dto';
import { FILE_PART, MESSAGE_REQUEST_PART } from './attachments/multipart-parts';
import { SendMessageDto } from './messages/dto/send-message.dto';

const MULTIPART = 'multipart/form-data';
/** The JSON body's field that the file takes the place of in the form. */
const URL_FIELD: keyof UploadAttachmentDto = 'url';

/**
 * @nestjs/swagger gives every content type of a request body the body's DTO as schema, but a multipart body
 * is a form of parts. Replaces, in the document just built, the multipart schema of each outbound operation
 * that takes one with its form.
 */
export function describeMultipartForms(document: OpenAPIObject): OpenAPIObject {
  const forms: Record<string, SchemaObject> = {
    sendMessage: sendMessageForm(),
    uploadAttachment: uploadAttachmentForm(document),
  };
  for (const [operationId, form] of Object.entries(forms)) {
    const body = operationById(document, operationId)?.requestBody;
    if (!body || !('content' in body) || !body.content[MULTIPART]) {
      throw new Error(`No operation ${operationId} taking ${MULTIPART} to describe`);
    }
    body.content[MULTIPART] = { schema: form };
  }
  return document;
}

/** POST /v1/messages: the request as JSON in one part, the file in another. */
function sendMessageForm(): SchemaObject {
  return {
    type: 'object',
    properties: {
      [MESSAGE_REQUEST_PART]: {
        type: 'string',
        description:
          `The request as JSON, the same as the application/json body (schema ${SendMessageDto.name}); ` +
          'its message.attachment names only its type.',
      },
      [FILE_PART]: { type: 'string', format: 'binary', description: 'The file, sent as message.attachment' },
    },
    required: [MESSAGE_REQUEST_PART, FILE_PART],
  };
}

/** POST /v1/attachments: the JSON body's fields as form fields, with the file in place of its url. */
function uploadAttachmentForm(document: OpenAPIObject): SchemaObject {
  const fields = document.components?.schemas?.[UploadAttachmentDto.name] as SchemaObject | undefined;
  if (!fields?.properties) throw new Error(`The document has no schema ${UploadAttachmentDto.name}`);
  const { [URL_FIELD]: _url, ...properties } = fields.properties;
  return {
    type: 'object',
    properties: {
      ...properties,
      [FILE_PART]: { type: 'string', format: 'binary', description: `The file, in place of ${URL_FIELD}` },
    },
    required: [...(fields.required ?? []), FILE_PART],
  };
}

function operationById(document: OpenAPIObject, operationId: string): OperationObject | undefined {
  return Object.values(document.paths)
    .flatMap((path) => [path.get, path.put, path.post, path.delete, path.patch])
    .find((operation) => operation?.operationId === operationId);
}
