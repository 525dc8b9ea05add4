import { Body, Controller, Get, Injectable, Param, Post, type INestApplication } from '@nestjs/common';
import type { Request } from 'express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { CurrentPrincipal, PublicEndpoint, Roles, type Principal } from './access-rules';
import { AuthModule } from './auth.module';
import { listEndpointAccess } from './endpoint-audit';
import { PollingDayEnds } from './polling-day-ends';
import { Scope, Scoped, type PrecinctLookup } from './scoped';
import { precinctsScope, type TokenScope } from './scopes';
import { generateSigningKey, mintToken, type SigningKey } from './token-minter';

const ELECTION = '0190a7e4-0000-7000-8000-000000000001';

@Injectable()
class CheckInPrecinct implements PrecinctLookup {
  async precinctOf(request: Request) {
    return request.params['personalNumber'] === '12345678901234' ? '1101-011' : undefined;
  }
}

@Injectable()
class FixedPollingDayEnds extends PollingDayEnds {
  async endOf(electionId: string) {
    return electionId === ELECTION ? Date.now() + 10 * 3600_000 : undefined;
  }
}

@Controller('probe')
class ProbeController {
  @Get('operators')
  @Roles('cec-operator')
  @Scoped(Scope.national())
  operators(@CurrentPrincipal() principal: Principal) {
    return { subject: principal.subject };
  }

  @Get('ministries')
  @Roles('ministry:*')
  @Scoped(Scope.unscoped('probe'))
  ministries() {
    return { ok: true };
  }

  @Get('open')
  @PublicEndpoint('liveness probe')
  open() {
    return { ok: true };
  }

  @Get('forgotten')
  forgotten() {
    return { leaked: true };
  }

  @Get('unscoped')
  @Roles('cec-operator')
  unscoped() {
    return { leaked: true };
  }

  @Post('elections/:electionId/check-ins')
  @Roles('poll-worker', 'auditor')
  @Scoped(Scope.precinct('body.precinctId'))
  checkIn(@Body() body: unknown) {
    return body;
  }

  @Post('elections/:electionId/batch')
  @Roles('poll-worker')
  @Scoped(Scope.precinct('body.checkIns[].precinctId'))
  batch() {
    return { ok: true };
  }

  @Get('elections/:electionId/precincts/:precinctId')
  @Roles('commission', 'auditor')
  @Scoped(Scope.precinct('params.precinctId'))
  precinct(@Param('precinctId') precinctId: string) {
    return { precinctId };
  }

  @Post('elections/:electionId/check-ins/:personalNumber/revoke')
  @Roles('commission')
  @Scoped(Scope.precinct(CheckInPrecinct))
  revoke() {
    return { revoked: true };
  }
}

const issuer = 'test-issuer';
const audience = 'turnout';

describe('AuthGuard (default deny)', () => {
  let app: INestApplication;
  let key: SigningKey;
  const token = (
    roles: Parameters<typeof mintToken>[1]['roles'],
    overrides: Partial<{ issuer: string; scope: TokenScope; ttlSeconds: number }> = {},
  ) =>
    mintToken(key.privateJwk, {
      subject: 'op-1',
      roles,
      issuer: overrides.issuer ?? issuer,
      audience,
      scope: overrides.scope,
      ttlSeconds: overrides.ttlSeconds,
    });
  const pollWorker = (...precincts: [string, ...string[]]) =>
    token(['poll-worker'], { scope: precinctsScope(ELECTION, ...precincts) });
  const call = (method: 'get' | 'post', path: string, bearer: string, body?: object) =>
    request(app.getHttpServer())[method](path).set('Authorization', `Bearer ${bearer}`).send(body);

  beforeAll(async () => {
    key = await generateSigningKey('test-key');
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ jwks: key.publicJwks, issuer, audience })],
      controllers: [ProbeController],
      providers: [CheckInPrecinct, { provide: PollingDayEnds, useClass: FixedPollingDayEnds }],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });
  afterAll(() => app.close());

  it('given no token, when calling a role endpoint, then 401 names the header', async () => {
    const response = await request(app.getHttpServer()).get('/probe/operators');
    expect(response.status).toBe(401);
    expect(response.body.message).toMatch(/^Authorization: a bearer token is required/);
  });

  it('given a token with the declared role, when calling, then 200 and the principal is known', async () => {
    const response = await request(app.getHttpServer())
      .get('/probe/operators')
      .set('Authorization', `Bearer ${await token(['cec-operator'])}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ subject: 'op-1' });
  });

  it('given a token with another role, when calling, then 403 says which roles are required', async () => {
    const response = await request(app.getHttpServer())
      .get('/probe/operators')
      .set('Authorization', `Bearer ${await pollWorker('1101-011')}`);
    expect(response.status).toBe(403);
    expect(response.body.message).toMatch(
      /requires one of the roles cec-operator; the token carries poll-worker/,
    );
  });

  it('given a ministry token, when calling a ministry:* endpoint, then any ministry is accepted', async () => {
    const response = await request(app.getHttpServer())
      .get('/probe/ministries')
      .set('Authorization', `Bearer ${await token(['ministry:health'])}`);
    expect(response.status).toBe(200);
  });

  it('given a token from another issuer or a forged signature, when calling, then 401', async () => {
    const foreign = await token(['cec-operator'], { issuer: 'someone-else' });
    const forged = `${(await token(['poll-worker'])).split('.').slice(0, 2).join('.')}.${'A'.repeat(86)}`;
    for (const bad of [foreign, forged, 'not-a-jwt']) {
      const response = await request(app.getHttpServer())
        .get('/probe/operators')
        .set('Authorization', `Bearer ${bad}`);
      expect(response.status).toBe(401);
    }
  });

  it('given an endpoint that declares nothing, when called even with a valid token, then it is refused', async () => {
    const response = await request(app.getHttpServer())
      .get('/probe/forgotten')
      .set('Authorization', `Bearer ${await token(['cec-operator'])}`);
    expect(response.status).toBe(500);
    expect(response.body).not.toHaveProperty('leaked');
  });

  it('given a public endpoint, when called without a token, then 200', async () => {
    expect((await request(app.getHttpServer()).get('/probe/open')).status).toBe(200);
  });

  it('given an endpoint with roles but no scope declaration, when called, then it is refused', async () => {
    const response = await call('get', '/probe/unscoped', await token(['cec-operator']));
    expect(response.status).toBe(500);
    expect(response.body).not.toHaveProperty('leaked');
  });

  it('given the application, when audited, then the undeclared endpoints are the ones reported', () => {
    const undeclared = listEndpointAccess(app).filter((e) => (!e.roles || !e.scope) && !e.publicReason);
    expect(undeclared.map((e) => e.endpoint)).toEqual([
      'GET ProbeController.forgotten',
      'GET ProbeController.unscoped',
    ]);
    const revoke = listEndpointAccess(app).find((e) => e.endpoint === 'POST ProbeController.revoke');
    expect(revoke?.scope).toBe('precinct by look-up (CheckInPrecinct)');
  });

  it('given a poll worker of one precinct, when checking in at another, then 403 names the scope', async () => {
    const at = (precinctId: string) => ({ precinctId });
    const path = `/probe/elections/${ELECTION}/check-ins`;
    expect((await call('post', path, await pollWorker('1101-011'), at('1101-011'))).status).toBe(201);
    const refused = await call('post', path, await pollWorker('1101-011'), at('1101-012'));
    expect(refused.status).toBe(403);
    expect(refused.body.errors).toEqual([
      {
        field: 'scope',
        rule: `the token serves precinct 1101-011 of election ${ELECTION}, not precinct 1101-012`,
      },
    ]);
    const otherElection = await call(
      'post',
      '/probe/elections/0190a7e4-0000-7000-8000-000000000009/check-ins',
      await pollWorker('1101-011'),
      at('1101-011'),
    );
    expect([otherElection.status, otherElection.body.errors[0].field]).toEqual([403, 'scope']);
  });

  it('given a batch, when one check-in is of a precinct the token does not serve, then the batch is 403', async () => {
    const path = `/probe/elections/${ELECTION}/batch`;
    const checkIns = [{ precinctId: '1101-011' }, { precinctId: '1101-012' }];
    expect((await call('post', path, await pollWorker('1101-011', '1101-012'), { checkIns })).status).toBe(
      201,
    );
    expect((await call('post', path, await pollWorker('1101-011'), { checkIns })).status).toBe(403);
    // nothing names a precinct: the endpoint's validation answers (here the probe has none)
    expect((await call('post', path, await pollWorker('1101-011'), {})).status).toBe(201);
  });

  it('given a district commission, when reading precincts, then its district is admitted and another is not', async () => {
    const district = await token(['commission'], { scope: { electionId: ELECTION, district: '1101' } });
    expect((await call('get', `/probe/elections/${ELECTION}/precincts/1101-044`, district)).status).toBe(200);
    expect((await call('get', `/probe/elections/${ELECTION}/precincts/1102-001`, district)).status).toBe(403);
  });

  it('given a look-up, when the check-in is of another precinct, then 403; when there is none, the handler answers', async () => {
    const member = await token(['commission'], { scope: precinctsScope(ELECTION, '1101-012') });
    const revoke = (pin: string) =>
      call('post', `/probe/elections/${ELECTION}/check-ins/${pin}/revoke`, member);
    expect((await revoke('12345678901234')).status).toBe(403);
    expect((await revoke('22345678901234')).status).toBe(201);
  });

  it('given a local token, when calling a national operation, then 403 names the scope', async () => {
    const response = await call(
      'get',
      '/probe/operators',
      await token(['cec-operator'], { scope: precinctsScope(ELECTION, '1101-011') }),
    );
    expect(response.status).toBe(403);
    expect(response.body.errors[0]).toMatchObject({ field: 'scope' });
  });

  it('given an auditor, when calling an endpoint that changes something, then 403 even if declared', async () => {
    const response = await call('post', `/probe/elections/${ELECTION}/check-ins`, await token(['auditor']), {
      precinctId: '1101-011',
    });
    expect(response.status).toBe(403);
    expect(response.body.message).toMatch(/auditors only read/);
    expect(
      (await call('get', `/probe/elections/${ELECTION}/precincts/1101-011`, await token(['auditor']))).status,
    ).toBe(200);
  });

  it('given a poll worker token expiring after its polling day, when calling, then 401 names the rule', async () => {
    const late = await token(['poll-worker'], {
      scope: precinctsScope(ELECTION, '1101-011'),
      ttlSeconds: 12 * 3600,
    });
    const response = await call('post', `/probe/elections/${ELECTION}/check-ins`, late, {
      precinctId: '1101-011',
    });
    expect(response.status).toBe(401);
    expect(response.body.errors).toEqual([{ field: 'authorization', rule: 'poll-worker-lifetime' }]);
  });
});
