import { ErasureRequestedEvent } from '@app/contracts';
import { AppProgress } from './erasure-status';

export abstract class ErasureRepository {
  /** Stores the request unless its id exists (a retried callback); returns the stored one. */
  abstract create(request: ErasureRequestedEvent): Promise<ErasureRequestedEvent>;
  abstract findByCode(confirmationCode: string): Promise<ErasureRequestedEvent | null>;
  /** Keeps the latest report of each app. */
  abstract recordProgress(erasureId: string, progress: AppProgress): Promise<void>;
  abstract progress(erasureId: string): Promise<AppProgress[]>;
}
