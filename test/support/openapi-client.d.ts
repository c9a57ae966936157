// Generated from /openapi.json by openapi-typescript (test/server/openapi.test.ts); do not edit.
export interface paths {
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
    createTenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "乌鲁木齐丝路商贸集团"
                 *     }
                 */
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
                    /**
                     * @example {
                     *       "id": "0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f",
                     *       "name": "乌鲁木齐丝路商贸集团",
                     *       "activationCode": "K7M2Q9XH4T"
                     *     }
                     */
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
                /**
                 * @example {
                 *       "name": "乌鲁木齐丝路商贸有限责任公司",
                 *       "taxId": "91650100MA7XJ3K84G",
                 *       "region": "新疆"
                 *     }
                 */
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
                    /**
                     * @example {
                     *       "id": "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
                     *       "name": "乌鲁木齐丝路商贸有限责任公司",
                     *       "taxId": "91650100MA7XJ3K84G",
                     *       "region": "新疆"
                     *     }
                     */
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
                /**
                 * @example {
                 *       "taxId": "91650100MA7XJ3K84G",
                 *       "channel": "issue",
                 *       "purpose": "login",
                 *       "account": "13977846513"
                 *     }
                 */
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
                    /**
                     * @example {
                     *       "status": "ready",
                     *       "account": "139****6513",
                     *       "expiresAt": "2026-12-07T05:15:42.000Z"
                     *     }
                     */
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
                    /**
                     * @example {
                     *       "status": "pending",
                     *       "requestId": "4f0c6a36-5d5b-4f59-9d1a-2d3c8a7f1e20",
                     *       "message": "请139****6513绑定的微信用户，前往发票云小程序点击收到的登录通知进行操作",
                     *       "expiresAt": "2026-12-07T03:25:42.000Z"
                     *     }
                     */
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
                    /**
                     * @example {
                     *       "requestId": "4f0c6a36-5d5b-4f59-9d1a-2d3c8a7f1e20",
                     *       "status": "done",
                     *       "expiresAt": "2026-12-07T03:25:42.000Z"
                     *     }
                     */
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
                    /**
                     * @example {
                     *       "tenantId": "0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f",
                     *       "url": "https://invoice.example.com/hooks/fapiaoyun"
                     *     }
                     */
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
                /**
                 * @example {
                 *       "url": "https://invoice.example.com/hooks/fapiaoyun",
                 *       "secret": "a-long-shared-secret-of-yours"
                 *     }
                 */
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
                    /**
                     * @example {
                     *       "tenantId": "0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f",
                     *       "url": "https://invoice.example.com/hooks/fapiaoyun"
                     *     }
                     */
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
                    /**
                     * @example {
                     *       "taxId": "91650100MA7XJ3K84G",
                     *       "name": "乌鲁木齐丝路商贸有限责任公司",
                     *       "region": "新疆",
                     *       "accounts": [
                     *         {
                     *           "account": "139****6513",
                     *           "loginType": "manual",
                     *           "defaults": [
                     *             "issue"
                     *           ],
                     *           "locked": false,
                     *           "channels": [
                     *             {
                     *               "channel": "issue",
                     *               "state": "live",
                     *               "expiresAt": "2026-12-07T05:15:42.000Z",
                     *               "lastCheckedAt": "2026-12-07T03:45:00.000Z"
                     *             },
                     *             {
                     *               "channel": "receive",
                     *               "state": "dropped",
                     *               "lastCheckedAt": "2026-12-07T03:45:00.000Z",
                     *               "lastDrop": {
                     *                 "at": "2026-12-07T03:40:12.000Z",
                     *                 "cause": "elsewhere",
                     *                 "reason": "您的账号已在其他地方登录，请重新登录"
                     *               }
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "at": "2026-12-07T03:50:00.000Z"
                     *     }
                     */
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
                 *       "taxId": "91650100MA7XJ3K84G",
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
                 *       "taxId": "91650100MA7XJ3K84G",
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
                 *       "taxId": "91650100MA7XJ3K84G",
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
