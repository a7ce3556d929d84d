// Vite: the production build (web/dist, served by the API gateway), the dev server and Vitest.
// Dev server (npm run dev, http://127.0.0.1:5173): /api/* goes to the services directly, or to the gateway with
// DT_WEB_PROXY=gateway; /media/* is served from var/media (the demo images drawn by infra/demo-data.sh).
// `vite preview` (the production build) proxies the same way.
import { createReadStream, existsSync, statSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import type { Connect, Plugin } from "vite";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

const gateway = "http://127.0.0.1:28080";
const services: Record<string, string> = {
  "/api/catalog": "http://127.0.0.1:28081",
  "/api/account": "http://127.0.0.1:28082",
  "/api/notification": "http://127.0.0.1:28083",
  "/api/files": "http://127.0.0.1:28084",
};

const viaGateway = process.env.DT_WEB_PROXY === "gateway";
const proxy = viaGateway
  ? { "/api": gateway, "/media": gateway }
  : Object.fromEntries(Object.entries(services).map(([path, target]) => [path, target]));

const mediaTypes: Record<string, string> = {
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".webm": "video/webm",
};

// Serves /media/<key> from var/media in development (the gateway does it in production).
function demoMedia(): Plugin {
  const root = resolve(fileURLToPath(new URL(".", import.meta.url)), "../var/media");
  const serve: Connect.NextHandleFunction = (req, res, next) => {
    const path = decodeURIComponent((req.url ?? "").split("?")[0]);
    const file = normalize(join(root, path));
    if (!file.startsWith(root + "/") || !existsSync(file) || !statSync(file).isFile()) return next();
    res.setHeader("Content-Type", mediaTypes[extname(file)] ?? "application/octet-stream");
    createReadStream(file).pipe(res);
  };
  return {
    name: "drivetest-demo-media",
    configureServer(server) {
      if (!viaGateway) server.middlewares.use("/media", serve);
    },
    configurePreviewServer(server) {
      if (!viaGateway) server.middlewares.use("/media", serve);
    },
  };
}

export default defineConfig({
  plugins: [react(), demoMedia()],
  server: { host: "127.0.0.1", port: 5173, strictPort: true, proxy },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true, proxy },
  build: { target: "es2022", manifest: true, sourcemap: false, chunkSizeWarningLimit: 400 },
  test: {
    environment: "happy-dom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
    restoreMocks: true,
  },
});
