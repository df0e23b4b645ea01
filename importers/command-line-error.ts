/** A mistake in how a command was called: printed with the usage, exit code 2. */
export class CommandLineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CommandLineError";
  }
}
