import { ErasureAppStatus } from '@app/contracts';

export type ErasureOverallStatus = 'pending' | 'completed' | 'failed';

export interface AppProgress {
  app: string;
  status: ErasureAppStatus;
  deletedRecords: number;
  detail: string | null;
  reportedAt: Date;
}

export interface AppStatusView {
  app: string;
  status: ErasureAppStatus | 'pending';
  deletedRecords: number | null;
  detail: string | null;
  reportedAt: Date | null;
}

/** Overall status: failed if any app failed, completed once every expected app reported done. */
export function erasureStatus(
  progress: readonly AppProgress[],
  expectedApps: readonly string[],
): { status: ErasureOverallStatus; apps: AppStatusView[] } {
  const byApp = new Map(progress.map((p) => [p.app, p]));
  const names = [...new Set([...expectedApps, ...progress.map((p) => p.app)])].sort();
  const apps: AppStatusView[] = names.map((app) => {
    const p = byApp.get(app);
    return p
      ? { app, status: p.status, deletedRecords: p.deletedRecords, detail: p.detail, reportedAt: p.reportedAt }
      : { app, status: 'pending', deletedRecords: null, detail: null, reportedAt: null };
  });
  if (apps.some((a) => a.status === 'failed')) return { status: 'failed', apps };
  return { status: apps.every((a) => a.status === 'done') ? 'completed' : 'pending', apps };
}
