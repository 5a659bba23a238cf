import { Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';

/** What operators watch: how many sends compliance allowed or denied and why, and what the inbound stream moved. */
@Injectable()
export class ComplianceMetrics {
  readonly decisions: Counter<'allowed' | 'reason'>;
  readonly inbound: Counter<'outcome'>;

  constructor(registry: Registry) {
    this.decisions = new Counter({
      name: 'compliance_decisions_total',
      help: 'Send decisions by answer and reason.',
      labelNames: ['allowed', 'reason'],
      registers: [registry],
    });
    this.inbound = new Counter({
      name: 'compliance_inbound_events_total',
      help: 'Inbound events by outcome: applied, duplicate (already applied) or ignored (no effect on state).',
      labelNames: ['outcome'],
      registers: [registry],
    });
  }
}
