// A failure the api answers as itself: its status, and a JSON body the page can show.
// Throw one from anywhere; the error handler sends it as is.
import type { ApiErrorBody, ApiErrorCode } from '../../shared/api-types.ts';

export class ApiFailure extends Error {
  /** Named as Fastify names it, so its own error paths read it too. */
  readonly statusCode: number;
  readonly code: ApiErrorCode;
  /** Sent as Retry-After, when the caller can know when to try again. */
  readonly retryAfterSeconds?: number;
  constructor(status: number, code: ApiErrorCode, message: string, retryAfterSeconds?: number) {
    super(message);
    this.statusCode = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get body(): ApiErrorBody {
    return { error: this.code, message: this.message };
  }
}
