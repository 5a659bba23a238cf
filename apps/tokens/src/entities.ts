/** Every TypeORM entity of the tokens schema (the drift test compares them with the migrations). */
export const TOKENS_ENTITIES: Function[] = [];
