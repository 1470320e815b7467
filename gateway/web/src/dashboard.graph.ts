/** The dashboard reads the graph as any client does: POST /graphql and POST /export with the token. */

export interface GraphError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

export interface Answer<T> {
  status: number;
  data: T | null;
  errors: GraphError[];
}

/** One named operation: what a panel shows and what its download exports. */
export interface Operation {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
}

const body = (operation: Operation): string =>
  JSON.stringify({
    query: operation.query,
    variables: operation.variables,
    operationName: operation.operationName,
  });

export class Graph {
  constructor(private readonly token: string) {}

  private headers(): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' };
  }

  async run<T>(operation: Operation): Promise<Answer<T>> {
    let res: Response;
    try {
      res = await fetch('/graphql', { method: 'POST', headers: this.headers(), body: body(operation) });
    } catch (err) {
      return { status: 0, data: null, errors: [{ message: `gateway unreachable: ${(err as Error).message}` }] };
    }
    const text = await res.text();
    try {
      const answer = JSON.parse(text) as { data?: T | null; errors?: GraphError[] };
      return { status: res.status, data: answer.data ?? null, errors: answer.errors ?? [] };
    } catch {
      return { status: res.status, data: null, errors: [{ message: `HTTP ${res.status}: ${text.slice(0, 200)}` }] };
    }
  }

  /** The same operation as a file from /export; resolves to the file name, rejects with the graph's refusal. */
  async download(operation: Operation, format: 'xlsx' | 'csv' = 'xlsx'): Promise<string> {
    const res = await fetch(`/export?format=${format}`, {
      method: 'POST',
      headers: this.headers(),
      body: body(operation),
    });
    const type = res.headers.get('content-type') ?? '';
    if (!res.ok || type.startsWith('application/json')) {
      const answer = (await res.json()) as { errors?: GraphError[] };
      throw new Error(answer.errors?.map((e) => e.message).join('; ') ?? `HTTP ${res.status}`);
    }
    const disposition = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '');
    const name = disposition?.[1] ?? `${operation.operationName}.${format}`;
    const url = URL.createObjectURL(await res.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    // The browser has taken the blob once the click is handled; the URL is not needed after that.
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    return name;
  }
}

/** A refusal in the words of the graph, with its code (FORBIDDEN, UNAUTHENTICATED, ...). */
export const describeErrors = (errors: GraphError[]): string =>
  [...new Set(errors.map((e) => (e.extensions?.code ? `${e.extensions.code}: ${e.message}` : e.message)))].join('; ');
