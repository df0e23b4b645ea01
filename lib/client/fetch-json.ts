/** The API's error model, as thrown to React Query: the server's message is meant for the user. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

async function errorOf(response: Response): Promise<ApiRequestError> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string };
  } | null;
  return new ApiRequestError(
    response.status,
    body?.error?.code ?? "internal",
    body?.error?.message ?? `The server answered ${response.status}.`,
  );
}

export async function fetchJson<T>(input: string, init?: RequestInit): Promise<T> {
  const response = await fetch(input, init);
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as T;
}

export async function postJson<T>(input: string, body: unknown): Promise<T> {
  return fetchJson<T>(input, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}
