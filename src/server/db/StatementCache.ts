/**
 * A bounded LRU of better-sqlite3 prepared statements keyed by SQL text. Kysely's SQLite driver
 * calls `db.prepare(sql)` for every query, and preparing (parsing and planning in SQLite, plus a new
 * native Statement object) cost ~8% of the server's CPU under the vault bench; the server issues a
 * few hundred distinct SQL texts, so nearly every prepare is a repeat. The bound keeps generated
 * SQL (e.g. `in (?, ?, …)` lists of varying length) from growing it without limit.
 *
 * A cached statement is reused only when it is not busy: one still being iterated (a streamed
 * query) cannot run again, so the caller then gets a fresh, uncached statement.
 */
import type BetterSqlite3 from 'better-sqlite3';

export const DEFAULT_STATEMENT_CACHE_SIZE = 500;

export interface StatementCacheStats {
  size: number;
  max: number;
  hits: number;
  misses: number;
}

export class StatementCache {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private hits = 0;
  private misses = 0;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly max = DEFAULT_STATEMENT_CACHE_SIZE,
  ) {
    if (!Number.isInteger(max) || max < 1)
      throw new Error(`statement cache size must be a positive integer, got ${max}`);
  }

  prepare(sql: string): BetterSqlite3.Statement {
    const cached = this.statements.get(sql);
    if (cached && !cached.busy) {
      this.hits++;
      this.statements.delete(sql); // re-insert: a Map iterates in insertion order, so the first key is the least recent
      this.statements.set(sql, cached);
      return cached;
    }
    this.misses++;
    const statement = this.sqlite.prepare(sql);
    if (cached) return statement; // the cached one is busy: this one serves the nested use only
    this.statements.set(sql, statement);
    if (this.statements.size > this.max) this.statements.delete(this.statements.keys().next().value!);
    return statement;
  }

  stats(): StatementCacheStats {
    return { size: this.statements.size, max: this.max, hits: this.hits, misses: this.misses };
  }

  clear(): void {
    this.statements.clear();
  }
}
