export async function startTestPostgres(): Promise<void> {}

export async function stopTestPostgres(): Promise<void> {}
