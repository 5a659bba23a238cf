export type AccessLevel = 'standard' | 'advanced';

/**
 * Reads `META_ACCESS_LEVELS` (`pages_messaging:advanced,instagram_manage_messages:standard`): what App
 * Review granted, which the Graph API does not tell an app about itself.
 */
export function parseAccessLevels(text: string | undefined): Record<string, AccessLevel> | undefined {
  if (!text?.trim()) return undefined;
  const levels: Record<string, AccessLevel> = {};
  for (const entry of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [permission, level, ...rest] = entry.split(':');
    if (!/^[a-z_]+$/.test(permission ?? '') || (level !== 'standard' && level !== 'advanced') || rest.length > 0) {
      throw new Error(`META_ACCESS_LEVELS entry "${entry}" must be <permission>:standard or <permission>:advanced`);
    }
    levels[permission] = level;
  }
  return levels;
}
