/**
 * The sandbox bureau's own data: natural persons, enterprises, relations, and the transient things
 * logins create (SMS, flows, QR tickets, sessions, 认证 records). Plain JSON so the store can write
 * it to a file as is. Times are epoch milliseconds of the store's clock.
 */
import { CHANNEL_SHORT, type Channel, type IdType, type LoginType, type QrApp, type Role } from '../../../types/domain';

// The domain words (channels, 身份, 证件类型, QR apps) are the project's shared ones.
export { CHANNELS, ROLES, ID_TYPES, QR_APPS, QR_APP_LABELS } from '../../../types/domain';
export type { Channel, Role, IdType, QrApp } from '../../../types/domain';
/** 开票 / 收票, as the bureau's messages say it. */
export const CHANNEL_LABELS = CHANNEL_SHORT;

/** Companies that host phone numbers and expose the SMS they receive (华盟托管号码, 企享云办税小号). */
export const HOSTED_PROVIDERS = ['huameng', 'qixiangyun'] as const satisfies readonly LoginType[];
export type HostedProvider = (typeof HOSTED_PROVIDERS)[number];

export interface Person {
  idNumber: string;
  idType: IdType;
  name: string;
  /** The phone bound at the bureau: SMS codes go there. */
  phone: string;
  /** Optional 用户名, a third way to name the account. */
  userName?: string;
  /** Salted SHA-256: the data file holds no clear passwords. */
  passwordSalt: string;
  passwordHash: string;
  /** 实名等级 1–4; face-registered users are 4. */
  realNameLevel: number;
  agreementSigned: boolean;
  /** Test switch: the real-name check (ITS 实名核验) fails for this person. */
  failRealName: boolean;
  /** Times of wrong passwords and SMS codes still inside the counting window. */
  wrongAttempts: number[];
  lockedUntil?: number;
  /**
   * Seed §3.5/§4.4: the person's recent successful logins, newest first, one per enterprise, at
   * most RECENT_LOGINS_KEPT; offered after a failed face check. Empty = never logged in (§3.2).
   */
  recentLogins?: RecentLogin[];
}

export const RECENT_LOGINS_KEPT = 10;

export interface RecentLogin {
  taxId: string;
  role: Role;
  channel: Channel;
  loggedInAt: number;
}

/** The bureau's settings for one region (地区). */
export interface RegionSettings {
  /** Seed §3.6: SMS is an optional check of 忘记密码 (扫脸 is always offered). Default true. */
  smsPasswordReset: boolean;
}

export interface Enterprise {
  taxId: string;
  name: string;
  /** 地区: single login per person applies per region. */
  region: string;
}

export interface Relation {
  taxId: string;
  idNumber: string;
  role: Role;
  permissions: Channel[];
}

export type SmsPurpose = 'login' | 'reset_password';

export interface Sms {
  id: string;
  phone: string;
  code: string;
  purpose: SmsPurpose;
  text: string;
  flowId: string;
  sentAt: number;
  expiresAt: number;
  /** A code works once; a resend also retires the earlier codes of its flow. */
  used: boolean;
}

/** What the caller must do next in a flow; `done`/`failed` end it. */
export type FlowStage =
  | 'sms'
  | 'qr'
  | 'face'
  /** The face check failed (§3.5): the person may pick a recent login or try the face again. */
  | 'face_failed'
  /** 扫脸登录 of a first login (§3.2): the password follows the face. */
  | 'password'
  | 'real_name'
  | 'agreement'
  | 'set_password'
  | 'done'
  | 'failed';

export interface Flow {
  id: string;
  purpose: 'login' | 'reset_password';
  /** sms: 短信登录 / 人脸登录 (code, then face); face: 扫脸登录 (face, then the password once). */
  method: 'password' | 'sms' | 'qr' | 'face' | 'reset';
  stage: FlowStage;
  /** The person; unknown for a QR login until someone confirms the ticket. */
  idNumber?: string;
  taxId?: string;
  /** 身份 asked for; the chosen relation's role once known. */
  role?: Role;
  channel?: Channel;
  /** QR or face ticket of the `qr` / `face` stage. */
  ticket?: string;
  sessionId?: string;
  /** Why a `failed` flow failed: the bureau code and text, answered to every later call. */
  failure?: { code: string; message: string };
  createdAt: number;
  expiresAt: number;
}

export type TicketKind = 'login' | 'auth';
/** failed: the face did not match (a face check inside a flow only). */
export type TicketState = 'pending' | 'scanned' | 'confirmed' | 'failed';

export interface Ticket {
  ticket: string;
  /** login: a QR login; auth: a face check (认证), alone or inside an SMS login. */
  kind: TicketKind;
  app: QrApp;
  state: TicketState;
  /** '' for the face check of a password reset, which is for no enterprise. */
  taxId: string;
  /** The only person who may confirm it; unset for a QR login anyone related to taxId may take. */
  idNumber?: string;
  confirmedBy?: string;
  flowId?: string;
  payload: string;
  createdAt: number;
  expiresAt: number;
}

export interface Session {
  id: string;
  idNumber: string;
  taxId: string;
  region: string;
  role: Role;
  channel: Channel;
  permissions: Channel[];
  createdAt: number;
  expiresAt: number;
  droppedAt?: number;
  dropReason?: string;
}

/** A confirmed 认证 of a person for an enterprise. */
export interface AuthRecord {
  idNumber: string;
  taxId: string;
  validUntil: number;
}

export interface HostedNumber {
  phone: string;
  provider: HostedProvider;
  /** false: the provider never sees the codes (an SMS timeout in an automatic login). */
  deliver: boolean;
}

export interface EtaxData {
  version: 1;
  persons: Record<string, Person>;
  enterprises: Record<string, Enterprise>;
  relations: Relation[];
  sms: Sms[];
  flows: Record<string, Flow>;
  tickets: Record<string, Ticket>;
  sessions: Record<string, Session>;
  auths: AuthRecord[];
  hostedNumbers: Record<string, HostedNumber>;
  /** Regions with settings other than the defaults. */
  regions: Record<string, RegionSettings>;
}

export function emptyData(): EtaxData {
  return {
    version: 1,
    persons: {},
    enterprises: {},
    relations: [],
    sms: [],
    flows: {},
    tickets: {},
    sessions: {},
    auths: [],
    hostedNumbers: {},
    regions: {},
  };
}
