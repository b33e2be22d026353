import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Metadata = ReturnType<Storage['getTargetValidationMetadatas']>;
type Grouped = ReturnType<Storage['groupByPropertyName']>;

const CACHED = Symbol.for('one-window.validation-metadata-cache');

/**
 * class-validator finds a class's rules anew on every validate(): it filters the rules of the
 * class and then walks every class that has rules to find its ancestors (`instanceof` on each),
 * and groups the result by property again — ~3% of the server's CPU under command load, for an
 * answer that changes only when a decorator registers a rule. This remembers both answers per
 * class and options, and forgets everything when a rule is registered, so validation is exactly
 * as before. Idempotent; the storage is class-validator's one global.
 */
export function cacheValidationMetadata(): void {
  const storage = getMetadataStorage() as Storage & { [CACHED]?: true };
  if (storage[CACHED]) return;
  storage[CACHED] = true;
  const find = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let found = new Map<unknown, Map<string, Metadata>>();
  let grouped = new WeakMap<Metadata, Grouped>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000') ?? ''}`;
    let forTarget = found.get(target);
    if (forTarget === undefined) found.set(target, (forTarget = new Map<string, Metadata>()));
    let metadata = forTarget.get(key);
    if (metadata === undefined) {
      metadata = find(target, schema, always, strictGroups, groups);
      forTarget.set(key, metadata);
    }
    return metadata;
  };
  storage.groupByPropertyName = (metadata) => {
    let byProperty = grouped.get(metadata);
    if (byProperty === undefined) {
      byProperty = group(metadata);
      grouped.set(metadata, byProperty);
    }
    return byProperty;
  };
  storage.addValidationMetadata = (metadata) => {
    found = new Map();
    grouped = new WeakMap();
    add(metadata);
  };
}
