import { PRIVACY_AGREE_BUTTON_ID } from '../../../src/services/platform';
import { StorageKeys, createMemoryStorage } from '../../../src/services/storage';
import { createTestApp } from '../support/app';

describe('#privacy.consent', () => {
  it('should start without consent and remember it once given', () => {
    const { store, storage } = createTestApp();
    expect(store.privacy.agreed).toBe(false);

    store.privacy.agree(PRIVACY_AGREE_BUTTON_ID);

    expect(store.privacy.agreed).toBe(true);
    expect(createTestApp({ storage }).store.privacy.agreed).toBe(true);
  });

  it('should not consent when the user declines', () => {
    const storage = createMemoryStorage();
    const { store } = createTestApp({ storage });

    store.privacy.decline();

    expect(store.privacy.agreed).toBe(false);
    expect(storage.get(StorageKeys.privacyAgreed)).toBeUndefined();
  });

  it('should show the consent when WeChat asks, and give WeChat the user’s answer', async () => {
    const { store, platform } = createTestApp();
    store.privacy.listen();

    const answer = platform.askPrivacy();
    expect(store.privacy.platformAsking).toBe(true);
    store.privacy.agree(PRIVACY_AGREE_BUTTON_ID);

    await expect(answer).resolves.toEqual({ agreed: true, buttonId: PRIVACY_AGREE_BUTTON_ID });
    expect(store.privacy.platformAsking).toBe(false);
  });

  it('should tell WeChat when the user declines', async () => {
    const { store, platform } = createTestApp();
    store.privacy.listen();

    const answer = platform.askPrivacy();
    store.privacy.decline();

    await expect(answer).resolves.toEqual({ agreed: false });
  });
});
