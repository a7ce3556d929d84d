// Runtime settings read from /config.json (web/public/config.json), so a deployment changes the identity
// provider or the media address without rebuilding the app.
export interface AppConfig {
  /** OpenID Connect issuer, e.g. http://127.0.0.1:28180/realms/drivetest */
  authority: string;
  /** Public client doing the authorization code flow with PKCE. */
  clientId: string;
  scope: string;
  /** Where question media live: the object store's public bucket (the File service's uploads), ending in "/". */
  mediaBase: string;
  /** Tried when a key is not found there: the demo images drawn into var/media, served at /media/ locally. */
  mediaFallbackBase?: string;
}

export const defaultConfig: AppConfig = {
  authority: "http://127.0.0.1:28180/realms/drivetest",
  clientId: "drivetest-web",
  scope: "openid profile email",
  mediaBase: "http://127.0.0.1:28333/drivetest-media/",
  mediaFallbackBase: "/media/",
};

let current: AppConfig = defaultConfig;

export async function loadConfig(): Promise<AppConfig> {
  try {
    const response = await fetch("/config.json", { cache: "no-cache" });
    if (response.ok) current = { ...defaultConfig, ...((await response.json()) as Partial<AppConfig>) };
  } catch {
    // Offline or no config.json: the local defaults.
  }
  return current;
}

export function config(): AppConfig {
  return current;
}

export function setConfig(value: AppConfig): void {
  current = value;
}

/** The URLs to try, in order, for a media key of the catalogue (a relative storage key). */
export function mediaUrls(key: string): string[] {
  if (/^(https?:)?\/\//.test(key) || key.startsWith("/")) return [key];
  const path = key.split("/").map(encodeURIComponent).join("/");
  const bases = [current.mediaBase, current.mediaFallbackBase].filter((base): base is string => !!base);
  return [...new Set(bases)].map((base) => base + path);
}
