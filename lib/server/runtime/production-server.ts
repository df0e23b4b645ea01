/**
 * The production server `fairshift start` runs (`node --import tsx lib/server/runtime/production-server.ts
 * --port N`): Next's own request handler for the dashboard and the API, with one exception.
 * PagerDuty's webhook POSTs are answered on Node's request directly (serve-webhook-http.ts): on
 * two cores Next's pipeline alone caps any route near 400 requests/s, below the 500 deliveries/s
 * a busy account can send. The Next route stays for `next dev` and behaves the same.
 */
import http from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { createPrismaClient } from "@/lib/server/database/prisma-client";
import { readEnvironment } from "@/lib/server/env";
import { matchWebhookRequest, serveWebhookHttp } from "@/lib/server/webhooks/serve-webhook-http";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: "string" } } });
  const { DATABASE_URL, PORT } = readEnvironment();
  const port = values.port ? Number(values.port) : PORT;
  if (!DATABASE_URL) throw new Error("DATABASE_URL is not set: start Fairshift with `npm start`.");

  const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
  await app.prepare();
  const handleNext = app.getRequestHandler();
  // Its own pool: Next's bundle keeps its Prisma client (and its error classes) to itself.
  const webhookDb = createPrismaClient(DATABASE_URL);

  const server = http.createServer((request, response) => {
    const webhook = matchWebhookRequest(request.method, request.url);
    const handled = webhook
      ? serveWebhookHttp(webhookDb, request, response, webhook.subscription)
      : handleNext(request, response);
    handled.catch((error: unknown) => {
      console.error(`${request.method} ${request.url} failed`, error);
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  console.log(`Fairshift's server is listening on port ${port}.`);

  const stop = async () => {
    server.close();
    server.closeIdleConnections();
    await Promise.allSettled([app.close(), webhookDb.$disconnect()]);
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
