// Generated from /openapi.json by openapi-typescript (test/server/openapi.test.ts); do not edit.
export interface paths {
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with a wx.login code */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke the current token */
        post: operations["signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/link/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The request a browser link opens (410 once used, expired or ended — unless ?flow= names its flow) */
        get: operations["getLink"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/link/{token}/flows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start the request’s login or 认证 from the link; the link is then used */
        post: operations["startLinkFlow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/link/{token}/flows/{flowId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A link flow’s current step (poll while qr, face or hosted_wait) */
        get: operations["getLinkFlow"];
        put?: never;
        post?: never;
        /** Leave a link flow (取消) */
        delete: operations["cancelLinkFlow"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/link/{token}/flows/{flowId}/sms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The 验证码 */
        post: operations["submitLinkFlowSms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/link/{token}/flows/{flowId}/sms/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 获取验证码 again (429 before resendAt) */
        post: operations["resendLinkFlowSms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/link/{token}/flows/{flowId}/real-name": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 实名 check: 确认 or 取消 */
        post: operations["answerLinkFlowRealName"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/link/{token}/flows/{flowId}/agreement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** User agreement: 确认 signs it */
        post: operations["answerLinkFlowAgreement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/link/{token}/flows/{flowId}/qr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 刷新二维码, optionally for the other app */
        post: operations["refreshLinkFlowQr"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My tenants and their enterprises (个人中心) */
        get: operations["listMyTenants"];
        put?: never;
        /** Join a tenant by its 激活码 */
        post: operations["joinTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/tenants/{tenantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Leave a tenant (解绑) */
        delete: operations["leaveTenant"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enterprises/{enterpriseId}/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 电子税局账号管理: the enterprise’s accounts (F4) */
        get: operations["listEnterpriseAccounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enterprises/{enterpriseId}/bindings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Enterprise 解绑: unbind all my accounts of it (F2) */
        delete: operations["unbindEnterpriseAccounts"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enterprises/{enterpriseId}/accounts/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 新增账号 prefill: the bureau’s 身份 of the typed account in this enterprise (F5) */
        post: operations["lookupAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{accountId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One account, for 编辑 */
        get: operations["getAccount"];
        put?: never;
        post?: never;
        /** 删除 (F11) */
        delete: operations["deleteAccount"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{accountId}/binding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 绑定微信收登录通知 (F6), with the subscribe results of the tap */
        post: operations["bindAccount"];
        /** 解绑 (F6) */
        delete: operations["unbindAccount"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{accountId}/defaults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 设置默认账号 (F8) */
        put: operations["setAccountDefaults"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{accountId}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 解锁 (F14) */
        post: operations["unlockAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Subscribe credits left per template (F20) */
        get: operations["getMySubscriptions"];
        put?: never;
        /** Record a subscribe popup’s results (F20) */
        post: operations["recordSubscriptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/recent-logins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My last ≤ 10 successful logins (F19) */
        get: operations["listRecentLogins"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enterprises/{enterpriseId}/accounts/flows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 新增账号 (F5): starts the bureau login; the account is saved when it succeeds */
        post: operations["startAddAccountFlow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{accountId}/flows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登录 / 认证 (F16, F17) or 更换微信 (F9) of an account */
        post: operations["startAccountFlow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/{flowId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A flow’s current step (poll while qr, face or hosted_wait) */
        get: operations["getFlow"];
        put?: never;
        post?: never;
        /** Leave a flow (取消) */
        delete: operations["cancelFlow"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/{flowId}/sms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The 验证码 */
        post: operations["submitFlowSms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/{flowId}/sms/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 获取验证码 again (429 before resendAt) */
        post: operations["resendFlowSms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/{flowId}/real-name": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 实名 check: 确认 or 取消 */
        post: operations["answerFlowRealName"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/{flowId}/agreement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** User agreement: 确认 signs it */
        post: operations["answerFlowAgreement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flows/{flowId}/qr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 刷新二维码, optionally for the other app */
        post: operations["refreshFlowQr"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/login-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 登录通知: my pending login requests, newest first */
        get: operations["listLoginRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/login-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a login request asks (only for the account’s bound user) */
        get: operations["getLoginRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/login-requests/{id}/flows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start the login (SMS or QR) or 认证 the request needs; continue it with /flows/:flowId */
        post: operations["startLoginRequestFlow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enterprises/{enterpriseId}/admins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 数电配置管理员 of the enterprise (F10) */
        get: operations["listAdmins"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enterprises/{enterpriseId}/admins/flows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 申请绑定 → 提交验证: a bureau login as 法定代表人 or 财务负责人 (F10); continue with /flows */
        post: operations["startAdminFlow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enterprises/{enterpriseId}/admins/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Step down as 数电配置管理员 (F10) */
        delete: operations["stepDownAsAdmin"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enterprises/{enterpriseId}/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What admins did with their rights (F10); admins only */
        get: operations["getAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{accountId}/password-resets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重置税局密码 (F12): 证件类型 + 证件号码 → 下一步 */
        post: operations["startPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{accountId}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 已在税局修改，仅更新发票云 (F13): checked by the bureau, then the related accounts */
        post: operations["syncPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/password-changes/{changeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A password change: poll while hosted code or 更新关联账号 runs */
        get: operations["getPasswordChange"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/password-changes/{changeId}/sms/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 获取验证码 (again after resendAt; 429 before) */
        post: operations["sendPasswordChangeSms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/password-changes/{changeId}/face": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 开始扫脸验证 / 重新验证, where the region offers no SMS (seed §3.6) */
        post: operations["startPasswordChangeFace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/password-changes/{changeId}/sms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 验证码 → 下一步 */
        post: operations["submitPasswordChangeSms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/password-changes/{changeId}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 新密码 + 确认密码 → 确定 */
        post: operations["setNewPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/password-changes/{changeId}/items/{accountId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重试 one related account that failed */
        post: operations["retryPasswordChangeItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/v1/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a tenant; the activation code is shown this once */
        post: operations["createTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/v1/tenants/{tenantId}/enterprises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an enterprise (税号 validated) to a tenant */
        post: operations["createEnterprise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/v1/tax-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A live e-tax session (200), or a login request a person must act on (202) */
        post: operations["askTaxSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/v1/tax-sessions/{requestId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where a login request stands: pending, done, failed or expired (with the reason) */
        get: operations["getTaxSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/v1/tenants/{tenantId}/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant’s webhook URL (the secret is never shown) */
        get: operations["getWebhook"];
        /** Set the URL and HMAC secret told when the tenant’s login requests end */
        put: operations["setWebhook"];
        post?: never;
        /** Stop telling the tenant */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/v1/enterprises/{taxId}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each account's bureau session per channel: live (until), 已掉线 (when, cause), last check */
        get: operations["getEnterpriseSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "tax_session.ended": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A login request of the tenant ended: done, failed or expired
         * @description POSTed as JSON to the URL set with setWebhook. Any answer but 2xx (or none within WEBHOOK_TIMEOUT_MS) is retried with exponential backoff; each attempt is signed afresh.
         */
        post: operations["taxSessionEnded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "session.dropped": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The session watch saw a bureau session end early
         * @description POSTed as JSON to the URL set with setWebhook. Any answer but 2xx (or none within WEBHOOK_TIMEOUT_MS) is retried with exponential backoff; each attempt is signed afresh.
         */
        post: operations["sessionDropped"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "session.expiring": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A 登录 or 认证 of an account ends soon (told once per end)
         * @description POSTed as JSON to the URL set with setWebhook. Any answer but 2xx (or none within WEBHOOK_TIMEOUT_MS) is retried with exponential backoff; each attempt is signed afresh.
         */
        post: operations["sessionExpiring"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        token: string;
                        expiresAt: string;
                        user: {
                            id: string;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    getLink: {
        parameters: {
            query?: {
                flow?: string;
            };
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    startLinkFlow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @default password
                     * @enum {string}
                     */
                    method?: "password" | "qr";
                    /**
                     * @default tax
                     * @enum {string}
                     */
                    qrApp?: "tax" | "iit";
                    /** Format: uuid */
                    afterFlowId?: string;
                };
            };
        };
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    getLinkFlow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
                flowId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    cancelLinkFlow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
                flowId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    submitLinkFlowSms: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
                flowId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    resendLinkFlowSms: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
                flowId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    answerLinkFlowRealName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
                flowId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    confirm: boolean;
                };
            };
        };
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    answerLinkFlowAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
                flowId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sign: boolean;
                };
            };
        };
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    refreshLinkFlowQr: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
                flowId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    app?: "tax" | "iit";
                };
            };
        };
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    listMyTenants: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    joinTenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    activationCode: string;
                };
            };
        };
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    leaveTenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    listEnterpriseAccounts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                enterpriseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    unbindEnterpriseAccounts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                enterpriseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    lookupAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                enterpriseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    account: string;
                };
            };
        };
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    getAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    deleteAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    bindAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default {} */
                    subscriptions?: {
                        [key: string]: "accept" | "reject" | "ban" | "filter";
                    };
                };
            };
        };
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    unbindAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    setAccountDefaults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    channels: ("issue" | "receive")[];
                };
            };
        };
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    unlockAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    getMySubscriptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    recordSubscriptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default {} */
                    subscriptions?: {
                        [key: string]: "accept" | "reject" | "ban" | "filter";
                    };
                };
            };
        };
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    listRecentLogins: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    startAddAccountFlow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                enterpriseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    business: "issue" | "receive";
                    account: string;
                    password: string;
                    /** @enum {string} */
                    role: "法定代表人" | "财务负责人" | "管理员" | "办税员" | "开票员" | "领票人";
                    /** @enum {string} */
                    loginType: "manual" | "huameng" | "qixiangyun";
                    /**
                     * @default password
                     * @enum {string}
                     */
                    method?: "password" | "qr";
                    /**
                     * @default tax
                     * @enum {string}
                     */
                    qrApp?: "tax" | "iit";
                };
            };
        };
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    startAccountFlow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    purpose: "login" | "auth" | "change_wechat";
                    /** @enum {string} */
                    channel?: "issue" | "receive";
                    /**
                     * @default password
                     * @enum {string}
                     */
                    method?: "password" | "qr";
                    /**
                     * @default tax
                     * @enum {string}
                     */
                    qrApp?: "tax" | "iit";
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    getFlow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flowId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    cancelFlow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flowId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    submitFlowSms: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flowId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    resendFlowSms: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flowId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    answerFlowRealName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flowId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    confirm: boolean;
                };
            };
        };
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    answerFlowAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flowId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sign: boolean;
                };
            };
        };
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    refreshFlowQr: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flowId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    app?: "tax" | "iit";
                };
            };
        };
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    listLoginRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    getLoginRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    startLoginRequestFlow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @default password
                     * @enum {string}
                     */
                    method?: "password" | "qr";
                    /**
                     * @default tax
                     * @enum {string}
                     */
                    qrApp?: "tax" | "iit";
                    /** Format: uuid */
                    afterFlowId?: string;
                };
            };
        };
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    listAdmins: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                enterpriseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    startAdminFlow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                enterpriseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    account: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    stepDownAsAdmin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                enterpriseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    getAuditLog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                enterpriseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    startPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    idType: "居民身份证" | "中国护照" | "港澳居民来往内地通行证" | "台湾居民来往大陆通行证" | "外国护照";
                    idNumber: string;
                };
            };
        };
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    syncPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                };
            };
        };
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    getPasswordChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    sendPasswordChangeSms: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    startPasswordChangeFace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    submitPasswordChangeSms: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    setNewPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    newPassword: string;
                    confirmPassword: string;
                };
            };
        };
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    retryPasswordChangeItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                changeId: string;
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    createTenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        activationCode: string;
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    createEnterprise: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    taxId: string;
                    region: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        taxId: string;
                        region: string;
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    askTaxSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    taxId: string;
                    /** @enum {string} */
                    channel: "issue" | "receive";
                    /** @enum {string} */
                    purpose: "login" | "auth";
                    account?: string;
                    /** Format: uuid */
                    tenantId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ready";
                        account: string;
                        expiresAt: string;
                    };
                };
            };
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "pending";
                        requestId: string;
                        message: string;
                        loginUrl?: string;
                        expiresAt: string;
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    getTaxSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                requestId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        requestId: string;
                        /** @enum {string} */
                        status: "pending" | "done" | "failed" | "expired";
                        reason?: string;
                        expiresAt: string;
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tenantId: string;
                        url: string;
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    setWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uri */
                    url: string;
                    secret: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tenantId: string;
                        url: string;
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook is removed (or there was none). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    getEnterpriseSessions: {
        parameters: {
            query?: {
                tenantId?: string;
            };
            header?: never;
            path: {
                taxId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        taxId: string;
                        name: string;
                        region: string;
                        accounts: {
                            account: string;
                            loginType: string;
                            defaults: ("issue" | "receive")[];
                            locked: boolean;
                            channels: {
                                /** @enum {string} */
                                channel: "issue" | "receive";
                                /** @enum {string} */
                                state: "live" | "dropped" | "none";
                                /** @description ISO 8601 time */
                                expiresAt?: string;
                                /** @description ISO 8601 time */
                                lastCheckedAt?: string;
                                lastDrop?: {
                                    /** @description ISO 8601 time */
                                    at: string;
                                    /**
                                     * @description elsewhere = 另一处登录 (dropped by the bureau); expired = 到期
                                     * @enum {string}
                                     */
                                    cause: "elsewhere" | "expired";
                                    reason: string;
                                };
                            }[];
                            /** @description ISO 8601 time */
                            authValidUntil?: string;
                        }[];
                        /** @description ISO 8601 time */
                        at: string;
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
            /** @description Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @example validation_error */
                            code: string;
                            /** @example 税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号） */
                            message: string;
                            retryAfterSeconds?: number;
                        };
                    };
                };
            };
        };
    };
    taxSessionEnded: {
        parameters: {
            query?: never;
            header: {
                /** @description sha256=<hex HMAC-SHA256(webhook secret, raw request body)>: check it over the raw bytes before parsing. */
                "X-Signature": string;
                /** @description Unix seconds of this delivery attempt (also `timestamp` in the body): refuse old ones (replays). */
                "X-Timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "event": "tax_session.ended",
                 *       "requestId": "4f0c6a36-5d5b-4f59-9d1a-2d3c8a7f1e20",
                 *       "status": "done",
                 *       "taxId": "91650100MA7XJ3K84Q",
                 *       "channel": "issue",
                 *       "purpose": "login",
                 *       "account": "139****7550",
                 *       "endedAt": "2026-12-07T03:15:42.000Z",
                 *       "timestamp": 1796613342
                 *     }
                 */
                "application/json": {
                    /** @constant */
                    event: "tax_session.ended";
                    requestId: string;
                    /** @enum {string} */
                    status: "done" | "failed" | "expired";
                    reason?: string;
                    taxId: string;
                    /** @enum {string} */
                    channel: "issue" | "receive";
                    /** @enum {string} */
                    purpose: "login" | "auth";
                    account: string;
                    endedAt: string;
                    timestamp: number;
                };
            };
        };
        responses: {
            /** @description Received (any 2xx will do). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    sessionDropped: {
        parameters: {
            query?: never;
            header: {
                /** @description sha256=<hex HMAC-SHA256(webhook secret, raw request body)>: check it over the raw bytes before parsing. */
                "X-Signature": string;
                /** @description Unix seconds of this delivery attempt (also `timestamp` in the body): refuse old ones (replays). */
                "X-Timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "event": "session.dropped",
                 *       "taxId": "91650100MA7XJ3K84Q",
                 *       "account": "139****7550",
                 *       "channel": "issue",
                 *       "droppedAt": "2026-12-07T03:15:42.000Z",
                 *       "cause": "elsewhere",
                 *       "reason": "您的账号已在其他地方登录，请重新登录",
                 *       "relogin": "notified",
                 *       "timestamp": 1796613342
                 *     }
                 */
                "application/json": {
                    /** @constant */
                    event: "session.dropped";
                    taxId: string;
                    account: string;
                    /** @enum {string} */
                    channel: "issue" | "receive";
                    droppedAt: string;
                    /** @enum {string} */
                    cause: "elsewhere" | "expired";
                    reason: string;
                    /** @enum {string} */
                    relogin: "auto" | "notified" | "none";
                    timestamp: number;
                };
            };
        };
        responses: {
            /** @description Received (any 2xx will do). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    sessionExpiring: {
        parameters: {
            query?: never;
            header: {
                /** @description sha256=<hex HMAC-SHA256(webhook secret, raw request body)>: check it over the raw bytes before parsing. */
                "X-Signature": string;
                /** @description Unix seconds of this delivery attempt (also `timestamp` in the body): refuse old ones (replays). */
                "X-Timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "event": "session.expiring",
                 *       "taxId": "91650100MA7XJ3K84Q",
                 *       "account": "139****7550",
                 *       "purpose": "login",
                 *       "channel": "issue",
                 *       "expiresAt": "2026-12-07T05:15:42.000Z",
                 *       "timestamp": 1796613342
                 *     }
                 */
                "application/json": {
                    /** @constant */
                    event: "session.expiring";
                    taxId: string;
                    account: string;
                    /** @enum {string} */
                    purpose: "login" | "auth";
                    /** @enum {string} */
                    channel?: "issue" | "receive";
                    expiresAt: string;
                    timestamp: number;
                };
            };
        };
        responses: {
            /** @description Received (any 2xx will do). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
