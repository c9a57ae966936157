/**
 * Rule 9: hosted numbers (华盟托管号码, 企享云办税小号). The provider receives the SMS sent to the
 * numbers it hosts and hands the latest code to its customers, so an automatic login can finish
 * without a person. A number set not to deliver plays an SMS that never arrives.
 */
import type { HostedProvider } from '../model';
import type { EtaxStore } from '../store';

export function hostNumber(store: EtaxStore, phone: string, provider: HostedProvider, deliver = true): void {
  store.data.hostedNumbers[phone] = { phone, provider, deliver };
}

/** null: the number is not hosted by this provider; `latest: null`: nothing received yet. */
export function latestHostedSms(store: EtaxStore, provider: HostedProvider, phone: string) {
  const hosted = store.data.hostedNumbers[phone];
  if (!hosted || hosted.provider !== provider) return null;
  const sms = hosted.deliver ? store.data.sms.filter((s) => s.phone === phone).at(-1) : undefined;
  if (!sms) return { latest: null };
  // Providers parse the code out of the text they received, as the real ones do.
  const code = /验证码为(\d{6})/.exec(sms.text)?.[1] ?? null;
  return { latest: { code, content: sms.text, receivedAt: new Date(sms.sentAt).toISOString() } };
}
