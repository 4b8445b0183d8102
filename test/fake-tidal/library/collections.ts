/**
 * Each fake user's "My Collection": favorite tracks, albums, artists, videos and playlists, the
 * state behind /userCollection{Kind}/{id}/relationships/items. Entries keep the time they were
 * added; lists come newest first (the OAS default sort `-addedAt`), ties broken by insertion order.
 */
export const COLLECTION_KINDS = ['tracks', 'albums', 'artists', 'videos', 'playlists'] as const;
export type CollectionKind = (typeof COLLECTION_KINDS)[number];

export interface CollectionEntry {
  id: string;
  addedAt: string;
  /** Insertion order, so entries added in the same millisecond keep a stable order. */
  seq: number;
}

export class UserCollections {
  private readonly byUser = new Map<string, Map<CollectionKind, CollectionEntry[]>>();
  private seq = 0;

  constructor(private readonly now: () => Date = () => new Date()) {}

  private entries(userId: string, kind: CollectionKind): CollectionEntry[] {
    let kinds = this.byUser.get(userId);
    if (!kinds) {
      kinds = new Map();
      this.byUser.set(userId, kinds);
    }
    let list = kinds.get(kind);
    if (!list) {
      list = [];
      kinds.set(kind, list);
    }
    return list;
  }

  /** Newest first. */
  list(userId: string, kind: CollectionKind): CollectionEntry[] {
    return [...this.entries(userId, kind)].sort((a, b) =>
      a.addedAt === b.addedAt ? b.seq - a.seq : a.addedAt < b.addedAt ? 1 : -1,
    );
  }

  ids(userId: string, kind: CollectionKind): string[] {
    return this.list(userId, kind).map((e) => e.id);
  }

  has(userId: string, kind: CollectionKind, id: string): boolean {
    return this.entries(userId, kind).some((e) => e.id === id);
  }

  size(userId: string, kind: CollectionKind): number {
    return this.entries(userId, kind).length;
  }

  /** Adds ids not yet present (at `addedAt`, default now); returns the new entries. */
  add(userId: string, kind: CollectionKind, ids: readonly string[], addedAt?: string) {
    const list = this.entries(userId, kind);
    const at = addedAt ?? this.now().toISOString();
    const added: CollectionEntry[] = [];
    for (const id of ids) {
      if (list.some((e) => e.id === id)) continue;
      const entry = { id, addedAt: at, seq: this.seq++ };
      list.push(entry);
      added.push(entry);
    }
    return added;
  }

  /** Removes whichever of `ids` are present; returns how many were. */
  remove(userId: string, kind: CollectionKind, ids: readonly string[]): number {
    const list = this.entries(userId, kind);
    const doomed = new Set(ids);
    const kept = list.filter((e) => !doomed.has(e.id));
    const removed = list.length - kept.length;
    list.splice(0, list.length, ...kept);
    return removed;
  }

  clear(userId: string, kind: CollectionKind): void {
    this.entries(userId, kind).splice(0);
  }
}
