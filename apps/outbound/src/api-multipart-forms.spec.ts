import { CrmTokenVerifier } from '@app/auth';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { OpenAPIObject, RequestBodyObject, SchemaObject } from '@nestjs/swagger';
import { openApiDocument } from '@app/runtime';
import { OUTBOUND_API } from './api-info';
import { describeMultipartForms } from './api-multipart-forms';
import { AttachmentsController } from './attachments/attachments.controller';
import { AttachmentsService } from './attachments/attachments.service';
import { MessagesController } from './messages/messages.controller';
import { MessagesService } from './messages/messages.service';

describe(describeMultipartForms.name, () => {
  let app: INestApplication;
  let document: OpenAPIObject;

  beforeAll(async () => {
    // The routes' decorators are what is documented; the services behind them are never called.
    const module = await Test.createTestingModule({
      controllers: [MessagesController, AttachmentsController],
      providers: [
        { provide: MessagesService, useValue: {} },
        { provide: AttachmentsService, useValue: {} },
        { provide: CrmTokenVerifier, useValue: {} },
      ],
    }).compile();
    app = module.createNestApplication();
    document = openApiDocument(app, OUTBOUND_API);
  });

  afterAll(() => app.close());

  const bodyOf = (path: string): RequestBodyObject => document.paths[path].post!.requestBody as RequestBodyObject;

  it('documents POST /v1/messages as JSON, or as the JSON in the part request and the file in the part file', () => {
    const { content, required } = bodyOf('/v1/messages');
    expect(required).toBe(true);
    expect(content['application/json']).toEqual({ schema: { $ref: '#/components/schemas/SendMessageDto' } });
    expect(content['multipart/form-data']).toEqual({
      schema: {
        type: 'object',
        properties: {
          request: { type: 'string', description: expect.stringMatching(/as JSON.*SendMessageDto/) },
          file: { type: 'string', format: 'binary', description: expect.any(String) },
        },
        required: ['request', 'file'],
      },
    });
  });

  it('documents POST /v1/attachments as JSON with a url, or as form fields with the file in place of the url', () => {
    expect(bodyOf('/v1/attachments').content['application/json']).toEqual({
      schema: { $ref: '#/components/schemas/UploadAttachmentDto' },
    });
    const form = bodyOf('/v1/attachments').content['multipart/form-data'].schema as SchemaObject;
    expect(Object.keys(form.properties!)).toEqual(['channel', 'accountId', 'type', 'file']);
    expect(form.properties!.file).toMatchObject({ type: 'string', format: 'binary' });
    expect(form.required).toEqual(['channel', 'accountId', 'type', 'file']);
  });

  it('leaves the file out of the JSON body, which cannot carry one', () => {
    expect(document.components!.schemas!.UploadAttachmentDto).not.toHaveProperty('properties.file');
  });
});
