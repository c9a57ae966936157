/**
 * Rule 1: the enterprise is chosen by 税号, and the person must be related to it with the 身份 and
 * the business permission (开票/收票) the login is for.
 */
import { maskAccount } from '../../../../types/validators';
import { BUREAU_CODES, BureauError } from '../errors';
import { MSG } from '../messages';
import type { Channel, EtaxData, Enterprise, Person, Relation, Role } from '../model';
import { requirePerson } from './accounts';

export function requireEnterprise(data: EtaxData, taxId: string): Enterprise {
  const enterprise = data.enterprises[taxId.trim().toUpperCase()];
  if (!enterprise) throw new BureauError(BUREAU_CODES.enterpriseNotFound, MSG.enterpriseNotFound, 404);
  return enterprise;
}

export function relationsOf(data: EtaxData, idNumber: string, taxId: string): Relation[] {
  return data.relations.filter((r) => r.idNumber === idNumber && r.taxId === taxId);
}

/** The relation a login uses: the asked 身份 (or the first one) that holds the channel's permission. */
export function chooseRelation(
  data: EtaxData,
  person: Person,
  taxId: string,
  role: Role | undefined,
  channel: Channel | undefined,
): Relation {
  const all = relationsOf(data, person.idNumber, taxId);
  if (all.length === 0) throw new BureauError(BUREAU_CODES.noRelation, MSG.noRelation, 403);
  const withRole = role ? all.filter((r) => r.role === role) : all;
  if (withRole.length === 0) throw new BureauError(BUREAU_CODES.noRelation, MSG.noRole(role as string), 403);
  if (!channel) return withRole[0];
  const permitted = withRole.find((r) => r.permissions.includes(channel));
  if (!permitted) throw new BureauError(BUREAU_CODES.noPermission, MSG.noPermission(channel), 403);
  return permitted;
}

/** Who the account is and which 身份 and permissions they hold in the enterprise. */
export function lookupRelations(data: EtaxData, account: string, taxId: string) {
  const enterprise = requireEnterprise(data, taxId);
  const person = requirePerson(data, account);
  const relations = relationsOf(data, person.idNumber, enterprise.taxId);
  if (relations.length === 0) throw new BureauError(BUREAU_CODES.noRelation, MSG.noRelation, 403);
  return {
    person: {
      name: person.name,
      idType: person.idType,
      maskedIdNumber: maskAccount(person.idNumber),
      maskedPhone: maskAccount(person.phone),
    },
    enterprise: { taxId: enterprise.taxId, name: enterprise.name, region: enterprise.region },
    relations: relations.map((r) => ({ role: r.role, permissions: r.permissions })),
  };
}
