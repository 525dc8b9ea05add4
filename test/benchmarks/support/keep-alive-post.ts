import { Agent, request } from 'node:http';

export type Post = ((
  url: string,
  token: string,
  body: unknown,
) => Promise<{ status: number; body: string }>) & {
  /** closes the kept-alive sockets so that the process can exit */
  readonly close: () => void;
};

/** A JSON POST over at most `connections` keep-alive sockets: the load generator's only HTTP client. */
export function keepAlivePost(connections: number): Post {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const post = (url: string, token: string, body: unknown) => {
    const payload = Buffer.from(JSON.stringify(body));
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const outgoing = request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-length': payload.length,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          response.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  };
  return Object.assign(post, { close: () => agent.destroy() });
}
