import { Controller, Get, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { CurrentPrincipal, PublicEndpoint, Roles, type Principal } from './access-rules';
import { AuthModule } from './auth.module';
import { listEndpointAccess } from './endpoint-audit';
import { generateSigningKey, mintToken, type SigningKey } from './token-minter';

@Controller('probe')
class ProbeController {
  @Get('operators')
  @Roles('cec-operator')
  operators(@CurrentPrincipal() principal: Principal) {
    return { subject: principal.subject };
  }

  @Get('ministries')
  @Roles('ministry:*')
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
}

const issuer = 'test-issuer';
const audience = 'voting-ledger';

describe('AuthGuard (default deny)', () => {
  let app: INestApplication;
  let key: SigningKey;
  const token = (
    roles: Parameters<typeof mintToken>[1]['roles'],
    overrides: Partial<{ issuer: string }> = {},
  ) => mintToken(key.privateJwk, { subject: 'op-1', roles, issuer: overrides.issuer ?? issuer, audience });

  beforeAll(async () => {
    key = await generateSigningKey('test-key');
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ jwks: key.publicJwks, issuer, audience })],
      controllers: [ProbeController],
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
      .set('Authorization', `Bearer ${await token(['poll-worker'])}`);
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

  it('given the application, when audited, then the undeclared endpoint is the one reported', () => {
    const undeclared = listEndpointAccess(app).filter((e) => !e.roles && !e.publicReason);
    expect(undeclared.map((e) => e.endpoint)).toEqual(['GET ProbeController.forgotten']);
  });
});
