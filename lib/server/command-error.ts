// A use case's refusal, mapped to an HTTP status at the edge (http.ts):
// the caller learns what is wrong and that nothing was changed.
export type CommandErrorCode = "forbidden" | "not_found" | "invalid_request" | "conflict" | "unprocessable" | "too_large";

export class CommandError extends Error {
  constructor(
    readonly code: CommandErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "CommandError";
  }
}
