import { makeAutoObservable, runInAction } from 'mobx';
import type { AdminListResponse, AuditEntry, AuditLogResponse } from '../../../../types/admin';
import { useStores, type RootStore } from '../../../stores';
import { errorMessage } from '../../../stores/errors';

export interface AdminDeps {
  api: {
    admins(enterpriseId: string): Promise<AdminListResponse>;
    stepDown(enterpriseId: string): Promise<void>;
    auditLog(enterpriseId: string): Promise<AuditLogResponse>;
  };
}

/**
 * F10 数电配置管理员: the admins of each enterprise as the current user sees them (masked, 本人 for me),
 * stepping down, and the audit log, which only admins get. 申请绑定 itself is a bureau flow (FlowStore).
 */
export class AdminStore {
  /** The admins per enterprise id. */
  lists: Record<string, AdminListResponse> = {};
  listErrors: Record<string, string | null> = {};
  /** The audit log per enterprise id; absent while I am not an admin of it. */
  auditLogs: Record<string, AuditEntry[]> = {};
  auditErrors: Record<string, string | null> = {};
  /** The enterprise I am stepping down from, while the call runs. */
  steppingDownId: string | null = null;

  constructor(private readonly deps: AdminDeps) {
    makeAutoObservable<AdminStore, 'deps'>(this, { deps: false });
  }

  list(enterpriseId: string): AdminListResponse | undefined {
    return this.lists[enterpriseId];
  }

  isAdmin(enterpriseId: string): boolean {
    return this.lists[enterpriseId]?.isAdmin ?? false;
  }

  /** Fetches the admins, and the audit log when I am one of them; what is on screen stays if it fails. */
  async load(enterpriseId: string): Promise<void> {
    let list: AdminListResponse;
    try {
      list = await this.deps.api.admins(enterpriseId);
    } catch (error) {
      runInAction(() => {
        this.listErrors[enterpriseId] = errorMessage(error, '加载失败，请下拉刷新重试');
      });
      return;
    }
    runInAction(() => {
      this.lists[enterpriseId] = list;
      this.listErrors[enterpriseId] = null;
      if (!list.isAdmin) delete this.auditLogs[enterpriseId];
    });
    if (list.isAdmin) await this.loadAuditLog(enterpriseId);
  }

  /** 退出管理员. Returns the error to show, or null; the list is fetched again either way. */
  async stepDown(enterpriseId: string): Promise<string | null> {
    if (this.steppingDownId) return null;
    this.steppingDownId = enterpriseId;
    let failure: string | null = null;
    try {
      await this.deps.api.stepDown(enterpriseId);
    } catch (error) {
      failure = errorMessage(error, '退出失败，请稍后重试');
    }
    runInAction(() => {
      this.steppingDownId = null;
    });
    await this.load(enterpriseId);
    return failure;
  }

  private async loadAuditLog(enterpriseId: string): Promise<void> {
    try {
      const { entries } = await this.deps.api.auditLog(enterpriseId);
      runInAction(() => {
        this.auditLogs[enterpriseId] = entries;
        this.auditErrors[enterpriseId] = null;
      });
    } catch (error) {
      runInAction(() => {
        this.auditErrors[enterpriseId] = errorMessage(error, '操作记录加载失败');
      });
    }
  }
}

/**
 * The admin pages' store, made on first use beside the app's RootStore (RootStore.ownStore): its code
 * ships with this subpackage alone, not in the main package.
 */
export function adminsOf(root: RootStore): AdminStore {
  return root.ownStore(AdminStore, () => new AdminStore({ api: root.api }));
}

export function useAdmins(): AdminStore {
  return adminsOf(useStores());
}
