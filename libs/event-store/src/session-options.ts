/**
 * The PostgreSQL session options of every connection that appends or reads the log: unqualified SQL resolves in
 * the service's schema, and every transaction is READ COMMITTED by default, which the event store relies on
 * without a SET TRANSACTION round trip per transaction.
 */
export const sessionOptions = (schema: string): string =>
  `-c search_path=${schema} -c default_transaction_isolation=read\\ committed`;
