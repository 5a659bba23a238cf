import { Provider, Type } from '@nestjs/common';
import { ErasureConsumer } from './erasure.consumer';
import { ErasureParticipant, ErasureParticipantSettings } from './erasure-participant';
import { PersonalDataEraser } from './personal-data-eraser';

/**
 * The providers that make an app take part in erasures, for its feature module: its eraser (which may
 * inject anything that module provides), the participant and the consumer. Needs the Kafka module.
 */
export function erasureParticipation(app: string, eraser: Type<PersonalDataEraser>): Provider[] {
  return [
    { provide: ErasureParticipantSettings, useValue: new ErasureParticipantSettings(app) },
    { provide: PersonalDataEraser, useClass: eraser },
    ErasureParticipant,
    ErasureConsumer,
  ];
}
