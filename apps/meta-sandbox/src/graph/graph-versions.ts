/** Graph API versions the sandbox answers under `/v{major}.0/…` (current v25.0, newest v26.0; older ones still route). */
export const GRAPH_VERSIONS = Array.from({ length: 15 }, (_, i) => `v${16 + i}.0`);
