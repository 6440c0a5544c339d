// `cxzy serve` on node:http: the first free port from the one asked, the
// Host headers it answers to (its own address and port: a page of another
// site that renames itself to 127.0.0.1 by DNS is refused), and each request
// answered by app.ts.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answer, type App, type Reply } from './app.js';

/** Ports tried after the one asked before giving up. */
const TRIES = 20;

export interface Running {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The Host headers a server at `host`:`port` answers to. */
export function hostsOf(host: string, port: number): Set<string> {
  const names =
    host === '127.0.0.1' || host === 'localhost'
      ? ['127.0.0.1', 'localhost']
      : host === '::1'
        ? ['[::1]', 'localhost']
        : [host.includes(':') ? `[${host}]` : host];
  return new Set(names.map((n) => `${n.toLowerCase()}:${port}`));
}

function listen(server: Server, host: string, port: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const failed = (e: NodeJS.ErrnoException) => {
      server.off('listening', ok);
      if (e.code === 'EADDRINUSE' || e.code === 'EACCES') resolve(null);
      else reject(e);
    };
    const ok = () => {
      server.off('error', failed);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', failed);
    server.once('listening', ok);
    server.listen(port, host);
  });
}

/** Serves `app` at `host`, on `port` or the next free one (0: any); null when none of them is free. */
export async function serve(app: Omit<App, 'hosts'>, host: string, port: number, log: (line: string) => void): Promise<Running | null> {
  let hosts: Set<string> = new Set();
  const cache = new Map<string, Reply>();
  const server = createServer((req, res) => {
    const length = req.headers['content-length'];
    const body = { type: req.headers['content-type'] ?? '', length: length === undefined ? null : Number(length), stream: req };
    answer({ ...app, hosts, cache }, { method: req.method ?? 'GET', url: req.url ?? '/', host: req.headers.host, origin: req.headers.origin, body })
      .then(async (r) => {
        if (typeof r.body === 'string' || Buffer.isBuffer(r.body)) {
          res.writeHead(r.status, { ...r.headers, 'Content-Length': Buffer.byteLength(r.body) });
          res.end(req.method === 'HEAD' ? undefined : r.body);
          return;
        }
        // Sent as it is made; read to its end even if the browser has gone (an import finishes, then lets go of its lock).
        res.writeHead(r.status, r.headers);
        for await (const part of r.body) if (!res.destroyed) res.write(part);
        res.end();
      })
      .catch((e: Error) => {
        log(e.message);
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end();
      });
  });
  for (let p = port; p <= (port === 0 ? 0 : port + TRIES) && p <= 65535; p++) {
    const got = await listen(server, host, p);
    if (got === null) continue;
    hosts = hostsOf(host, got);
    const shown = host.includes(':') ? `[${host}]` : host;
    return {
      url: `http://${shown}:${got}/`,
      port: got,
      close: () =>
        new Promise((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    };
  }
  return null;
}
