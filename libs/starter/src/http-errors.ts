/** A failure answered as JSON `{ "error": message }` with this status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Thrown by an app's input parser: answered 400 with the message. */
export class InvalidInputError extends HttpError {
  constructor(message: string) {
    super(400, message);
  }
}
