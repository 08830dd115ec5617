/**
 * Fault-test support: an HTTP proxy on loopback in front of the server that can "lose" replies.
 * `dropNext(match)` makes the next matching request reach the server (which stores it) and then
 * resets the client's connection instead of passing the answer back — the server dying between
 * its commit and its reply, which a SIGKILL can rarely be timed to hit.
 */
import { createServer, request as forward, type Server } from 'node:http';

export class DropReplyProxy {
  private drop: ((method: string, path: string) => boolean) | undefined;
  dropped = 0;
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(target: () => string): Promise<DropReplyProxy> {
    const holder: { self?: DropReplyProxy } = {};
    const server = createServer((req, res) => {
      const self = holder.self;
      const up = new URL(req.url ?? '/', target());
      const lose = self!.drop?.(req.method ?? 'GET', up.pathname) ?? false;
      if (lose) self!.drop = undefined;
      const out = forward(up, { method: req.method, headers: req.headers }, (answer) => {
        if (lose) {
          self!.dropped += 1;
          answer.resume();
          answer.on('end', () => res.socket?.destroy()); // stored upstream; the client never hears of it
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      out.on('error', () => res.socket?.destroy()); // upstream dead: the client sees a reset, as without the proxy
      req.pipe(out);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    holder.self = new DropReplyProxy(server, `http://127.0.0.1:${port}`);
    return holder.self;
  }

  dropNext(match: (method: string, path: string) => boolean): void {
    this.drop = match;
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}
