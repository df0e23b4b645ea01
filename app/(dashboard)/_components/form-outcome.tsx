/** Under a form: what the server refused (an alert) or what the change did (a status line). */
export function FormOutcome({ error, done }: { error: Error | null; done: string | null }) {
  return (
    <>
      {error ? (
        <p className="error" role="alert">
          {error.message}
        </p>
      ) : null}
      {done ? (
        <p className="ledger-form-done" role="status">
          {done}
        </p>
      ) : null}
    </>
  );
}
