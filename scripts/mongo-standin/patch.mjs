// DeltaStream's three fixes to CongoDB 2.2.0 (in @push.rocks/smartmongo), applied to its compiled JavaScript:
//  1. string (and any other BSON) _id values: the memory adapter turned every _id into an ObjectId, so a string
//     _id was rejected; documents are now keyed by the _id's type and value;
//  2. unique indexes: they were recorded but never enforced on insert or update; a clash now fails with the
//     duplicate-key error (code 11000) MongoDB gives;
//  3. _id lookups: every find, update and delete scanned the whole collection; a filter on a plain _id value now
//     reads that one document (the query engine still applies the whole filter to it).
// Each edit must match exactly once, so a changed package fails loudly here instead of half patched.
// Usage: node patch.mjs <package>/dist_ts/congodb
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2];
if (!root) {
  console.error('usage: node patch.mjs <path to dist_ts/congodb>');
  process.exit(2);
}

function edit(relativePath, edits) {
  const path = join(root, relativePath);
  let text = readFileSync(path, 'utf8');
  for (const [pattern, replacement] of edits) {
    const flags = pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g';
    const matches = text.match(new RegExp(pattern.source, flags));
    const expected = pattern.flags.includes('g') ? null : 1;
    if (!matches || (expected !== null && matches.length !== expected)) {
      throw new Error(`${relativePath}: expected ${expected ?? 'some'} match(es) of ${pattern}, found ${matches?.length ?? 0}`);
    }
    // Only $1..$9 are special in a replacement here: the inserted code has '$' characters of its own.
    text = text.replace(pattern, (...groups) => replacement.replace(/\$([1-9])/g, (_, n) => groups[Number(n)]));
  }
  writeFileSync(path, text);
}

const adapterHelpers = `
// DeltaStream patch: the key of a document in its collection map, from the _id's BSON type and value.
export function idKey(id) {
    if (id?._bsontype === 'ObjectId') {
        return 'o:' + id.toHexString();
    }
    if (typeof id === 'string') {
        return 's:' + id;
    }
    return 'j:' + plugins.bson.EJSON.stringify(id ?? null, { relaxed: false });
}
function valueAt(doc, path) {
    let value = doc;
    for (const part of path.split('.')) {
        value = value === null || value === undefined ? undefined : value[part];
    }
    return value ?? null;
}
function isPlainIdFilter(id) {
    if (id === undefined) {
        return false;
    }
    if (id === null || typeof id !== 'object' || id._bsontype || id instanceof Date) {
        return true;
    }
    return !Object.keys(id).some(key => key.startsWith('$'));
}
function duplicateKeyError(message) {
    const error = new Error('Duplicate key error: ' + message);
    error.code = 11000;
    return error;
}
`;

const adapterMethods = `
    // DeltaStream patch: MongoDB's unique index rule, checked against every other document of the collection.
    checkUniqueIndexes(dbName, collName, collection, doc, ownKey) {
        const indexes = this.indexes.get(dbName)?.get(collName) ?? [];
        for (const index of indexes) {
            if (!index.unique || index.name === '_id_') {
                continue;
            }
            const fields = Object.keys(index.key);
            const keyOf = candidate => plugins.bson.EJSON.stringify(fields.map(field => valueAt(candidate, field)), { relaxed: false });
            const key = keyOf(doc);
            for (const [otherKey, other] of collection) {
                if (otherKey !== ownKey && keyOf(other) === key) {
                    throw duplicateKeyError(\`index \${index.name} dup key \${key}\`);
                }
            }
        }
    }
    // DeltaStream patch: the documents a filter can match: the one document a plain _id names, else all.
    async findCandidates(dbName, collName, filter) {
        if (!isPlainIdFilter(filter?._id)) {
            return this.findAll(dbName, collName);
        }
        const doc = this.ensureCollection(dbName, collName).get(idKey(filter._id));
        return doc ? [doc] : [];
    }
    async insertOne(dbName, collName, doc) {`;

edit('storage/MemoryStorageAdapter.js', [
  [/(import \* as plugins from '\.\.\/congodb\.plugins\.js';\n)/, `$1${adapterHelpers}`],
  [/\n    async insertOne\(dbName, collName, doc\) \{/, adapterMethods],
  [
    /const storedDoc = \{\s*\.\.\.doc,\s*_id: doc\._id instanceof plugins\.bson\.ObjectId \? doc\._id : new plugins\.bson\.ObjectId\(doc\._id\),\s*\};\s*if \(!storedDoc\._id\) \{\s*storedDoc\._id = new plugins\.bson\.ObjectId\(\);\s*\}\s*const idStr = storedDoc\._id\.toHexString\(\);\s*if \(collection\.has\(idStr\)\) \{\s*throw new Error\(`Duplicate key error: _id \$\{idStr\}`\);\s*\}/,
    `const storedDoc = { ...doc, _id: doc._id ?? new plugins.bson.ObjectId() };
        const idStr = idKey(storedDoc._id);
        if (collection.has(idStr)) {
            throw duplicateKeyError(\`_id \${idStr}\`);
        }
        this.checkUniqueIndexes(dbName, collName, collection, storedDoc, idStr);`,
  ],
  [/return collection\.get\(id\.toHexString\(\)\) \|\| null;/, 'return collection.get(idKey(id)) || null;'],
  [
    /const idStr = id\.toHexString\(\);\s*if \(!collection\.has\(idStr\)\) \{\s*return false;\s*\}/,
    `const idStr = idKey(id);
        if (!collection.has(idStr)) {
            return false;
        }
        this.checkUniqueIndexes(dbName, collName, collection, doc, idStr);`,
  ],
  [/return collection\.delete\(id\.toHexString\(\)\);/, 'return collection.delete(idKey(id));'],
  [/collMap\.set\(doc\._id\.toHexString\(\), doc\);/, 'collMap.set(idKey(doc._id), doc);'],
]);

edit('engine/IndexEngine.js', [
  [/^/, "import { idKey } from '../storage/MemoryStorageAdapter.js';\n"],
  [/(\w+)\._id\.toHexString\(\)/g, 'idKey($1._id)'],
]);

edit('server/handlers/FindHandler.js', [
  [/(async handleFind\(context\) \{[\s\S]*?)await storage\.findAll\(database, collection\)/, '$1await storage.findCandidates(database, collection, filter)'],
]);

edit('server/handlers/UpdateHandler.js', [
  [
    /await storage\.findAll\(database, collection\);(\s*\/\/ Apply filter\s*let matchingDocs = QueryEngine\.filter\(documents, filter\))/,
    'await storage.findCandidates(database, collection, filter);$1',
  ],
  [
    /await storage\.findAll\(database, collection\);(\s*let matchingDocs = QueryEngine\.filter\(documents, query\))/,
    'await storage.findCandidates(database, collection, query);$1',
  ],
]);

edit('server/handlers/DeleteHandler.js', [
  [
    /await storage\.findAll\(database, collection\);(\s*\/\/ Apply filter\s*const matchingDocs = QueryEngine\.filter\(documents, filter\))/,
    'await storage.findCandidates(database, collection, filter);$1',
  ],
]);

console.log('CongoDB patched: string _ids, unique indexes, _id lookups');
