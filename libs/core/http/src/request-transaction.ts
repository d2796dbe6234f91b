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
 * Hands the request's transaction to the interceptor that commits it. Should the request be answered before a
 * handler takes it (a role check that refuses), it is rolled back when the response closes. Once a handler runs in
 * it, a client going away changes nothing: rolling back under a running handler would let its later statements run
 * outside any transaction, half-writing the request.
 */
export function attachRequestTransaction(req: Request, transaction: RequestTransaction): void {
  (req as WithTransaction)[TRANSACTION] = transaction;
  req.res?.once('close', () => {
    if (!transaction.adopted) void transaction.rollback();
  });
}

export function requestTransactionOf(req: Request): RequestTransaction | null {
  return (req as WithTransaction)[TRANSACTION] ?? null;
}
