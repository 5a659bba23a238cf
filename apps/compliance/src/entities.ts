/** Every TypeORM entity of the compliance schema (the drift test compares them with the migrations). */
export const COMPLIANCE_ENTITIES: Function[] = [];
