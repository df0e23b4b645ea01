/** Fairshift cannot start (database, port, build), with the fix a person can apply. */
export class StartupError extends Error {
  constructor(
    readonly problem: string,
    readonly remedy: string,
  ) {
    super(`${problem}\n${remedy}`);
    this.name = "StartupError";
  }
}
