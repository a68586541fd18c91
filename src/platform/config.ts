import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Whom to believe about the client's address and protocol (X-Forwarded-For, X-Forwarded-Proto):
 * nobody (false, the default: the server faces browsers directly), every proxy (true), or proxies
 * at the listed addresses/CIDR ranges (the safer choice). Only set it behind a reverse proxy that
 * overwrites those headers, or clients could claim any address (and dodge rate limits). Fastify 5
 * refuses hop counts (they cannot check the nearest peer), so none are accepted here.
 */
export type TrustProxy = boolean | string[];

function isAddressOrRange(value: string): boolean {
  const [address = '', bits, ...rest] = value.split('/');
  if (rest.length > 0 || isIP(address) === 0) return false;
  if (bits === undefined) return true;
  const max = isIP(address) === 4 ? 32 : 128;
  return /^\d+$/.test(bits) && Number(bits) <= max;
}

const trustProxySchema = z
  .string()
  .trim()
  .transform((value, ctx): TrustProxy => {
    const lower = value.toLowerCase();
    if (lower === '' || lower === 'false') return false;
    if (lower === 'true') return true;
    const list = value.split(',').map((part) => part.trim());
    if (list.every(isAddressOrRange)) return list;
    ctx.addIssue({
      code: 'custom',
      message:
        'TRUST_PROXY must be true, false, or a comma-separated list of proxy addresses (CIDR ranges allowed)',
    });
    return z.NEVER;
  });

/** All configuration, read once at start-up from the environment. Nothing else reads process.env. */
const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PUTRIGHT_DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: trustProxySchema.default(false),
  /** Where `putright holidays update` fetches the bank holiday list (gov.uk's JSON format). */
  BANK_HOLIDAYS_URL: z
    .url({ protocol: /^https?$/, error: 'BANK_HOLIDAYS_URL must be an http(s) URL' })
    .default('https://www.gov.uk/bank-holidays.json'),
});

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  trustProxy: TrustProxy;
  bankHolidaysUrl: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    databaseUrl: c.DATABASE_URL,
    dataDir: c.PUTRIGHT_DATA_DIR,
    port: c.PORT,
    host: c.HOST,
    logLevel: c.LOG_LEVEL,
    trustProxy: c.TRUST_PROXY,
    bankHolidaysUrl: c.BANK_HOLIDAYS_URL,
  };
}
