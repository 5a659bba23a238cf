import { AuthenticatedAppConfig } from '@app/config';
import { IsNotEmpty, IsString, IsUrl, Matches } from 'class-validator';
import { GraphClientOptions } from './graph-client';

/** The Meta app settings of every app that calls the Graph API (outbound, tokens; both also serve CRMs). */
export class MetaAppConfig extends AuthenticatedAppConfig {
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'META_GRAPH_URL must be an absolute http(s) URL' })
  META_GRAPH_URL: string = 'https://graph.facebook.com';

  @Matches(/^v\d+\.\d+$/, { message: 'META_GRAPH_VERSION must look like v25.0' })
  META_GRAPH_VERSION: string = 'v25.0';

  @IsString({ message: 'META_APP_ID must be set to the Meta app id' })
  @IsNotEmpty({ message: 'META_APP_ID must be set to the Meta app id' })
  META_APP_ID!: string;

  @IsString({ message: 'META_APP_SECRET must be set to the Meta app secret' })
  @IsNotEmpty({ message: 'META_APP_SECRET must be set to the Meta app secret' })
  META_APP_SECRET!: string;

  /** What a Graph client needs from these settings. */
  get graphClient(): GraphClientOptions {
    return {
      graphUrl: this.META_GRAPH_URL,
      version: this.META_GRAPH_VERSION,
      appId: this.META_APP_ID,
      appSecret: this.META_APP_SECRET,
    };
  }
}
