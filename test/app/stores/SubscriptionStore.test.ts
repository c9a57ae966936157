import { createTestApp } from '../support/app';
import { installFakeAccounts, TEMPLATES } from '../support/fakeAccounts';

function setup() {
  const app = createTestApp();
  const fake = installFakeAccounts(app.server);
  return { ...app, fake, subscriptions: app.store.subscriptions };
}

describe('#subscriptions.request', () => {
  it('should ask WeChat for our two templates, 登录通知 first', async () => {
    const { subscriptions, platform } = setup();
    await subscriptions.load();

    const outcome = await subscriptions.request();

    expect(platform.subscribeCalls).toEqual([[TEMPLATES.loginNotice, TEMPLATES.accountChange]]);
    expect(outcome).toEqual({
      results: { [TEMPLATES.loginNotice]: 'accept', [TEMPLATES.accountChange]: 'accept' },
      failure: null,
    });
  });

  it('should call the platform at once, before anything is awaited (WeChat wants it inside the tap)', async () => {
    const { subscriptions, platform } = setup();
    await subscriptions.load();

    void subscriptions.request();

    expect(platform.subscribeCalls).toHaveLength(1);
  });

  it('should say what to do when the user turned subscribe messages off (20004)', async () => {
    const { subscriptions, platform } = setup();
    await subscriptions.load();
    platform.answerSubscribe(() => ({ errMsg: 'requestSubscribeMessage:fail main switch is off', errCode: 20004 }));

    const outcome = await subscriptions.request();

    expect(outcome.results).toEqual({});
    expect(outcome.failure).toBe('你已关闭订阅消息，可在小程序设置中打开“接收通知”');
  });
});

describe('#subscriptions.requestMore', () => {
  it('should record what was accepted and show the new count', async () => {
    const { subscriptions, fake } = setup();
    await subscriptions.load();
    expect(subscriptions.loginNoticesLeft).toBe(0);

    await expect(subscriptions.requestMore()).resolves.toBeNull();

    expect(fake.calls.at(-1)?.data).toEqual({
      subscriptions: { [TEMPLATES.loginNotice]: 'accept', [TEMPLATES.accountChange]: 'accept' },
    });
    expect(subscriptions.loginNoticesLeft).toBe(1);
  });

  it('should record nothing when the user rejected', async () => {
    const { subscriptions, platform, fake } = setup();
    await subscriptions.load();
    platform.answerSubscribe((ids) => ({
      errMsg: 'requestSubscribeMessage:ok',
      ...Object.fromEntries(ids.map((id) => [id, 'reject'])),
    }));
    const before = fake.calls.length;

    await expect(subscriptions.requestMore()).resolves.toBe('未开启登录通知');

    expect(fake.calls).toHaveLength(before);
  });
});

describe('#subscriptions.popup', () => {
  it('should show our templates by title and resolve with the answer', async () => {
    const { subscriptions } = setup();
    await subscriptions.load();

    const answer = subscriptions.askInBrowser([TEMPLATES.loginNotice, TEMPLATES.accountChange]);
    expect(subscriptions.popup?.map((t) => t.title)).toEqual(['电子税局登录通知', '电子税局账号变更通知']);
    subscriptions.answerPopup(true);

    await expect(answer).resolves.toBe(true);
    expect(subscriptions.popup).toBeNull();
  });
});
