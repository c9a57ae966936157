/**
 * Rule 1 and 2: who an account names, password checks, and the lock after repeated wrong
 * passwords or SMS codes (5 within 30 min lock for 30 min by default).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { BUREAU_CODES, BureauError } from '../errors';
import { MSG } from '../messages';
import type { EtaxData, Person } from '../model';
import type { EtaxStore } from '../store';

export function hashPassword(password: string): Pick<Person, 'passwordSalt' | 'passwordHash'> {
  const passwordSalt = randomBytes(16).toString('hex');
  return { passwordSalt, passwordHash: digest(passwordSalt, password) };
}

export function passwordMatches(person: Person, password: string): boolean {
  const given = Buffer.from(digest(person.passwordSalt, password), 'hex');
  return timingSafeEqual(given, Buffer.from(person.passwordHash, 'hex'));
}

function digest(salt: string, password: string): string {
  return createHash('sha256').update(salt).update(password).digest('hex');
}

/** An account is the 证件号码, the bound phone or the 用户名. */
export function findPerson(data: EtaxData, account: string): Person | undefined {
  const a = account.trim();
  const byId = data.persons[a.toUpperCase()];
  if (byId) return byId;
  return Object.values(data.persons).find((p) => p.phone === a || (p.userName !== undefined && p.userName === a));
}

export function requirePerson(data: EtaxData, account: string): Person {
  const person = findPerson(data, account);
  if (!person) throw new BureauError(BUREAU_CODES.userNotFound, MSG.userNotFound, 404);
  return person;
}

export function assertNotLocked(store: EtaxStore, person: Person): void {
  if (person.lockedUntil === undefined) return;
  if (person.lockedUntil <= store.now()) {
    delete person.lockedUntil;
    return;
  }
  throw lockedError(person.lockedUntil);
}

function lockedError(until: number): BureauError {
  return new BureauError(BUREAU_CODES.locked, MSG.locked(until), 423, { lockedUntil: new Date(until).toISOString() });
}

/**
 * Counts one wrong password or SMS code. Returns the attempts left, or throws the lock error when
 * this attempt used up the last one.
 */
export function recordWrongAttempt(store: EtaxStore, person: Person): number {
  const now = store.now();
  const { maxWrongPasswords, wrongPasswordWindowMs, lockMs } = store.timing;
  person.wrongAttempts = person.wrongAttempts.filter((t) => now - t < wrongPasswordWindowMs);
  person.wrongAttempts.push(now);
  const left = maxWrongPasswords - person.wrongAttempts.length;
  if (left > 0) return left;
  person.wrongAttempts = [];
  person.lockedUntil = now + lockMs;
  throw lockedError(person.lockedUntil);
}

/** A finished login or a new password starts the count afresh. */
export function clearWrongAttempts(person: Person): void {
  person.wrongAttempts = [];
  delete person.lockedUntil;
}

/** The password step of a login: locked people are refused before the password is even looked at. */
export function checkPassword(store: EtaxStore, person: Person, password: string): void {
  assertNotLocked(store, person);
  if (passwordMatches(person, password)) return;
  const left = recordWrongAttempt(store, person);
  const { maxWrongPasswords, lockMs } = store.timing;
  throw new BureauError(
    BUREAU_CODES.wrongPassword,
    MSG.wrongPassword(left, maxWrongPasswords, Math.round(lockMs / 60_000)),
    401,
    { attemptsLeft: left },
  );
}
