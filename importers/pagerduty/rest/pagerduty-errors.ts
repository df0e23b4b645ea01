/**
 * What can go wrong talking to PagerDuty, as errors a person can act on. The CLI prints
 * `message` as is, so each one says what happened and what to do. None carries the token: the
 * client only ever puts paths, statuses and PagerDuty's own error text in them.
 */

/** The common base, so callers can tell PagerDuty's failures from their own bugs. */
export class PagerDutyError extends Error {
  override name = "PagerDutyError";
}

export class PagerDutyAuthError extends PagerDutyError {
  override name = "PagerDutyAuthError";
  readonly status = 401;

  constructor() {
    super(
      "PagerDuty refused the token (401): it is wrong, revoked or expired. Create a read-only API key " +
        "(PagerDuty → Integrations → API Access Keys → Create New API Key, tick “Read-only API Key”) " +
        "and set PAGERDUTY_TOKEN.",
    );
  }
}

export class PagerDutyForbiddenError extends PagerDutyError {
  override name = "PagerDutyForbiddenError";
  readonly status = 403;

  constructor(readonly path: string) {
    super(
      `PagerDuty denied access to ${path} (403): the API key lacks access to it. A user API key sees ` +
        "only what its user may see, and some endpoints need an add-on; use an account-level " +
        "read-only API key, or ask a PagerDuty admin to grant access, then run the sync again.",
    );
  }
}

export class PagerDutyUnreachableError extends PagerDutyError {
  override name = "PagerDutyUnreachableError";

  constructor(
    readonly baseUrl: string,
    readonly causeDescription: string,
    readonly attempts: number,
  ) {
    super(
      `Could not reach PagerDuty at ${baseUrl}: ${causeDescription} (${attempts} attempts). Check ` +
        "the network connection, any proxy or firewall, and the API base URL, then run the sync " +
        "again; it resumes from its last checkpoint.",
    );
  }
}

/** A 4xx other than 401, 403 and 429, with PagerDuty's own explanation. */
export class PagerDutyRequestError extends PagerDutyError {
  override name = "PagerDutyRequestError";

  constructor(
    readonly status: number,
    readonly path: string,
    readonly pagerdutyMessage: string | null,
    readonly pagerdutyErrors: string[],
    readonly pagerdutyCode: number | null,
  ) {
    const details = [pagerdutyMessage, ...pagerdutyErrors].filter((part) => part).join(": ");
    const code = pagerdutyCode === null ? "" : ` (code ${pagerdutyCode})`;
    super(
      `PagerDuty rejected GET ${path} (${status})${details ? `: ${details}` : ""}${code}. ` +
        "Check the sync's since/until; if they look right, this is a Fairshift bug or a change in " +
        "PagerDuty's API: please report it with this message.",
    );
  }
}

/** 5xx (or a body that is not JSON) on every attempt. */
export class PagerDutyServerError extends PagerDutyError {
  override name = "PagerDutyServerError";

  constructor(
    readonly status: number,
    readonly path: string,
    readonly attempts: number,
    problem = `answered HTTP ${status}`,
  ) {
    super(
      `PagerDuty ${problem} for GET ${path} on ${attempts} attempts in a row. It may be having an ` +
        "outage (see status.pagerduty.com); run the sync again later, it resumes from its last checkpoint.",
    );
  }
}

/** 429 on every retry, up to the client's overall cap. */
export class PagerDutyRateLimitError extends PagerDutyError {
  override name = "PagerDutyRateLimitError";
  readonly status = 429;

  constructor(
    readonly path: string,
    readonly retries: number,
  ) {
    super(
      `PagerDuty kept answering 429 Too Many Requests for GET ${path} after ${retries} retries. ` +
        "Another integration is probably using up the same API key's requests per minute; give " +
        "Fairshift its own key, or run the sync again later (it resumes from its last checkpoint).",
    );
  }
}
