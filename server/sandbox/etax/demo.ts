/**
 * The bureau-side people of the demo tenant, so a person can try every flow at once (issue 3).
 * For each demo enterprise: a 法定代表人, a 开票员 (实名等级 2 and agreement unsigned, to show those
 * screens) and a 办税员 on a 华盟托管号码 (auto-login); one 财务负责人 serves all of them (the same
 * natural person in several enterprises, as accountants often are). Identities and passwords are
 * derived from the 税号, so calling it again changes nothing and returns the same list.
 */
import { createHash } from 'node:crypto';
import { isResidentIdNumber, residentIdCheckChar } from '../../../types/validators';
import type { Channel, HostedProvider, Person, Role } from './model';
import type { EtaxStore } from './store';
import { hashPassword, passwordMatches } from './rules/accounts';
import { hostNumber } from './rules/hosted';

export interface DemoEnterprise {
  taxId: string;
  name: string;
  region: string;
}

export interface DemoBureauPerson {
  taxId: string;
  enterpriseName: string;
  role: Role;
  name: string;
  idType: '居民身份证';
  idNumber: string;
  phone: string;
  /** What to type as 电子税局账号 (the phone; the 证件号码 works too). */
  account: string;
  password: string;
  permissions: Channel[];
  /** 人工登录, or the hosted provider whose endpoint yields this phone's codes. */
  loginType: 'manual' | HostedProvider;
  realNameLevel: number;
  agreementSigned: boolean;
  /** false once someone changed the password in the sandbox (忘记密码): `password` no longer works. */
  passwordCurrent: boolean;
}

interface DemoPersonSpec {
  seed: string;
  name: string;
  role: Role;
  permissions: Channel[];
  loginType: 'manual' | HostedProvider;
  realNameLevel: number;
  agreementSigned: boolean;
}

const LEGAL_NAMES = ['张建国', '李国华', '王志强', '刘德明'];
const CLERK_NAMES = ['王芳', '赵敏', '孙丽', '周婷'];
const AGENT_NAMES = ['林海', '马晓军', '何斌', '郭涛'];

/** Decimal digits drawn from a hash of the seed: stable across calls. */
function digits(seed: string, count: number): string {
  let out = '';
  for (let round = 0; out.length < count; round++) {
    out += BigInt('0x' + createHash('sha256').update(`${seed}#${round}`).digest('hex'))
      .toString()
      .slice(1);
  }
  return out.slice(0, count);
}

/** A valid resident ID of Ürümqi (650102), born 1970–1999. */
function demoIdNumber(seed: string): string {
  const d = digits(`id:${seed}`, 10);
  const year = 1970 + (Number(d.slice(0, 2)) % 30);
  const month = String(1 + (Number(d.slice(2, 4)) % 12)).padStart(2, '0');
  const day = String(1 + (Number(d.slice(4, 6)) % 28)).padStart(2, '0');
  const first17 = `650102${year}${month}${day}${d.slice(6, 9)}`;
  return first17 + residentIdCheckChar(first17);
}

function demoPhone(seed: string): string {
  return `139${digits(`phone:${seed}`, 8)}`;
}

/** Letters, a symbol and digits: inside the bureau's policy. */
function demoPassword(seed: string): string {
  return `Demo@${digits(`pw:${seed}`, 4)}`;
}

function specsFor(enterprise: DemoEnterprise, index: number): DemoPersonSpec[] {
  const i = index % LEGAL_NAMES.length;
  return [
    {
      seed: `${enterprise.taxId}|法定代表人`,
      name: LEGAL_NAMES[i],
      role: '法定代表人',
      permissions: ['issue', 'receive'],
      loginType: 'manual',
      realNameLevel: 4,
      agreementSigned: true,
    },
    {
      seed: 'demo|财务负责人',
      name: '陈静',
      role: '财务负责人',
      permissions: ['issue', 'receive'],
      loginType: 'manual',
      realNameLevel: 4,
      agreementSigned: true,
    },
    {
      seed: `${enterprise.taxId}|开票员`,
      name: CLERK_NAMES[i],
      role: '开票员',
      permissions: ['issue'],
      loginType: 'manual',
      realNameLevel: 2,
      agreementSigned: false,
    },
    {
      seed: `${enterprise.taxId}|办税员`,
      name: AGENT_NAMES[i],
      role: '办税员',
      permissions: ['issue', 'receive'],
      loginType: 'huameng',
      realNameLevel: 4,
      agreementSigned: true,
    },
  ];
}

/** Creates what is missing and returns every demo person, one row per enterprise and 身份. */
export function seedDemoBureau(store: EtaxStore, enterprises: DemoEnterprise[]): DemoBureauPerson[] {
  return store.mutate((data) => {
    const rows: DemoBureauPerson[] = [];
    enterprises.forEach((input, index) => {
      const enterprise = { ...input, taxId: input.taxId.toUpperCase() };
      data.enterprises[enterprise.taxId] ??= enterprise;
      for (const spec of specsFor(enterprise, index)) {
        const idNumber = demoIdNumber(spec.seed);
        if (!isResidentIdNumber(idNumber)) throw new Error(`demo ID number ${idNumber} is not valid`);
        const password = demoPassword(spec.seed);
        let person: Person | undefined = data.persons[idNumber];
        if (!person) {
          let phone = demoPhone(spec.seed);
          for (let n = 1; Object.values(data.persons).some((p) => p.phone === phone); n++)
            phone = demoPhone(`${spec.seed}~${n}`);
          person = {
            idNumber,
            idType: '居民身份证',
            name: spec.name,
            phone,
            ...hashPassword(password),
            realNameLevel: spec.realNameLevel,
            agreementSigned: spec.agreementSigned,
            failRealName: false,
            wrongAttempts: [],
          };
          data.persons[idNumber] = person;
        }
        if (spec.loginType !== 'manual' && !data.hostedNumbers[person.phone])
          hostNumber(store, person.phone, spec.loginType);
        const relation = data.relations.find(
          (r) => r.taxId === enterprise.taxId && r.idNumber === idNumber && r.role === spec.role,
        );
        if (!relation)
          data.relations.push({ taxId: enterprise.taxId, idNumber, role: spec.role, permissions: spec.permissions });
        rows.push({
          taxId: enterprise.taxId,
          enterpriseName: data.enterprises[enterprise.taxId].name,
          role: spec.role,
          name: person.name,
          idType: '居民身份证',
          idNumber,
          phone: person.phone,
          account: person.phone,
          password,
          permissions: spec.permissions,
          loginType: spec.loginType,
          realNameLevel: person.realNameLevel,
          agreementSigned: person.agreementSigned,
          passwordCurrent: passwordMatches(person, password),
        });
      }
    });
    return rows;
  });
}
