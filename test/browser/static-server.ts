/**
 * A tiny static server for dist/ on 127.0.0.1, resolving clean URLs the way Framework's preview
 * does: /regler → regler.html, /dir/ → dir/index.html. Correct MIME types (application/wasm, so
 * DuckDB can stream-compile its module). With `plain: true` it rewrites nothing, like any static
 * host (`python3 -m http.server`): a path is a file, or a directory served by its index.html.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".tsv": "text/tab-separated-values; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".arrow": "application/vnd.apache.arrow.file",
  ".parquet": "application/vnd.apache.parquet",
  ".zip": "application/zip",
};

export interface StaticServer {
  /** Origin, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The file a URL path maps to, or null (404). */
export async function resolveStaticPath(root: string, urlPath: string, plain = false): Promise<string | null> {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  const candidates = path.endsWith("/")
    ? [join(file, "index.html")]
    : plain
      ? [file]
      : [file, `${file}.html`, join(file, "index.html")];
  for (const candidate of candidates) if (await isFile(candidate)) return candidate;
  return null;
}

export async function startStaticServer(root: string, { plain = false } = {}): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file =
      req.method === "GET" || req.method === "HEAD" ? await resolveStaticPath(root, url.pathname, plain) : null;
    if (!file) {
      const notFound = plain ? null : await resolveStaticPath(root, "/404");
      res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
      if (notFound && req.method === "GET") createReadStream(notFound).pipe(res);
      else res.end("Not found");
      return;
    }
    res.writeHead(200, {
      "content-type": MIME[extname(file).toLowerCase()] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
