import {
  Body,
  ConflictException,
  Controller,
  forwardRef,
  Get,
  HttpCode,
  Module,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Sse,
  type DynamicModule,
} from '@nestjs/common';
import { PublicEndpoint, Roles, Scope, Scoped } from '@vl/auth';
import { EMPTY } from 'rxjs';
import { z } from 'zod';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { readControllerSources } from './controller-sources';
import { controllersOf } from './controller-routes';
import { generateOpenApi, type JsonObject } from './openapi-document';

type Node = { readonly [key: string]: unknown };

const itemParams = z.strictObject({
  listId: z.uuid({ error: 'expected a UUID' }),
  itemId: z.string().regex(/^[0-9]{1,6}$/, 'expected an item number'),
});
const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(10),
  after: z.string().optional(),
});
const renameBody = z.strictObject({ name: z.string().min(1).max(40) });

function readCsv(request: unknown): unknown {
  return request;
}

function refuseClash(name: string): string {
  if (name === 'taken') throw new ConflictException('the name is taken');
  return name;
}

/** Lists of items, for the generator's tests. */
@Controller('lists/:listId')
class ListsController {
  /** Reads one item. The rest of the comment explains more. */
  @Get('items/:itemId')
  @Roles('auditor', 'ministry:*')
  @Scoped(Scope.precinct('params.itemId', 'params.listId'))
  item(@Param(new ZodValidationPipe(itemParams)) params: z.infer<typeof itemParams>) {
    if (params.itemId === '0') throw new NotFoundException('no item 0');
    return params;
  }

  /** Pages through the items; the page size has a default. */
  @Get('items')
  @Roles('auditor')
  page(
    @Param('listId', new ParseUUIDPipe()) listId: string,
    @Query(new ZodValidationPipe(pageQuery)) query: z.infer<typeof pageQuery>,
  ) {
    return { listId, ...query };
  }

  /** Renames the list. */
  @Post('rename')
  @HttpCode(200)
  @Roles('cec-operator')
  rename(@Body(new ZodValidationPipe(renameBody)) body: z.infer<typeof renameBody>) {
    return { name: refuseClash(body.name) };
  }

  /** Uploads items as CSV. */
  @Post('upload')
  @Roles('cec-operator')
  upload(@Req() request: unknown) {
    return readCsv(request);
  }

  @Sse('changes')
  @Roles('auditor')
  changes() {
    return EMPTY;
  }

  @Get('version')
  @PublicEndpoint('build information only')
  version() {
    return { version: 1 };
  }

  @Get('forgotten')
  forgotten() {
    return {};
  }
}

@Controller('other')
class OtherController {
  @Get()
  @Roles('auditor')
  list() {
    return [];
  }
}

@Module({ controllers: [OtherController] })
class OtherModule {}

function rootModule(): DynamicModule {
  return {
    module: class RootModule {},
    imports: [forwardRef(() => OtherModule)],
    controllers: [ListsController],
  };
}

function generate(): Node {
  return generateOpenApi(rootModule(), {
    title: 'lists HTTP API',
    version: '1.0.0',
    description: 'Test only.',
    servers: [{ url: 'http://127.0.0.1:1', description: 'test' }],
    sources: readControllerSources([__filename]),
    bodyReaders: {
      readCsv: {
        contentType: 'text/csv',
        description: 'The CSV file.',
        schema: { type: 'string' },
        statuses: [415],
      },
    },
  }) as Node;
}

function at(document: unknown, pointer: string): unknown {
  return pointer
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>(
      (node, segment) => (node as Node | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')],
      document,
    );
}

function refsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refsIn);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => (key === '$ref' ? [String(value)] : refsIn(value)));
}

const op = (path: string, method: string) =>
  at(generate(), `#/paths/${path.replace(/\//g, '~1')}/${method}`) as Node;

describe('OpenAPI generator', () => {
  it('given a module tree with dynamic, static and forward-referenced imports, when walked, then every controller is found once', () => {
    expect(controllersOf(rootModule())).toEqual([ListsController, OtherController]);
  });

  it('given Express paths, when generated, then they are OpenAPI templates sorted, each method under its path', () => {
    const document = generate();

    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths as Node)).toEqual([
      '/lists/{listId}/changes',
      '/lists/{listId}/forgotten',
      '/lists/{listId}/items',
      '/lists/{listId}/items/{itemId}',
      '/lists/{listId}/rename',
      '/lists/{listId}/upload',
      '/lists/{listId}/version',
      '/other',
    ]);
  });

  it('given a zod-validated path, when generated, then each field is a required path parameter with its rules', () => {
    expect(op('/lists/{listId}/items/{itemId}', 'get').parameters).toEqual([
      { name: 'listId', in: 'path', required: true, schema: expect.objectContaining({ format: 'uuid' }) },
      { name: 'itemId', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9]{1,6}$' } },
    ]);
  });

  it('given a single path field with ParseUUIDPipe and a zod query, when generated, then query fields with defaults are optional', () => {
    expect(op('/lists/{listId}/items', 'get').parameters).toEqual([
      { name: 'listId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
      {
        name: 'limit',
        in: 'query',
        required: false,
        schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 },
      },
      { name: 'after', in: 'query', required: false, schema: { type: 'string' } },
    ]);
  });

  it('given a zod-validated body, when generated, then it is the JSON request body and bad input is a 400', () => {
    const rename = op('/lists/{listId}/rename', 'post');

    expect(at(rename, '#/requestBody/content/application~1json/schema')).toEqual({
      type: 'object',
      properties: { name: { type: 'string', minLength: 1, maxLength: 40 } },
      required: ['name'],
      additionalProperties: false,
    });
    expect(Object.keys(rename.responses as Node)).toEqual(['200', '400', '401', '403', '409']);
    expect(at(rename, '#/responses/400')).toEqual({ $ref: '#/components/responses/BadRequest' });
  });

  it('given the 400 answer, when resolved, then it is the platform error shape naming field and rule', () => {
    const document = generate();

    expect(at(document, '#/components/responses/BadRequest/content/application~1json/schema')).toEqual({
      $ref: '#/components/schemas/Error',
    });
    expect(at(document, '#/components/schemas/Error/required')).toEqual([
      'statusCode',
      'error',
      'message',
      'errors',
    ]);
    expect(at(document, '#/components/schemas/Error/properties/errors/items/required')).toEqual([
      'field',
      'rule',
    ]);
    expect(refsIn(document).filter((ref) => at(document, ref) === undefined)).toEqual([]);
  });

  it('given roles on a handler, when generated, then they are the bearer security, x-roles and a sentence of the description', () => {
    const item = op('/lists/{listId}/items/{itemId}', 'get');

    expect(item.security).toEqual([{ bearerAuth: ['auditor', 'ministry:*'] }]);
    expect(item['x-roles']).toEqual(['auditor', 'ministry:*']);
    expect(item.description).toBe(
      'Reads one item. The rest of the comment explains more.\n\nRoles: auditor, ministry:*. Scope: a local ' +
        'token must serve the precinct from params.itemId (election in params.listId).',
    );
    expect(item['x-scope']).toEqual({ kind: 'precinct', from: 'params.itemId', election: 'params.listId' });
    expect(at(generate(), '#/components/securitySchemes/bearerAuth')).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
  });

  it('given a public endpoint, when generated, then it has no security, no 401/403 and says why it is public', () => {
    const version = op('/lists/{listId}/version', 'get');

    expect(version.security).toEqual([]);
    expect(version['x-public']).toBe('build information only');
    expect(version.description).toBe('Public: build information only.');
    expect(Object.keys(version.responses as Node)).toEqual(['200']);
  });

  it('given a handler without roles, when generated, then the document says the guard denies it', () => {
    const forgotten = op('/lists/{listId}/forgotten', 'get');

    expect(forgotten['x-roles']).toEqual([]);
    expect(forgotten.description).toBe('No roles declared: the guard denies every caller.');
  });

  it('given JSDoc comments, when generated, then the first sentence is the summary and the operationId is Class.method', () => {
    const document = generate();
    const page = op('/lists/{listId}/items', 'get');

    expect(page.operationId).toBe('ListsController.page');
    expect(page.summary).toBe('Pages through the items');
    expect(page.tags).toEqual(['Lists']);
    expect(at(document, '#/tags')).toContainEqual({
      name: 'Lists',
      description: "Lists of items, for the generator's tests.",
    });
  });

  it('given exceptions thrown by the handler or a helper of its file, when generated, then their statuses are answers', () => {
    expect(Object.keys(op('/lists/{listId}/items/{itemId}', 'get').responses as Node)).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
    ]);
  });

  it('given a handler that reads its body with a known reader, when generated, then the body is CSV and 415 is an answer', () => {
    const upload = op('/lists/{listId}/upload', 'post');

    expect(upload.requestBody).toEqual({
      required: true,
      description: 'The CSV file.',
      content: { 'text/csv': { schema: { type: 'string' } } },
    });
    expect(Object.keys(upload.responses as Node)).toEqual(['201', '400', '401', '403', '415']);
  });

  it('given a Server-Sent Events handler, when generated, then it is a GET answering text/event-stream', () => {
    const changes = op('/lists/{listId}/changes', 'get');

    expect(Object.keys(at(changes, '#/responses/200/content') as JsonObject)).toEqual(['text/event-stream']);
    expect(changes.parameters).toEqual([
      { name: 'listId', in: 'path', required: true, schema: { type: 'string' } },
    ]);
  });
});
