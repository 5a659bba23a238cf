import {
  OutboundButton,
  OutboundChannel,
  OutboundContent,
  OutboundMessagingType,
  OutboundTemplate,
} from '@app/contracts';

/**
 * Every channel rule of the Send API (meta-platform.md §4, §5), checked before anything is queued so a CRM
 * learns at once, with the field named, instead of from a failed status minutes later.
 */

export interface FieldProblem {
  /** JSON path of the field in the request body, e.g. `message.quickReplies[2].title`. */
  readonly field: string;
  readonly problem: string;
}

export interface OutboundMessageInput {
  readonly channel: OutboundChannel;
  readonly messagingType: OutboundMessagingType;
  readonly tag?: string | null;
  readonly message: OutboundContent;
  /** A file came with the request (multipart): it is the attachment, which then names only its type. */
  readonly fileAttached?: boolean;
}

export const MESSAGE_LIMITS = {
  messengerTextCharacters: 2000,
  instagramTextBytes: 1000,
  quickReplies: 13,
  quickReplyTitle: 20,
  quickReplyPayload: 1000,
  buttonTemplateText: 640,
  buttons: 3,
  buttonTitle: 20,
  postbackPayload: 1000,
  genericElements: 10,
  genericTitle: 80,
  genericSubtitle: 80,
} as const;

export const ACTIVE_TAGS: Readonly<Record<OutboundChannel, readonly string[]>> = {
  messenger: ['HUMAN_AGENT', 'CUSTOMER_FEEDBACK'],
  instagram: ['HUMAN_AGENT'],
};

/** Retired on Apr 27 2026; Meta answers code 100 since, so they are refused here first. */
export const RETIRED_TAGS: readonly string[] = ['ACCOUNT_UPDATE', 'CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE'];

const TEMPLATES: Readonly<Record<OutboundChannel, readonly OutboundTemplate['type'][]>> = {
  messenger: ['generic', 'button', 'media'],
  instagram: ['generic', 'button'],
};

const BUTTON_TYPES: Readonly<Record<OutboundChannel, readonly OutboundButton['type'][]>> = {
  messenger: ['web_url', 'postback', 'phone_number'],
  instagram: ['web_url', 'postback'],
};

const characters = (text: string): number => [...text].length;

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** All problems of a message for its channel; empty when Meta would accept it. */
export function messageProblems(input: OutboundMessageInput): FieldProblem[] {
  return [
    ...tagProblems(input),
    ...(input.fileAttached
      ? attachedFileProblems(input.channel, input.message)
      : contentProblems(input.channel, input.message, 'message')),
  ];
}

function attachedFileProblems(channel: OutboundChannel, content: OutboundContent): FieldProblem[] {
  const attachment = content.attachment;
  if (!attachment) return [{ field: 'file', problem: 'goes only with a message.attachment naming its type' }];
  if (attachment.url !== undefined || attachment.attachmentId !== undefined) {
    return [
      {
        field: 'message.attachment',
        problem: 'must have neither url nor attachmentId when the file comes with the request',
      },
    ];
  }
  // The file becomes the attachment's id once uploaded; every other rule applies as to any attachment.
  const uploaded = { ...content, attachment: { ...attachment, attachmentId: 'uploaded with the request' } };
  return contentProblems(channel, uploaded, 'message');
}

function tagProblems({ channel, messagingType, tag }: OutboundMessageInput): FieldProblem[] {
  if (!tag) {
    return messagingType === 'MESSAGE_TAG'
      ? [{ field: 'tag', problem: 'is required with messagingType MESSAGE_TAG' }]
      : [];
  }
  if (RETIRED_TAGS.includes(tag)) return [{ field: 'tag', problem: `${tag} was retired by Meta on 2026-04-27` }];
  if (!ACTIVE_TAGS[channel].includes(tag)) {
    return [{ field: 'tag', problem: `must be one of ${ACTIVE_TAGS[channel].join(', ')} on ${channel}` }];
  }
  if (messagingType !== 'MESSAGE_TAG') return [{ field: 'messagingType', problem: 'must be MESSAGE_TAG with a tag' }];
  if (tag === 'CUSTOMER_FEEDBACK') {
    return [
      {
        field: 'tag',
        problem: 'CUSTOMER_FEEDBACK goes only with the customer feedback template, which is not offered',
      },
    ];
  }
  return [];
}

function contentProblems(channel: OutboundChannel, content: OutboundContent, path: string): FieldProblem[] {
  const kinds = (['text', 'attachment', 'template', 'reaction'] as const).filter((k) => content[k] !== undefined);
  if (kinds.length !== 1) {
    return [{ field: path, problem: 'must have exactly one of text, attachment, template, reaction' }];
  }
  const problems: FieldProblem[] = [];
  if (content.text !== undefined) problems.push(...textProblems(channel, content.text, `${path}.text`));
  if (content.attachment) {
    problems.push(...mediaSourceProblems(content.attachment, `${path}.attachment`));
  }
  if (content.template) problems.push(...templateProblems(channel, content.template, `${path}.template`));
  if (content.reaction) {
    if (content.quickReplies || content.replyTo) {
      problems.push({ field: path, problem: 'a reaction carries no quick replies and no replyTo' });
    }
    // Instagram documents only the heart; Messenger takes any emoji.
    if (content.reaction.action === 'react' && !content.reaction.reaction) {
      problems.push({ field: `${path}.reaction.reaction`, problem: 'is required to react' });
    } else if (channel === 'instagram' && content.reaction.action === 'react' && content.reaction.reaction !== 'love') {
      problems.push({ field: `${path}.reaction.reaction`, problem: 'must be love on instagram' });
    }
  }
  if (content.quickReplies) problems.push(...quickReplyProblems(channel, content, `${path}.quickReplies`));
  return problems;
}

function textProblems(channel: OutboundChannel, text: string, field: string): FieldProblem[] {
  if (text.length === 0) return [{ field, problem: 'must not be empty' }];
  if (channel === 'instagram') {
    const bytes = Buffer.byteLength(text, 'utf8');
    return bytes > MESSAGE_LIMITS.instagramTextBytes
      ? [
          {
            field,
            problem: `must be at most ${MESSAGE_LIMITS.instagramTextBytes} bytes (UTF-8) on instagram, is ${bytes}`,
          },
        ]
      : [];
  }
  const length = characters(text);
  return length > MESSAGE_LIMITS.messengerTextCharacters
    ? [
        {
          field,
          problem: `must be at most ${MESSAGE_LIMITS.messengerTextCharacters} characters on messenger, is ${length}`,
        },
      ]
    : [];
}

function mediaSourceProblems(source: { url?: string; attachmentId?: string }, path: string): FieldProblem[] {
  if ((source.url === undefined) === (source.attachmentId === undefined)) {
    return [{ field: path, problem: 'must have exactly one of url, attachmentId' }];
  }
  if (source.url !== undefined && !isHttpUrl(source.url))
    return [{ field: `${path}.url`, problem: 'must be an http(s) URL' }];
  return [];
}

function quickReplyProblems(channel: OutboundChannel, content: OutboundContent, path: string): FieldProblem[] {
  const replies = content.quickReplies ?? [];
  const problems: FieldProblem[] = [];
  if (replies.length === 0 || replies.length > MESSAGE_LIMITS.quickReplies) {
    problems.push({ field: path, problem: `must have between 1 and ${MESSAGE_LIMITS.quickReplies} items` });
  }
  replies.forEach((reply, i) => {
    const at = `${path}[${i}]`;
    // Phone and email quick replies were switched off on Instagram on 2026-10-05.
    if (channel === 'instagram' && reply.contentType !== 'text') {
      problems.push({ field: `${at}.contentType`, problem: 'must be text on instagram' });
    }
    if (reply.contentType === 'text') {
      if (!reply.title && !reply.imageUrl) problems.push({ field: `${at}.title`, problem: 'is required' });
      if (!reply.payload) problems.push({ field: `${at}.payload`, problem: 'is required' });
    }
    if (reply.title && characters(reply.title) > MESSAGE_LIMITS.quickReplyTitle) {
      problems.push({ field: `${at}.title`, problem: `must be at most ${MESSAGE_LIMITS.quickReplyTitle} characters` });
    }
    if (reply.payload && characters(reply.payload) > MESSAGE_LIMITS.quickReplyPayload) {
      problems.push({
        field: `${at}.payload`,
        problem: `must be at most ${MESSAGE_LIMITS.quickReplyPayload} characters`,
      });
    }
    if (reply.imageUrl !== undefined && !isHttpUrl(reply.imageUrl)) {
      problems.push({ field: `${at}.imageUrl`, problem: 'must be an http(s) URL' });
    }
  });
  return problems;
}

function templateProblems(channel: OutboundChannel, template: OutboundTemplate, path: string): FieldProblem[] {
  if (!TEMPLATES[channel].includes(template.type)) {
    return [{ field: `${path}.type`, problem: `must be one of ${TEMPLATES[channel].join(', ')} on ${channel}` }];
  }
  switch (template.type) {
    case 'button': {
      const problems = buttonsProblems(channel, template.buttons, `${path}.buttons`, 1);
      if (!template.text) problems.push({ field: `${path}.text`, problem: 'is required' });
      else if (characters(template.text) > MESSAGE_LIMITS.buttonTemplateText) {
        problems.push({
          field: `${path}.text`,
          problem: `must be at most ${MESSAGE_LIMITS.buttonTemplateText} characters`,
        });
      }
      return problems;
    }
    case 'generic':
      return elementsProblems(template.elements, MESSAGE_LIMITS.genericElements, path, (element, at) => {
        const problems = buttonsProblems(channel, element.buttons, `${at}.buttons`, 0);
        if (!element.title) problems.push({ field: `${at}.title`, problem: 'is required' });
        else if (characters(element.title) > MESSAGE_LIMITS.genericTitle) {
          problems.push({ field: `${at}.title`, problem: `must be at most ${MESSAGE_LIMITS.genericTitle} characters` });
        }
        if (element.subtitle && characters(element.subtitle) > MESSAGE_LIMITS.genericSubtitle) {
          problems.push({
            field: `${at}.subtitle`,
            problem: `must be at most ${MESSAGE_LIMITS.genericSubtitle} characters`,
          });
        }
        if (!element.subtitle && !element.imageUrl && !element.defaultActionUrl && !element.buttons?.length) {
          problems.push({
            field: at,
            problem: 'needs a subtitle, imageUrl, defaultActionUrl or buttons besides the title',
          });
        }
        for (const key of ['imageUrl', 'defaultActionUrl'] as const) {
          const value = element[key];
          if (value !== undefined && !isHttpUrl(value))
            problems.push({ field: `${at}.${key}`, problem: 'must be an http(s) URL' });
        }
        return problems;
      });
    case 'media':
      return elementsProblems(template.elements, 1, path, (element, at) => [
        ...mediaSourceProblems(element, at),
        ...buttonsProblems(channel, element.buttons, `${at}.buttons`, 0, 1),
      ]);
  }
}

function elementsProblems<T>(
  elements: readonly T[] | undefined,
  max: number,
  path: string,
  check: (element: T, at: string) => FieldProblem[],
): FieldProblem[] {
  if (!elements || elements.length === 0 || elements.length > max) {
    return [{ field: `${path}.elements`, problem: `must have between 1 and ${max} elements` }];
  }
  return elements.flatMap((element, i) => check(element, `${path}.elements[${i}]`));
}

function buttonsProblems(
  channel: OutboundChannel,
  buttons: readonly OutboundButton[] | undefined,
  path: string,
  min: number,
  max: number = MESSAGE_LIMITS.buttons,
): FieldProblem[] {
  const list = buttons ?? [];
  if (list.length < min || list.length > max) {
    return [{ field: path, problem: `must have between ${min} and ${max} buttons` }];
  }
  return list.flatMap((button, i) => {
    const at = `${path}[${i}]`;
    const problems: FieldProblem[] = [];
    if (!BUTTON_TYPES[channel].includes(button.type)) {
      problems.push({
        field: `${at}.type`,
        problem: `must be one of ${BUTTON_TYPES[channel].join(', ')} on ${channel}`,
      });
    }
    if (!button.title) problems.push({ field: `${at}.title`, problem: 'is required' });
    else if (characters(button.title) > MESSAGE_LIMITS.buttonTitle) {
      problems.push({ field: `${at}.title`, problem: `must be at most ${MESSAGE_LIMITS.buttonTitle} characters` });
    }
    if (button.type === 'web_url' && !(button.url && isHttpUrl(button.url))) {
      problems.push({ field: `${at}.url`, problem: 'must be an http(s) URL' });
    }
    if (button.type !== 'web_url') {
      if (!button.payload) problems.push({ field: `${at}.payload`, problem: 'is required' });
      else if (characters(button.payload) > MESSAGE_LIMITS.postbackPayload) {
        problems.push({
          field: `${at}.payload`,
          problem: `must be at most ${MESSAGE_LIMITS.postbackPayload} characters`,
        });
      }
    }
    return problems;
  });
}
