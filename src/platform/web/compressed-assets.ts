import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** A stylesheet or script, compressed once when the server starts, under a name carrying its hash. */
interface CompressedAsset {
  name: string;
  contentType: string;
  hash: string;
  bodies: { br: Buffer; gzip: Buffer; identity: Buffer };
}

export interface AssetFile {
  /** The name under /assets, e.g. app.css. */
  name: string;
  file: string;
  contentType: string;
}

/** A year: the longest lifetime caches honour; the name changes whenever the content does. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** For the unversioned names (bookmarks, old links): a day, as before. */
const SHORT_LIVED = 'public, max-age=86400';

const compressedFiles = new Map<string, CompressedAsset>();

/** Files do not change while the process runs: every app built in it (tests build many) shares one copy. */
function compress({ name, file, contentType }: AssetFile): CompressedAsset {
  const cached = compressedFiles.get(file);
  if (cached) return cached;
  const identity = readFileSync(file);
  const asset: CompressedAsset = {
    name,
    contentType,
    hash: createHash('sha256').update(identity).digest('hex').slice(0, 12),
    bodies: {
      identity,
      br: brotliCompressSync(identity, {
        params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
      }),
      gzip: gzipSync(identity, { level: 9 }),
    },
  };
  compressedFiles.set(file, asset);
  return asset;
}

/** The best encoding the client accepts: brotli, then gzip, else none. */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | 'identity' {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase().split(';'))
      .filter(([, q]) => !/^\s*q\s*=\s*0(\.0*)?\s*$/.test(q ?? ''))
      .map(([coding]) => coding),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}

export interface CompressedAssets {
  /** The versioned URL of each asset, for the layout: /assets/3f2a…/app.css */
  urls: Record<string, string>;
  register(app: FastifyInstance): void;
}

/**
 * Our stylesheet and GOV.UK Frontend's CSS and JS, compressed with brotli and gzip once at start-up
 * (nothing compressed per request), served under a name holding their content hash with a year's
 * immutable caching, so a new release is fetched and an unchanged file never is. Pages are another
 * matter: they are never cached (see server.ts) nor compressed (a compressed page that reflects what
 * was typed beside a CSRF token would invite BREACH).
 */
export function compressedAssets(files: readonly AssetFile[]): CompressedAssets {
  const assets = files.map(compress);
  const send = (asset: CompressedAsset, request: FastifyRequest, reply: FastifyReply, cache: string) => {
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    void reply.header('vary', 'accept-encoding').header('cache-control', cache).type(asset.contentType);
    if (encoding !== 'identity') void reply.header('content-encoding', encoding);
    return reply.send(asset.bodies[encoding]);
  };
  return {
    urls: Object.fromEntries(assets.map((a) => [a.name, `/assets/${a.hash}/${a.name}`])),
    register(app) {
      for (const asset of assets) {
        app.get(`/assets/${asset.name}`, (request, reply) => send(asset, request, reply, SHORT_LIVED));
        app.get<{ Params: { hash: string } }>(`/assets/:hash/${asset.name}`, (request, reply) => {
          // Another release's name is not this file: a 404, never the new content cached for a year.
          if (request.params.hash !== asset.hash) {
            reply.callNotFound();
            return reply;
          }
          return send(asset, request, reply, IMMUTABLE);
        });
      }
    },
  };
}
