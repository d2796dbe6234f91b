import { SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { RequestTransaction } from '@beacon/core/database';

export const OWN_TRANSACTIONS_KEY = 'beacon:own-transactions';

/**
 * The endpoint opens its own transactions instead of running in the request's one: it hashes a password, renders
 * a file or streams a large upload, and must not hold a database connection meanwhile.
 */
export const OwnTransactions = (): MethodDecorator & ClassDecorator =>
  SetMetadata(OWN_TRANSACTIONS_KEY, true);

const TRANSACTION = Symbol('beacon:request-transaction');
const KEEP = Symbol('beacon:keep-request-transaction');

type WithTransaction = Request & { [TRANSACTION]?: RequestTransaction; [KEEP]?: boolean };

/** Set by the authentication guard before the token is checked: whether the check opens the request's transaction. */
export function keepRequestTransaction(req: Request, keep: boolean): void {
  (req as WithTransaction)[KEEP] = keep;
}

export function wantsRequestTransaction(req: Request): boolean {
  return (req as WithTransaction)[KEEP] === true;
}

/**
 * Hands the request's transaction to the interceptor that commits it. Whatever happens after this point (a role
 * check that refuses, a client that goes away), it is rolled back when the response closes; after a commit that is
 * a no-op.
 */
export function attachRequestTransaction(req: Request, transaction: RequestTransaction): void {
  (req as WithTransaction)[TRANSACTION] = transaction;
  req.res?.once('close', () => {
    void transaction.rollback();
  });
}

export function requestTransactionOf(req: Request): RequestTransaction | null {
  return (req as WithTransaction)[TRANSACTION] ?? null;
}
