/** R2 housekeeping shared by the routes that delete things: tables, projects. */

/** Deletes every object under `prefix` (a listing gives at most 1,000 keys a page); returns how many. */
export async function deleteFiles(files: R2Bucket, prefix: string): Promise<number> {
  let deleted = 0;
  let cursor: string | undefined;
  do {
    const listing = await files.list({ prefix, cursor });
    const keys = listing.objects.map((o) => o.key);
    if (keys.length) await files.delete(keys);
    deleted += keys.length;
    cursor = listing.truncated ? listing.cursor : undefined;
  } while (cursor);
  return deleted;
}
