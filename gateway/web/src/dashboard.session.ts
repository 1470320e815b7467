/** The token of the browser session (sessionStorage: gone when the tab closes). */

const KEY = 'kesos.dashboard.token';

export interface Claims {
  sub?: string;
  role?: string;
  unit?: string;
}

export const storedToken = (): string | null => sessionStorage.getItem(KEY);
export const storeToken = (token: string): void => sessionStorage.setItem(KEY, token);
export const forgetToken = (): void => sessionStorage.removeItem(KEY);

/**
 * The token's claims, read only to choose what the page opens with (a viewer's own unit).
 * The gateway checks the signature and the scope of every request; nothing here grants access.
 */
export function claimsOf(token: string): Claims {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const parsed = JSON.parse(json) as unknown;
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
}

/** Roles that read every unit: the ministry view is theirs. */
export const readsEveryUnit = (claims: Claims): boolean => claims.role === 'analyst' || claims.role === 'admin';
