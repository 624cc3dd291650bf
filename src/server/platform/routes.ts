// One way to declare a JSON route: its summary, its input schemas, its reply schema and one call to a service.
// The route files then read as a table of the module's API instead of repeating Fastify's option shape.
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchema,
  RouteShorthandOptions,
} from 'fastify';
import { z } from 'zod';
import { itemsOf } from '../../shared/replies.ts';
import { requirePrincipal, sendDownload } from './http.ts';
import type { Principal } from './principal.ts';

type Schema = z.ZodType;
type Infer<S> = S extends Schema ? z.output<S> : undefined;

/** What a route is: its OpenAPI summary, what it takes and what it answers (status 200 unless said). */
export interface RouteSpec<P, Q, B, R extends Schema, O extends Replies = Replies> {
  summary: string;
  params?: P;
  querystring?: Q;
  body?: B;
  /** The success reply's schema (decision 0022: every route declares one). */
  reply: R;
  /** The success status: 201 for a creation, 202 for work started, 204 for nothing sent back. */
  status?: 200 | 201 | 202 | 204;
  /** Other replies the route may give (e.g. 200 and 202 from one route): added beside `status: reply`. */
  otherReplies?: O;
  description?: string;
  /** Fastify's own route options where a route needs them: rate limits, body limits, hooks. */
  options?: Pick<RouteShorthandOptions, 'config' | 'bodyLimit' | 'preHandler' | 'onRequest'>;
}

/** What the handler receives: the validated input and, on first use, the signed-in principal (401 without). */
export interface RouteCall<P, Q, B> {
  readonly principal: Principal;
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
  request: FastifyRequest;
  reply: FastifyReply;
}

type Replies = Partial<Record<number, Schema>>;
/** What a handler may give back: any declared reply, or the reply it sent itself. */
type Answer<R extends Schema, O extends Replies> =
  | z.input<R>
  | { [K in keyof O]: O[K] extends Schema ? z.input<O[K]> : never }[keyof O]
  | FastifyReply;

type Handler<P, Q, B, R extends Schema, O extends Replies> = (
  call: RouteCall<P, Q, B>,
) => Promise<Answer<R, O>> | Answer<R, O> | Nothing<R>;
/** A 204 route's handler may simply end: its work is done and nothing is sent. */
type Nothing<R extends Schema> = undefined extends z.input<R> ? Promise<void> : never;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function callOf<P, Q, B>(request: FastifyRequest, reply: FastifyReply): RouteCall<P, Q, B> {
  return {
    get principal() {
      return requirePrincipal(request);
    },
    params: request.params as Infer<P>,
    query: request.query as Infer<Q>,
    body: request.body as Infer<B>,
    request,
    reply,
  };
}

/** A stored file a route answers with: its type, its bytes and, for a download, the name it is saved under. */
export interface StoredFile {
  contentType: string;
  bytes: Buffer;
  fileName?: string;
}

/** The `:id` of a route about one record: a UUID. */
export const IdParams = z.object({ id: z.uuid() });

/** A service call on the route's input, as the `on.direct` routes make it: deps, principal, then body or query. */
type DirectCall<D, I, A> = (deps: D, principal: Principal, input: I) => A;
type InputOf<Q, B> = B extends Schema ? Infer<B> : Infer<Q>;

/** The input an `on.direct` route hands its service: the body, else the query, else nothing. */
function inputOf<Q, B>(spec: { body?: B; querystring?: Q }, c: RouteCall<undefined, Q, B>): InputOf<Q, B> {
  return (spec.body ? c.body : spec.querystring ? c.query : undefined) as InputOf<Q, B>;
}

/** A service call about one record, as the `on.byId` routes make it: deps, principal, the `:id`, then any body. */
type RecordCall<D, B, A> = (deps: D, principal: Principal, id: string, body: Infer<B>) => A;

/** A list route: the schema of one item instead of the reply's, and GET unless it names its method. */
export interface ListSpec<P, Q, B, I extends Schema>
  extends Omit<RouteSpec<P, Q, B, Schema>, 'reply' | 'otherReplies'> {
  item: I;
  method?: Method;
}

/**
 * The routes of one module under its OpenAPI tags: `on.get(url, spec, call => service(...))`. The handler's
 * result is the reply (sent with `spec.status`); a handler that sends its own reply returns `call.reply`.
 * Given the module's deps, `on.byId.get(url, spec, service.fn)` declares a route about one record: it takes
 * `IdParams` and calls `fn(deps, principal, id, body)` (`on.byId.file`: the record's stored file, from
 * `fn(deps, principal, id)`); `on.direct.get(url, spec, service.fn)` calls
 * `fn(deps, principal, input)` with the route's body, else its query, else nothing.
 */
export function routeTable<D = undefined>(app: FastifyInstance, tags: readonly string[], deps?: D) {
  const add =
    (method: Method) =>
    <
      P extends Schema | undefined,
      Q extends Schema | undefined,
      B extends Schema | undefined,
      R extends Schema,
      O extends Replies = Record<never, Schema>,
    >(
      url: string,
      spec: RouteSpec<P, Q, B, R, O>,
      handler: Handler<P, Q, B, R, O>,
    ): void => {
      const status = spec.status ?? 200;
      const schema: FastifySchema = {
        tags: [...tags],
        summary: spec.summary,
        ...(spec.description ? { description: spec.description } : {}),
        ...(spec.params ? { params: spec.params } : {}),
        ...(spec.querystring ? { querystring: spec.querystring } : {}),
        ...(spec.body ? { body: spec.body } : {}),
        response: { [status]: spec.reply, ...spec.otherReplies },
      };
      // Validation and serialisation come from the app's zod compilers; the types come from the spec above.
      app.route({
        method,
        url,
        ...spec.options,
        schema,
        handler: async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
          reply.code(status);
          const result: unknown = await handler(callOf<P, Q, B>(request, reply));
          if (result === reply) return reply;
          return status === 204 ? reply.send() : result;
        },
      });
    };
  /**
   * `on.list(url, { summary, item }, call => service.listX(...))`: the handler gives the items, the route answers
   * `{ items }` under `itemsOf(item)`, the shape of every list reply.
   */
  const list = <
    P extends Schema | undefined,
    Q extends Schema | undefined,
    B extends Schema | undefined,
    I extends Schema,
  >(
    url: string,
    { item, method, ...spec }: ListSpec<P, Q, B, I>,
    handler: (call: RouteCall<P, Q, B>) => Promise<z.input<I>[]> | z.input<I>[],
  ): void =>
    add(method ?? 'GET')(url, { ...spec, reply: itemsOf(item) }, async (call) => ({
      items: await handler(call),
    }));
  /**
   * `on.file(url, { summary, params }, call => service.getX(...))`: a GET answering with a stored file's own
   * bytes, no JSON reply schema. A file with a name goes as a download under it; one without (a photo, a
   * screenshot, a document shown in the page) may be kept by the browser for an hour.
   */
  const file = <P extends Schema | undefined>(
    url: string,
    spec: { summary: string; params?: P },
    handler: (call: RouteCall<P, undefined, undefined>) => Promise<StoredFile>,
  ): void => {
    app.route({
      method: 'GET',
      url,
      schema: { tags: [...tags], summary: spec.summary, ...(spec.params ? { params: spec.params } : {}) },
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const { contentType, bytes, fileName } = await handler(callOf(request, reply));
        if (fileName !== undefined)
          return sendDownload(reply, { contentType, fileName, body: bytes }, 'default');
        return reply
          .header('content-type', contentType)
          .header('cache-control', 'private, max-age=3600')
          .send(bytes);
      },
    });
  };
  const direct =
    (method: Method) =>
    <
      Q extends Schema | undefined = undefined,
      B extends Schema | undefined = undefined,
      R extends Schema = Schema,
    >(
      url: string,
      spec: Omit<RouteSpec<undefined, Q, B, R>, 'params' | 'otherReplies'>,
      call: DirectCall<D, InputOf<Q, B>, Promise<z.input<R>> | z.input<R> | Nothing<R>>,
    ): void =>
      add(method)(url, spec, (c) => call(deps as D, c.principal, inputOf(spec, c)));
  const byId =
    (method: Method) =>
    <Q extends Schema | undefined, B extends Schema | undefined, R extends Schema>(
      url: string,
      spec: Omit<RouteSpec<undefined, Q, B, R>, 'params' | 'otherReplies'>,
      call: RecordCall<D, B, Promise<z.input<R>> | z.input<R> | Nothing<R>>,
    ): void =>
      add(method)(url, { ...spec, params: IdParams }, (c) =>
        call(deps as D, c.principal, c.params.id, c.body),
      );
  return {
    get: add('GET'),
    post: add('POST'),
    put: add('PUT'),
    patch: add('PATCH'),
    delete: add('DELETE'),
    list,
    file,
    direct: {
      get: direct('GET'),
      post: direct('POST'),
      put: direct('PUT'),
      patch: direct('PATCH'),
      delete: direct('DELETE'),
      list: <
        Q extends Schema | undefined = undefined,
        B extends Schema | undefined = undefined,
        I extends Schema = Schema,
      >(
        url: string,
        spec: Omit<ListSpec<undefined, Q, B, I>, 'params'>,
        call: DirectCall<D, InputOf<Q, B>, Promise<z.input<I>[]> | z.input<I>[]>,
      ): void => list(url, spec, (c) => call(deps as D, c.principal, inputOf(spec, c))),
    },
    byId: {
      get: byId('GET'),
      post: byId('POST'),
      put: byId('PUT'),
      patch: byId('PATCH'),
      delete: byId('DELETE'),
      list: <Q extends Schema | undefined, B extends Schema | undefined, I extends Schema>(
        url: string,
        { item, method, ...spec }: Omit<ListSpec<undefined, Q, B, I>, 'params'>,
        call: RecordCall<D, B, Promise<z.input<I>[]> | z.input<I>[]>,
      ): void =>
        list(url, { ...spec, item, method, params: IdParams }, (c) =>
          call(deps as D, c.principal, c.params.id, c.body),
        ),
      file: (
        url: string,
        spec: { summary: string },
        call: (deps: D, principal: Principal, id: string) => Promise<StoredFile>,
      ): void => file(url, { ...spec, params: IdParams }, (c) => call(deps as D, c.principal, c.params.id)),
    },
  };
}
