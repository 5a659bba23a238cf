export type GraphErrorType = 'OAuthException' | 'GraphMethodException' | 'FacebookApiException';

export type Channel = 'messenger' | 'instagram';

/** The `error` object of a Graph API error body (meta-platform.md §6.1). Optional keys are omitted when absent. */
export interface GraphErrorBody {
  message: string;
  type: GraphErrorType;
  code: number;
  error_subcode?: number;
  is_transient?: boolean;
  error_user_title?: string;
  error_user_msg?: string;
  fbtrace_id: string;
}

interface GraphErrorInit {
  status: number;
  code: number;
  message: string;
  subcode?: number;
  type?: GraphErrorType;
  transient?: boolean;
}

/** An error the sandbox answers the way Meta's Graph API does: HTTP status plus `{error:{…}}`. */
export class GraphError extends Error {
  readonly status: number;
  readonly code: number;
  readonly subcode: number | undefined;
  readonly type: GraphErrorType;
  readonly transient: boolean | undefined;
  /** Response headers that go with the error, e.g. the usage header of the limit that refused the call. */
  readonly headers: Record<string, string> = {};

  constructor(init: GraphErrorInit) {
    super(init.message);
    this.name = 'GraphError';
    this.status = init.status;
    this.code = init.code;
    this.subcode = init.subcode;
    this.type = init.type ?? 'OAuthException';
    this.transient = init.transient;
  }

  withHeaders(headers: Record<string, string>): this {
    Object.assign(this.headers, headers);
    return this;
  }

  /** Builds the body in Meta's key order: message, type, code, error_subcode, is_transient, fbtrace_id. */
  toBody(fbtraceId: string): { error: GraphErrorBody } {
    return {
      error: {
        message: this.message,
        type: this.type,
        code: this.code,
        ...(this.subcode !== undefined && { error_subcode: this.subcode }),
        ...(this.transient !== undefined && { is_transient: this.transient }),
        fbtrace_id: fbtraceId,
      },
    };
  }
}

export type TokenInvalidation = 'not_authorized' | 'password_changed' | 'logged_out' | 'session_invalid';

const invalidationSubcode: Record<TokenInvalidation, number> = {
  not_authorized: 458,
  password_changed: 460,
  logged_out: 467,
  session_invalid: 492,
};

const invalidationMessage: Record<TokenInvalidation, string> = {
  not_authorized: 'Error validating access token: The user has not authorized application.',
  password_changed:
    'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
  logged_out: 'Error validating access token: The session is invalid because the user logged out.',
  session_invalid:
    'Error validating access token: Sessions for the user are not allowed because the user is not a confirmed user or lost access to the Page.',
};

// Meta documents no status table; it answers most errors with 400, permission errors with 403 and
// transient failures with 500. Clients must classify on code/subcode (meta-platform.md §6.1).
const BAD_REQUEST = 400;
const FORBIDDEN = 403;

function formatMetaDate(epochMs: number): string {
  // Meta writes e.g. "Tuesday, 03-Mar-26 10:00:00 PST"; the sandbox uses the same layout in UTC.
  const d = new Date(epochMs);
  const day = d.toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
  const pad = (n: number) => String(n).padStart(2, '0');
  const month = d.toLocaleDateString('en-US', { month: 'short', timeZone: 'UTC' });
  return `${day}, ${pad(d.getUTCDate())}-${month}-${pad(d.getUTCFullYear() % 100)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

/** Every error the sandbox can answer, with Meta's code, subcode, message and status. */
export const GraphErrors = {
  unknownPath: (path: string) =>
    new GraphError({ status: BAD_REQUEST, code: 2500, message: `Unknown path components: ${path}` }),
  unsupportedRequest: (method: 'get' | 'post' | 'delete', id: string) =>
    new GraphError({
      status: BAD_REQUEST,
      code: 100,
      subcode: 33,
      type: 'GraphMethodException',
      message: `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    }),
  tokenRequired: () =>
    new GraphError({
      status: BAD_REQUEST,
      code: 104,
      message: 'An access token is required to request this resource.',
    }),
  activeTokenRequired: () =>
    new GraphError({
      status: BAD_REQUEST,
      code: 2500,
      message: 'An active access token must be used to query information about the current user.',
    }),
  tokenMalformed: () =>
    new GraphError({
      status: BAD_REQUEST,
      code: 190,
      message: 'Invalid OAuth access token - Cannot parse access token',
    }),
  tokenExpired: (expiredAtMs: number, nowMs: number) =>
    new GraphError({
      status: BAD_REQUEST,
      code: 190,
      subcode: 463,
      message: `Error validating access token: Session has expired on ${formatMetaDate(expiredAtMs)}. The current time is ${formatMetaDate(nowMs)}.`,
    }),
  tokenInvalidated: (reason: TokenInvalidation) =>
    new GraphError({
      status: BAD_REQUEST,
      code: 190,
      subcode: invalidationSubcode[reason],
      message: invalidationMessage[reason],
    }),
  appSecretProofRequired: () =>
    new GraphError({
      status: BAD_REQUEST,
      code: 100,
      type: 'GraphMethodException',
      message: 'API calls from the server require an appsecret_proof argument',
    }),
  appSecretProofInvalid: () =>
    new GraphError({
      status: BAD_REQUEST,
      code: 100,
      type: 'GraphMethodException',
      message: 'Invalid appsecret_proof provided in the API argument',
    }),
  pageTokenRequired: () =>
    new GraphError({
      status: BAD_REQUEST,
      code: 210,
      message: '(#210) A page access token is required to request this resource.',
    }),
  appTokenRequired: () =>
    new GraphError({
      status: BAD_REQUEST,
      code: 100,
      type: 'GraphMethodException',
      message:
        '(#100) You must provide an app access token, or a user access token that is an owner or developer of the app',
    }),
  missingPermission: (permission: string) =>
    new GraphError({
      status: FORBIDDEN,
      code: 200,
      message: `(#200) Requires ${permission} permission to manage the object`,
    }),
  missingTask: (task: string) =>
    new GraphError({
      status: FORBIDDEN,
      code: 10,
      message: `(#10) The user must be an admin, editor, or moderator of the page with the ${task} task to perform this action`,
    }),
  humanAgentNotApproved: () =>
    new GraphError({
      status: FORBIDDEN,
      code: 200,
      message: '(#200) The HUMAN_AGENT tag requires the Human Agent feature to be approved for this app',
    }),
  outsideWindow: (channel: Channel) =>
    new GraphError({
      status: BAD_REQUEST,
      code: 10,
      subcode: channel === 'messenger' ? 2018278 : 2534022,
      message:
        '(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview',
    }),
  noMatchingUser: (channel: Channel) =>
    channel === 'messenger'
      ? new GraphError({ status: BAD_REQUEST, code: 100, subcode: 2018001, message: '(#100) No matching user found' })
      : new GraphError({
          status: BAD_REQUEST,
          code: 100,
          subcode: 2534014,
          message: '(#100) No matching Instagram user',
        }),
  personUnavailable: () =>
    new GraphError({
      status: BAD_REQUEST,
      code: 551,
      subcode: 1545041,
      message: "(#551) This person isn't available right now.",
    }),
  userConsentRequired: () =>
    new GraphError({
      status: BAD_REQUEST,
      code: 230,
      message: '(#230) User consent is required to access user profile',
    }),
  paramRequired: (param: string) =>
    new GraphError({ status: BAD_REQUEST, code: 100, message: `(#100) The parameter ${param} is required` }),
  paramOneOf: (param: string, allowed: readonly string[], got: string) =>
    new GraphError({
      status: BAD_REQUEST,
      code: 100,
      message: `(#100) Param ${param} must be one of {${allowed.join(', ')}} - got "${got}"`,
    }),
  invalidParam: (message: string) => new GraphError({ status: BAD_REQUEST, code: 100, message: `(#100) ${message}` }),
  textTooLong: (max: number, unit: 'characters' | 'bytes') =>
    new GraphError({
      status: BAD_REQUEST,
      code: 100,
      message: `(#100) Length of param message[text] must be less than or equal to ${max}${unit === 'bytes' ? ' bytes' : ''}`,
    }),
  tooManyQuickReplies: (max: number) =>
    new GraphError({
      status: BAD_REQUEST,
      code: 100,
      message: `(#100) param message[quick_replies] must have at most ${max} items.`,
    }),
  emptyMessage: () =>
    new GraphError({
      status: BAD_REQUEST,
      code: 100,
      subcode: 2018034,
      message: '(#100) Message cannot be empty, must provide valid attachment or text',
    }),
  attachmentFetchFailed: () =>
    new GraphError({
      status: BAD_REQUEST,
      code: 100,
      subcode: 2018008,
      message: '(#100) Failed to fetch the file from the url',
    }),
  attachmentNotFound: () =>
    new GraphError({
      status: BAD_REQUEST,
      code: 100,
      subcode: 2018047,
      message: '(#100) Upload attachment failure. The attachment_id does not exist or does not belong to this Page',
    }),
  attachmentTooLarge: () =>
    new GraphError({
      status: BAD_REQUEST,
      code: 100,
      subcode: 2018109,
      message: '(#100) Attachment size exceeds allowable limit',
    }),
  tagRetired: (tag: string, allowed: readonly string[]) =>
    new GraphError({
      status: BAD_REQUEST,
      code: 100,
      message: `(#100) Param tag must be one of {${allowed.join(', ')}} - got "${tag}". This tag was retired on April 27, 2026.`,
    }),
  messageTooOld: () =>
    new GraphError({
      status: BAD_REQUEST,
      code: 100,
      type: 'GraphMethodException',
      message: '(#100) This message has been deleted or is too old to be fetched',
    }),
  sendRateLimited: (channel: Channel) =>
    new GraphError({
      status: BAD_REQUEST,
      code: 613,
      subcode: channel === 'instagram' ? 2534040 : undefined,
      transient: true,
      message: '(#613) Calls to this API have exceeded the rate limit.',
    }),
  appRateLimited: () =>
    new GraphError({
      status: BAD_REQUEST,
      code: 4,
      transient: true,
      message: '(#4) Application request limit reached',
    }),
  businessUseCaseRateLimited: (channel: Channel) =>
    channel === 'messenger'
      ? new GraphError({
          status: BAD_REQUEST,
          code: 80006,
          transient: true,
          message:
            '(#80006) There have been too many messenger api calls to this Page account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.',
        })
      : new GraphError({
          status: BAD_REQUEST,
          code: 80002,
          transient: true,
          message:
            '(#80002) There have been too many calls to this Instagram account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.',
        }),
  threadControlDenied: (message: string) =>
    new GraphError({ status: BAD_REQUEST, code: 10, message: `(#10) ${message}` }),
  oauthCodeInvalid: () =>
    new GraphError({ status: BAD_REQUEST, code: 100, message: 'Invalid verification code format.' }),
  oauthCodeUsed: () =>
    new GraphError({
      status: BAD_REQUEST,
      code: 100,
      subcode: 36009,
      message: 'This authorization code has been used.',
    }),
  oauthCodeExpired: () =>
    new GraphError({ status: BAD_REQUEST, code: 100, subcode: 36007, message: 'This authorization code has expired.' }),
  oauthRedirectMismatch: () =>
    new GraphError({
      status: BAD_REQUEST,
      code: 100,
      subcode: 36008,
      message:
        'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
    }),
  oauthClientSecretInvalid: () =>
    new GraphError({ status: BAD_REQUEST, code: 1, message: 'Error validating client secret.' }),
  oauthClientInvalid: () =>
    new GraphError({
      status: BAD_REQUEST,
      code: 101,
      message: 'Error validating application. Invalid application ID.',
    }),
};
