export { erasureSubject } from './erasure-subject';
export type { ErasureSubject } from './erasure-subject';
export { ErasureRefusedError, PersonalDataEraser } from './personal-data-eraser';
export type { ErasureOutcome } from './personal-data-eraser';
export { doneReport, erasureFailureKind, failedReport, failureDetail } from './erasure-report';
export { ERASURE_PROGRESS_TYPE, ErasureParticipant, ErasureParticipantSettings } from './erasure-participant';
export { ErasureConsumer } from './erasure.consumer';
export { erasureParticipation } from './erasure-participation';
