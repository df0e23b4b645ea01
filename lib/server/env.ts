import path from "node:path";
import { z } from "zod";

/**
 * Every environment variable Fairshift reads, validated once. Mirrored in .env.example.
 * Not 'server-only' on purpose: the CLI and tests read it too; nothing in the browser imports it.
 */
const environmentSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional(),
  TEST_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "TEST_DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  FAIRSHIFT_DATA_DIR: z.string().default(".data"),
  FAIRSHIFT_PG_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  PAGERDUTY_TOKEN: z.string().optional(),
  PAGERDUTY_API_URL: z.string().url().default("https://api.pagerduty.com"),
  PAGERDUTY_WEBHOOK_SECRETS: z.string().optional(),
  FAIRSHIFT_AUTH_SECRET: z
    .string()
    .min(32, "FAIRSHIFT_AUTH_SECRET must be at least 32 characters (try `openssl rand -hex 32`)")
    .optional(),
  FAIRSHIFT_BASE_URL: z
    .string()
    .url("FAIRSHIFT_BASE_URL must be a URL like https://fairshift.example.com")
    .optional(),
  FAIRSHIFT_OIDC_ISSUER: z
    .string()
    .url("FAIRSHIFT_OIDC_ISSUER must be the provider's issuer URL")
    .optional(),
  FAIRSHIFT_OIDC_CLIENT_ID: z.string().optional(),
  FAIRSHIFT_OIDC_CLIENT_SECRET: z.string().optional(),
  FAIRSHIFT_OIDC_NAME: z.string().default("single sign-on"),
});

export type Environment = z.infer<typeof environmentSchema>;

const VARIABLES = Object.keys(environmentSchema.shape) as (keyof Environment)[];

// The last parse, by the values it was parsed from: a request path (the webhook receiver) reads
// the environment per request, and enumerating process.env and parsing it cost more than the
// rest of verifying a delivery. A changed value (tests set variables) parses again.
let lastRead: { values: string; environment: Environment } | null = null;

export function readEnvironment(
  source: Record<string, string | undefined> = process.env,
): Environment {
  // Treat empty strings as unset: `DATABASE_URL= npm start` should mean "no database URL".
  const cleaned: Record<string, string> = {};
  for (const name of VARIABLES) {
    const value = source[name];
    if (value !== undefined && value !== "") cleaned[name] = value;
  }
  const values = JSON.stringify(cleaned);
  if (lastRead?.values === values) return lastRead.environment;
  const parsed = environmentSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join(".")}: ${issue.message}`)
      .join("\n");
    throw new Error(`Invalid environment:\n${problems}\nSee .env.example for every variable.`);
  }
  lastRead = { values, environment: parsed.data };
  return parsed.data;
}

export function dataDirectory(environment: Environment = readEnvironment()): string {
  return path.resolve(environment.FAIRSHIFT_DATA_DIR);
}
