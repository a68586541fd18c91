import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

/** The request's first bytes are for the API when they read like "GET /api/…". */
const API_REQUEST_LINE = /^[A-Z]+ \/api(?:[/? ]|$)/;

function statusOf(code: string | undefined): { status: number; detail: string } {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return { status: 431, detail: 'The request headers are too large: send fewer or shorter headers' };
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { status: 408, detail: 'The request took too long to arrive' };
  }
  return { status: 400, detail: 'The request could not be read as HTTP' };
}

/**
 * Answers a request Node could not parse (headers too large, malformed HTTP), before Fastify has a
 * request or a route: problem+json when its request line is for the API, a plain page otherwise.
 * Replaces Fastify's default, which answers everyone in application/json.
 */
export function clientErrorHandler(
  error: Error & { code?: string; rawPacket?: unknown },
  socket: Socket,
): void {
  // A connection reset: there is nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, detail } = statusOf(error.code);
  const reason = STATUS_CODES[status] ?? 'Bad Request';
  const requestLine = Buffer.isBuffer(error.rawPacket)
    ? error.rawPacket.subarray(0, 64).toString('latin1')
    : '';
  const forApi = API_REQUEST_LINE.test(requestLine);
  const [type, body] = forApi
    ? [
        'application/problem+json; charset=utf-8',
        JSON.stringify({
          type: 'https://putright.dev/problems/bad-request',
          title: 'There is a problem with your request',
          status,
          detail,
        }),
      ]
    : [
        'text/html; charset=utf-8',
        `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>There is a problem – PutRight</title></head>` +
          `<body><h1>There is a problem</h1><p>${detail}.</p></body></html>`,
      ];
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${String(status)} ${reason}\r\nContent-Type: ${type}\r\nContent-Length: ${String(Buffer.byteLength(body))}\r\n` +
        `Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
