// A tiny promise wrapper over the browser's IndexedDB: one database, three stores, one transaction per call.
// No dependency: the field bundle stays small for cheap phones.

const DB_NAME = 'sigap';
const DB_VERSION = 1;

/**
 * outbox: what the user made and the server has not confirmed yet (and, until sign-out, what was sent);
 * regions: public region names for the offline place picker; meta: small keyed records.
 */
export type StoreName = 'outbox' | 'regions' | 'meta';

let opening: Promise<IDBDatabase> | undefined;

function openDatabase(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('outbox')) db.createObjectStore('outbox', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('regions')) db.createObjectStore('regions', { keyPath: 'code' });
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta', { keyPath: 'key' });
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading the database: let it, and open again on the next call.
      db.onversionchange = () => {
        db.close();
        opening = undefined;
      };
      resolve(db);
    };
    request.onerror = () => {
      opening = undefined;
      reject(request.error);
    };
  });
  return opening;
}

/** Runs `work` in one transaction; resolves with the last request's result once the transaction commits. */
async function inTransaction<T>(
  store: StoreName,
  mode: IDBTransactionMode,
  work: (objects: IDBObjectStore) => IDBRequest | undefined,
): Promise<T> {
  const db = await openDatabase();
  return new Promise<T>((resolve, reject) => {
    const transaction = db.transaction(store, mode);
    const request = work(transaction.objectStore(store));
    transaction.oncomplete = () => resolve(request?.result as T);
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** The record under `key`, or undefined. */
export function findRecord<T>(store: StoreName, key: string): Promise<T | undefined> {
  return inTransaction<T | undefined>(store, 'readonly', (objects) => objects.get(key));
}

/** Every record of the store, in key order. */
export function listRecords<T>(store: StoreName): Promise<T[]> {
  return inTransaction<T[]>(store, 'readonly', (objects) => objects.getAll());
}

/** Writes the records (insert or replace) in one transaction. */
export function putRecords(store: StoreName, records: readonly unknown[]): Promise<void> {
  return inTransaction<void>(store, 'readwrite', (objects) => {
    for (const record of records) objects.put(record);
    return undefined;
  });
}

/** Deletes the records under these keys in one transaction. */
export function deleteRecords(store: StoreName, keys: readonly string[]): Promise<void> {
  return inTransaction<void>(store, 'readwrite', (objects) => {
    for (const key of keys) objects.delete(key);
    return undefined;
  });
}
