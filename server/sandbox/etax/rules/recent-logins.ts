/**
 * Seed §3.5/§4.4: the bureau keeps each person's recent successful logins and, after a failed face
 * check, offers them to pick from (最多展示 10 条). Newest first, one per enterprise. A person with
 * none has never logged in, which §3.2's 扫脸登录 asks the password for.
 */
import { RECENT_LOGINS_KEPT, type Channel, type Person, type Role } from '../model';
import type { EtaxStore } from '../store';

export function recordRecentLogin(store: EtaxStore, person: Person, taxId: string, role: Role, channel: Channel): void {
  const others = (person.recentLogins ?? []).filter((r) => r.taxId !== taxId);
  person.recentLogins = [{ taxId, role, channel, loggedInAt: store.now() }, ...others].slice(0, RECENT_LOGINS_KEPT);
}

export function isFirstLogin(person: Person): boolean {
  return (person.recentLogins?.length ?? 0) === 0;
}

/** As the bureau shows them: 税号, enterprise name, 身份, channel, time. */
export function recentLoginsView(store: EtaxStore, person: Person) {
  return (person.recentLogins ?? []).map((r) => ({
    taxId: r.taxId,
    enterpriseName: store.data.enterprises[r.taxId]?.name ?? '',
    role: r.role,
    channel: r.channel,
    loggedInAt: new Date(r.loggedInAt).toISOString(),
  }));
}
