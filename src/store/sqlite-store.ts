import { AttacheError } from '../errors.js';
import type { OpenStoreOptions, Store } from './store.js';

/** The SQLite backend (being written). */
export class SqliteStore {
  static open(path: string, _opts: OpenStoreOptions = {}): Store {
    throw new AttacheError('ATT_E040', 'SQLite store not implemented yet', path);
  }
}
