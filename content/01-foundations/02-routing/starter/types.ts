export interface Request {
  method: string;
  path: string;
}

export interface Response {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Receives the request and the values of the pattern's {name} segments. */
export type Handler = (request: Request, params: Record<string, string>) => Response;

export interface Route {
  method: string;
  /** e.g. "/users/{id}/posts" */
  pattern: string;
  handler: Handler;
}
