import type { FlowState } from '../../../../types/accounts';
import type { QrApp } from '../../../../types/domain';
import type { LoginRequestView, RequestFlowBody } from '../../../../types/requests';
import { ApiError, type LinkApi } from '../../../services/api';
import { FlowStore, type FlowDriver } from '../../../stores';
import { LINK_USED, REQUEST_CLOSED, REQUEST_EXPIRED } from '../codes';
import { OpenRequest, type FlowEnd, type RequestSource } from './OpenRequest';

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
  ) {}

  /** This page has used the link. */
  get used(): boolean {
    return this.lastFlowId !== undefined;
  }

  async startRequestFlow(_requestId: string, body: RequestFlowBody): Promise<FlowState> {
    const state = await this.api.startLinkFlow(this.token, { ...body, afterFlowId: this.lastFlowId });
    this.lastFlowId = state.flowId;
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
 * The request behind a link. Once this page has used the link, the server answers 410 to reading
 * it (used, or ended): read after a flow of this page, that answer says how the request stands.
 */
export class LinkRequestSource implements RequestSource {
  private last: LoginRequestView | null = null;

  constructor(
    private readonly api: LinkApi,
    private readonly token: string,
    private readonly driver: LinkFlowDriver,
  ) {}

  async load(after?: FlowEnd): Promise<LoginRequestView> {
    try {
      this.last = await this.api.linkRequest(this.token);
      return this.last;
    } catch (error) {
      const read = this.driver.used && this.last ? afterUse(this.last, error, after) : null;
      if (!read) throw error;
      this.last = read;
      return read;
    }
  }
}

/** The request as a 410 to this page's own link says it stands; null when the answer says nothing of it. */
function afterUse(last: LoginRequestView, error: unknown, after: FlowEnd | undefined): LoginRequestView | null {
  if (!(error instanceof ApiError) || error.status !== 410) return null;
  const ended = { ...last, next: undefined };
  switch (error.code) {
    case LINK_USED:
      // Still pending: after a login, a 认证 request needs its 认证; else the same step again.
      return after === 'done' && last.purpose === 'auth' ? { ...last, next: 'auth' } : last;
    case REQUEST_CLOSED:
      return after === 'done' ? { ...ended, status: 'done' } : { ...ended, status: 'failed', reason: error.message };
    case REQUEST_EXPIRED:
      return { ...ended, status: 'expired', reason: error.message };
  }
  return null;
}

/** Everything a link page needs: its request, and a flow store driven through the link routes. */
export function openLink(api: LinkApi, token: string): { request: OpenRequest; flow: FlowStore } {
  const driver = new LinkFlowDriver(api, token);
  const flow = new FlowStore({ api: driver });
  const request = new OpenRequest({ source: new LinkRequestSource(api, token, driver), flow });
  return { request, flow };
}
