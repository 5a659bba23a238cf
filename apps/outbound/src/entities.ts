/** Every TypeORM entity of the outbound schema (the drift test compares them with the migrations). */
export const OUTBOUND_ENTITIES: Function[] = [];
