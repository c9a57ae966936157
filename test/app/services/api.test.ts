import {
  ApiClient,
  ApiError,
  NETWORK_ERROR_MESSAGE,
  type HttpRequest,
  type HttpResponse,
} from '../../../src/services/api';

function clientWith(answers: HttpResponse[], options: { token?: string | null; signIn?: () => Promise<void> } = {}) {
  const requests: HttpRequest[] = [];
  let token = options.token === undefined ? 'token-1' : options.token;
  const onUnauthorized = jest.fn(
    options.signIn ??
      (async () => {
        token = `token-${requests.length + 1}`;
      }),
  );
  const client = new ApiClient({
    origin: 'http://api.test',
    transport: async (request) => {
      requests.push(request);
      const answer = answers.shift();
      if (!answer) throw new Error('request:fail');
      return answer;
    },
    getToken: () => token,
    onUnauthorized,
  });
  return { client, requests, onUnauthorized };
}

describe('#api.client', () => {
  it('should call the app API under /api/v1 with the Bearer token', async () => {
    const { client, requests } = clientWith([{ statusCode: 200, data: { tenants: [] } }]);

    await expect(client.myTenants()).resolves.toEqual({ tenants: [] });

    expect(requests[0]).toMatchObject({
      method: 'GET',
      url: 'http://api.test/api/v1/me/tenants',
      header: { Authorization: 'Bearer token-1' },
    });
  });

  it('should send a JSON body on writes, an empty object when the call has none', async () => {
    const { client, requests } = clientWith([
      { statusCode: 201, data: { id: 't1', name: 'T', enterprises: [] } },
      { statusCode: 204, data: null },
    ]);

    await client.joinTenant({ activationCode: 'ABC' });
    await client.leaveTenant('t/1');

    expect(requests[0]).toMatchObject({ method: 'POST', data: { activationCode: 'ABC' } });
    expect(requests[0].header['Content-Type']).toBe('application/json');
    expect(requests[1]).toMatchObject({ method: 'DELETE', url: 'http://api.test/api/v1/me/tenants/t%2F1', data: {} });
  });

  it('should turn an error answer into an ApiError with the server’s code, message and wait', async () => {
    const { client } = clientWith([
      {
        statusCode: 429,
        data: { error: { code: 'too_many_attempts', message: '尝试次数过多', retryAfterSeconds: 540 } },
      },
    ]);

    const error = await client.joinTenant({ activationCode: 'X' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 429,
      code: 'too_many_attempts',
      message: '尝试次数过多',
      retryAfterSeconds: 540,
    });
  });

  it('should give a generic message when the error body is not ours', async () => {
    const { client } = clientWith([{ statusCode: 502, data: '<html>Bad Gateway</html>' }]);

    await expect(client.myTenants()).rejects.toMatchObject({ status: 502, code: 'bad_response' });
  });

  it('should report a network failure as status 0 with a message for the screen', async () => {
    const { client } = clientWith([]);

    await expect(client.myTenants()).rejects.toMatchObject({
      status: 0,
      code: 'network_error',
      message: NETWORK_ERROR_MESSAGE,
    });
  });

  it('should sign in again once on 401 and retry the call with the new token', async () => {
    const { client, requests, onUnauthorized } = clientWith([
      { statusCode: 401, data: { error: { code: 'unauthorized', message: '登录已失效' } } },
      { statusCode: 200, data: { tenants: [] } },
    ]);

    await expect(client.myTenants()).resolves.toEqual({ tenants: [] });

    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(requests.map((r) => r.header.Authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('should give up after one re-sign-in when the server still says 401', async () => {
    const unauthorized = { statusCode: 401, data: { error: { code: 'unauthorized', message: '登录已失效' } } };
    const { client, onUnauthorized } = clientWith([unauthorized, unauthorized, unauthorized]);

    await expect(client.myTenants()).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('should sign in first when there is no token yet', async () => {
    const { client, requests, onUnauthorized } = clientWith([{ statusCode: 200, data: { tenants: [] } }], {
      token: null,
    });

    await client.myTenants();

    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(requests).toHaveLength(1);
    expect(requests[0].header.Authorization).toMatch(/^Bearer token-/);
  });

  it('should not send a token to the sign-in and sandbox endpoints', async () => {
    const { client, requests } = clientWith([
      { statusCode: 200, data: { code: 'c1' } },
      { statusCode: 200, data: { token: 't', expiresAt: '2099-01-01T00:00:00Z', user: { id: 'u' } } },
    ]);

    await expect(client.sandboxLoginCode('alice')).resolves.toBe('c1');
    await client.login('c1');

    expect(requests[0]).toMatchObject({ url: 'http://api.test/sandbox/wechat/control/code', data: { user: 'alice' } });
    expect(requests[1]).toMatchObject({ url: 'http://api.test/api/v1/auth/login', data: { code: 'c1' } });
    expect(requests.every((r) => r.header.Authorization === undefined)).toBe(true);
  });
});
