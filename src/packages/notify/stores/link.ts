import type { FlowState } from '../../../../types/accounts';
import type { QrApp } from '../../../../types/domain';
import type { LoginRequestView, RequestFlowBody } from '../../../../types/requests';
import { ApiError, type LinkApi } from '../../../services/api';
import { StorageKeys, type KeyValueStorage } from '../../../services/storage';
import { FlowStore, type FlowDriver } from '../../../stores';
import { OpenRequest, type RequestSource } from './OpenRequest';

export const LINK_ONLY_MESSAGE = '该链接只能用于本次登录';

const refuse = () => Promise.reject(new ApiError(403, 'forbidden', LINK_ONLY_MESSAGE));

/**
 * The flows of a browser link (F18): the link routes with its token, no sign-in. The link is
 * single-use — its first flow uses it up — so each further flow (the 认证 after the login, a QR
 * instead of the SMS) names the last one this page started.
 */
export class LinkFlowDriver implements FlowDriver {
  private lastFlowId: string | undefined;

  constructor(
    private readonly api: LinkApi,
    private readonly token: string,
    /** Keeps the last flow id, so a reload of the page can go on with the link it used. */
    private readonly storage?: KeyValueStorage,
  ) {
    this.lastFlowId = storage?.get<string>(linkFlowKey(token));
  }

  /** The last flow this page started through the link: it proves this browser used the link. */
  get flowId(): string | undefined {
    return this.lastFlowId;
  }

  async startRequestFlow(_requestId: string, body: RequestFlowBody): Promise<FlowState> {
    const state = await this.api.startLinkFlow(this.token, { ...body, afterFlowId: this.lastFlowId });
    this.lastFlowId = state.flowId;
    this.storage?.set(linkFlowKey(this.token), state.flowId);
    return state;
  }

  // A link opens one request and nothing else.
  startAddAccount = refuse;
  startAccountFlow = refuse;
  startAdminFlow = refuse;

  flow(flowId: string): Promise<FlowState> {
    return this.api.linkFlow(this.token, flowId);
  }

  submitSmsCode(flowId: string, code: string): Promise<FlowState> {
    return this.api.linkSubmitSmsCode(this.token, flowId, code);
  }

  resendSmsCode(flowId: string): Promise<FlowState> {
    return this.api.linkResendSmsCode(this.token, flowId);
  }

  answerRealName(flowId: string, confirm: boolean): Promise<FlowState> {
    return this.api.linkAnswerRealName(this.token, flowId, confirm);
  }

  answerAgreement(flowId: string, sign: boolean): Promise<FlowState> {
    return this.api.linkAnswerAgreement(this.token, flowId, sign);
  }

  refreshQr(flowId: string, app?: QrApp): Promise<FlowState> {
    return this.api.linkRefreshQr(this.token, flowId, app);
  }

  cancelFlow(flowId: string): Promise<void> {
    return this.api.linkCancelFlow(this.token, flowId);
  }
}

/**
 * The request behind a link. Once this page has used the link, others are refused (410), but this
 * page names its flow and keeps reading the request as it stands, also once it ended.
 */
export class LinkRequestSource implements RequestSource {
  constructor(
    private readonly api: LinkApi,
    private readonly token: string,
    private readonly driver: LinkFlowDriver,
  ) {}

  load(): Promise<LoginRequestView> {
    return this.api.linkRequest(this.token, this.driver.flowId);
  }
}

const linkFlowKey = (token: string) => `${StorageKeys.linkFlow}.${token}`;

/** Everything a link page needs: its request, and a flow store driven through the link routes. */
export function openLink(
  api: LinkApi,
  token: string,
  storage?: KeyValueStorage,
): { request: OpenRequest; flow: FlowStore } {
  const driver = new LinkFlowDriver(api, token, storage);
  const flow = new FlowStore({ api: driver });
  const request = new OpenRequest({ source: new LinkRequestSource(api, token, driver), flow });
  return { request, flow };
}
