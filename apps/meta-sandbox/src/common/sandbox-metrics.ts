import { Counter, Registry } from 'prom-client';

/** The sandbox's Prometheus metrics (`parley_meta_sandbox_*`). Reuses metrics already registered, so several instances can share a registry. */
export class SandboxMetrics {
  private readonly attempts: Counter<'outcome'>;
  private readonly finished: Counter<'status'>;
  private readonly graphErrors: Counter<'code'>;

  constructor(readonly registry: Registry) {
    this.attempts = counter(
      registry,
      'parley_meta_sandbox_webhook_attempts_total',
      'Webhook POST attempts by outcome (2xx or failure).',
      ['outcome'],
    );
    this.finished = counter(
      registry,
      'parley_meta_sandbox_webhook_deliveries_finished_total',
      'Webhook deliveries that reached a final status.',
      ['status'],
    );
    this.graphErrors = counter(
      registry,
      'parley_meta_sandbox_graph_errors_total',
      'Graph API calls answered with a Meta error, by code.',
      ['code'],
    );
  }

  attempt(ok: boolean): void {
    this.attempts.inc({ outcome: ok ? 'delivered' : 'failed' });
  }

  deliveryFinished(status: 'delivered' | 'dropped'): void {
    this.finished.inc({ status });
  }

  graphError(code: number): void {
    this.graphErrors.inc({ code: String(code) });
  }
}

function counter<L extends string>(registry: Registry, name: string, help: string, labelNames: L[]): Counter<L> {
  const existing = registry.getSingleMetric(name);
  if (existing instanceof Counter) return existing as Counter<L>;
  return new Counter({ name, help, labelNames, registers: [registry] });
}
