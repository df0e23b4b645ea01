import { readFileSync } from "node:fs";
import path from "node:path";
import { signBody } from "../importers/pagerduty/webhooks/verify-signature";
import { emptyE2eDatabase, queryRows } from "./fixtures/database";
import { expect, test } from "./fixtures/test";

const SIGNED = path.resolve(
  import.meta.dirname,
  "../../shared/fixtures/pagerduty/webhooks-v3/signed",
);
const SECRET = "e2e-signing-secret-Wx7q";

test("an admin pastes the webhook secret, PagerDuty posts, and the delivery log shows each verdict", async ({
  page,
  request,
  baseURL,
}) => {
  await emptyE2eDatabase();
  await page.goto("/data");
  await expect(page.getByLabel("Webhook URL")).toHaveValue(`${baseURL}/api/webhooks/pagerduty`);
  await expect(
    page.getByText(
      "No deliveries yet. Once PagerDuty sends an event, it appears here within seconds.",
    ),
  ).toBeVisible();

  await page.getByLabel("Signing secret", { exact: true }).fill(SECRET);
  await page.getByRole("button", { name: "Save secret" }).click();
  const secrets = page.getByRole("table", { name: "Signing secrets" });
  await expect(secrets.getByRole("cell", { name: "…Wx7q", exact: true })).toBeVisible();

  // PagerDuty's three lifecycle events of incident #37, resolve first, then one forged request.
  const post = (name: string, signature?: string) => {
    const body = readFileSync(path.join(SIGNED, name));
    return request.post("/api/webhooks/pagerduty", {
      headers: {
        "content-type": "application/json",
        "x-pagerduty-signature": signature ?? signBody(body, [SECRET]),
      },
      data: body,
    });
  };
  for (const name of [
    "incident.resolved.json",
    "incident.triggered.json",
    "incident.acknowledged.json",
  ]) {
    expect((await post(name)).status()).toBe(202);
  }
  expect(
    (await post("incident.annotated.json", signBody("other", ["someone-else"]))).status(),
  ).toBe(401);

  const log = page.getByRole("table", { name: "Webhook deliveries, newest first" });
  // The log polls every 5 s: the applied deliveries appear without a reload.
  await expect(log.getByRole("row")).toHaveCount(5, { timeout: 15_000 });
  const acknowledged = log.getByRole("row").filter({ hasText: "incident.acknowledged" });
  await expect(acknowledged).toContainText("applied", { timeout: 15_000 });
  await expect(acknowledged).toContainText("#37");
  // Whenever it is applied, it is what sets the first acknowledgement.
  await expect(acknowledged).toContainText("acknowledged at: — →");
  const refused = log.getByRole("row").filter({ hasText: "401" });
  await expect(refused).toContainText("rejected");
  await expect(refused).toContainText("the signature matches none of the 1 active secret");

  const [incident] = await queryRows<{ status: string; acknowledged: string; resolved: string }>(
    `SELECT status::text, to_char(acknowledged_at AT TIME ZONE 'UTC', 'HH24:MI:SS.MS') AS acknowledged,
       to_char(resolved_at AT TIME ZONE 'UTC', 'HH24:MI:SS.MS') AS resolved
     FROM incidents WHERE pagerduty_id = 'Q2CKYRLH85UNN4'`,
  );
  expect(incident).toEqual({
    status: "resolved",
    acknowledged: "03:47:13.546",
    resolved: "03:49:36.358",
  });

  await page.screenshot({ path: "test-results/screens/data-webhooks-desktop.png", fullPage: true });

  await page.getByLabel("Verdict").selectOption("rejected");
  await expect(page).toHaveURL(/[?&]verdict=rejected/);
  await expect(log.getByRole("row")).toHaveCount(2);
  await page.reload();
  await expect(page.getByLabel("Verdict")).toHaveValue("rejected");
  await expect(log.getByRole("row")).toHaveCount(2);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByLabel("Verdict").selectOption("");
  await expect(log.getByRole("row")).toHaveCount(5);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
  await page.screenshot({ path: "test-results/screens/data-webhooks-phone.png", fullPage: true });
});
