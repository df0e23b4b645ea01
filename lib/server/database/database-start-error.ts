/** A database that cannot be started or reached, with the fix a person can apply. */
export class DatabaseStartError extends Error {
  constructor(
    readonly problem: string,
    readonly remedy: string,
  ) {
    super(`${problem}\n${remedy}`);
    this.name = "DatabaseStartError";
  }
}
