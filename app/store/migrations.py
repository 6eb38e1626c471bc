"""Schema migrations, keyed by PRAGMA user_version. Append; never edit a released step."""

from __future__ import annotations

# Unread items per theme (0: all), kept by triggers as ranks change, so the inbox's
# counts are read, not counted (counting 100k items' rows took ~240 ms). A re-score,
# which replaces every row of ranks, drops them, recounts once and makes them again.
UNREAD_COUNT_TRIGGERS = """
    CREATE TRIGGER ranks_unread_insert AFTER INSERT ON ranks
    WHEN new.read = 0 AND new.dismissed = 0 BEGIN
        INSERT INTO unread_counts (theme_id, unread) VALUES (new.theme_id, 1)
        ON CONFLICT (theme_id) DO UPDATE SET unread = unread + 1;
    END;
    CREATE TRIGGER ranks_unread_delete AFTER DELETE ON ranks
    WHEN old.read = 0 AND old.dismissed = 0 BEGIN
        UPDATE unread_counts SET unread = unread - 1 WHERE theme_id = old.theme_id;
    END;
    CREATE TRIGGER ranks_unread_update AFTER UPDATE OF read, dismissed ON ranks
    WHEN (old.read = 0 AND old.dismissed = 0) != (new.read = 0 AND new.dismissed = 0) BEGIN
        INSERT INTO unread_counts (theme_id, unread)
        VALUES (new.theme_id, CASE WHEN new.read = 0 AND new.dismissed = 0 THEN 1 ELSE -1 END)
        ON CONFLICT (theme_id) DO UPDATE SET unread = unread + excluded.unread;
    END;
"""
# The inbox's order: every view is a range of it. A re-score drops it while it replaces
# every row, then builds it again in one sorted pass.
RANKS_ORDER_INDEX = (
    "CREATE INDEX ranks_order ON ranks(theme_id, dismissed, rank_key DESC, item_id DESC)"
)
UNREAD_COUNT_TRIGGER_NAMES = ("ranks_unread_insert", "ranks_unread_delete", "ranks_unread_update")

# Each entry upgrades the schema from version i to i + 1.
MIGRATIONS: tuple[str, ...] = (
    # 1: feeds, items (deduplicated per feed, full-text indexed), themes, drafts, posts.
    """
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );

    CREATE TABLE themes (
        id       INTEGER PRIMARY KEY,
        name     TEXT NOT NULL UNIQUE COLLATE NOCASE,
        keywords TEXT NOT NULL DEFAULT '[]',
        excluded TEXT NOT NULL DEFAULT '[]',
        hashtags TEXT NOT NULL DEFAULT '[]',
        color    TEXT NOT NULL DEFAULT '#607d8b',
        position INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE feeds (
        id            INTEGER PRIMARY KEY,
        url           TEXT NOT NULL UNIQUE,
        title         TEXT NOT NULL DEFAULT '',
        site_url      TEXT NOT NULL DEFAULT '',
        added_at      TEXT NOT NULL,
        last_success  TEXT,
        last_error    TEXT NOT NULL DEFAULT '',
        etag          TEXT,
        last_modified TEXT
    );

    CREATE TABLE feed_themes (
        feed_id  INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
        PRIMARY KEY (feed_id, theme_id)
    );
    CREATE INDEX feed_themes_theme ON feed_themes(theme_id);

    CREATE TABLE items (
        id           INTEGER PRIMARY KEY,
        feed_id      INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        key          TEXT NOT NULL,
        guid         TEXT NOT NULL DEFAULT '',
        title        TEXT NOT NULL,
        link         TEXT NOT NULL DEFAULT '',
        author       TEXT NOT NULL DEFAULT '',
        summary_html TEXT NOT NULL DEFAULT '',
        summary_text TEXT NOT NULL DEFAULT '',
        published    TEXT,
        sort_time    TEXT NOT NULL,
        first_seen   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        UNIQUE (feed_id, key)
    );
    CREATE INDEX items_sort ON items(sort_time DESC, id DESC);
    CREATE INDEX items_link ON items(link);

    CREATE VIRTUAL TABLE items_fts USING fts5(
        title, summary_text, content='items', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
        INSERT INTO items_fts(rowid, title, summary_text)
        VALUES (new.id, new.title, new.summary_text);
    END;
    CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
        INSERT INTO items_fts(items_fts, rowid, title, summary_text)
        VALUES ('delete', old.id, old.title, old.summary_text);
    END;
    CREATE TRIGGER items_fts_update AFTER UPDATE OF title, summary_text ON items BEGIN
        INSERT INTO items_fts(items_fts, rowid, title, summary_text)
        VALUES ('delete', old.id, old.title, old.summary_text);
        INSERT INTO items_fts(rowid, title, summary_text)
        VALUES (new.id, new.title, new.summary_text);
    END;

    CREATE TABLE drafts (
        id         INTEGER PRIMARY KEY,
        text       TEXT NOT NULL DEFAULT '',
        take       TEXT NOT NULL DEFAULT '',
        template   TEXT NOT NULL DEFAULT '',
        platform   TEXT NOT NULL DEFAULT 'linkedin',
        state      TEXT NOT NULL DEFAULT 'draft'
                   CHECK (state IN ('draft', 'planned', 'posted', 'archived')),
        theme_id   INTEGER REFERENCES themes(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX drafts_updated ON drafts(updated_at DESC);

    CREATE TABLE draft_items (
        draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
        item_id  INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (draft_id, item_id)
    );
    CREATE INDEX draft_items_item ON draft_items(item_id);

    CREATE TABLE posts (
        id        INTEGER PRIMARY KEY,
        posted_at TEXT NOT NULL,
        platform  TEXT NOT NULL,
        kind      TEXT NOT NULL DEFAULT 'share'
                  CHECK (kind IN ('share', 'original', 'credit', 'help')),
        url       TEXT NOT NULL DEFAULT '',
        text      TEXT NOT NULL DEFAULT '',
        link      TEXT NOT NULL DEFAULT '',
        draft_id  INTEGER REFERENCES drafts(id) ON DELETE SET NULL,
        item_id   INTEGER REFERENCES items(id) ON DELETE SET NULL,
        theme_id  INTEGER REFERENCES themes(id) ON DELETE SET NULL
    );
    CREATE INDEX posts_time ON posts(posted_at);
    CREATE INDEX posts_link ON posts(link);
    """,
    # 2: feed engine: scheduling and backoff, pause and soft removal, private feeds
    # (a keyring reference only, never the secret), starred items that outlive their feed.
    """
    ALTER TABLE feeds ADD COLUMN paused        INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE feeds ADD COLUMN paused_reason TEXT NOT NULL DEFAULT '';
    ALTER TABLE feeds ADD COLUMN removed_at    TEXT;
    ALTER TABLE feeds ADD COLUMN failures      INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE feeds ADD COLUMN last_attempt  TEXT;
    ALTER TABLE feeds ADD COLUMN next_fetch_at TEXT;
    ALTER TABLE feeds ADD COLUMN secret_ref    TEXT;
    ALTER TABLE feeds ADD COLUMN auth_kind     TEXT NOT NULL DEFAULT '';
    ALTER TABLE items ADD COLUMN starred       INTEGER NOT NULL DEFAULT 0;
    """,
    # 3: new items wait in a queue and are full-text indexed in batches. Indexing row by
    # row, one transaction per feed, cost 7 ms of a feed's 9 ms store; one batch at the
    # end of a refresh costs 1.3 ms per feed. Rows already indexed stay indexed.
    """
    CREATE TABLE items_fts_pending (item_id INTEGER PRIMARY KEY);
    DROP TRIGGER items_fts_insert;
    DROP TRIGGER items_fts_delete;
    DROP TRIGGER items_fts_update;
    CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
        INSERT INTO items_fts_pending(item_id) VALUES (new.id);
    END;
    CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
        INSERT INTO items_fts(items_fts, rowid, title, summary_text)
        SELECT 'delete', old.id, old.title, old.summary_text
        WHERE NOT EXISTS (SELECT 1 FROM items_fts_pending WHERE item_id = old.id);
        DELETE FROM items_fts_pending WHERE item_id = old.id;
    END;
    CREATE TRIGGER items_fts_update AFTER UPDATE OF title, summary_text ON items
    WHEN NOT EXISTS (SELECT 1 FROM items_fts_pending WHERE item_id = old.id) BEGIN
        INSERT INTO items_fts(items_fts, rowid, title, summary_text)
        VALUES ('delete', old.id, old.title, old.summary_text);
        INSERT INTO items_fts_pending(item_id) VALUES (new.id);
    END;
    """,
    # 4: a cheaper refresh. items_link was never read (shared links are looked up in
    # posts) and cost ~20% of the page writes of storing. FTS5 merges index segments
    # 8 at a time instead of 4: indexing a 500-feed refresh took ~13% less CPU, and a
    # one-word search of its 25k items as long as before (3-4 ms).
    """
    DROP INDEX items_link;
    INSERT INTO items_fts(items_fts, rank) VALUES ('automerge', 8);
    """,
    # 5: the ranked inbox. Each item has a row per theme it matches and one under theme 0
    # (its place in the whole inbox: its best theme's score), keyed for the inbox's order
    # (see app/strategy/ranking.py), with the read/dismissed/starred flags copied so every
    # inbox view is one index range. Scores live here rather than in items: re-scoring
    # 100k items rewrites this narrow table, not every page of items.
    # Items stored before are ranked by date alone until the first re-scoring
    # (2451544.5 is julianday('2000-01-01'); -6 is log2 of an unmatched item's 1/64).
    """
    ALTER TABLE items ADD COLUMN read INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE items ADD COLUMN dismissed INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE ranks (
        item_id   INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        theme_id  INTEGER NOT NULL,
        rank_key  REAL NOT NULL,
        relevance REAL NOT NULL DEFAULT 0,
        best      INTEGER,
        terms     TEXT NOT NULL DEFAULT '[]',
        read      INTEGER NOT NULL DEFAULT 0,
        dismissed INTEGER NOT NULL DEFAULT 0,
        starred   INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (item_id, theme_id)
    ) WITHOUT ROWID;
    """
    + RANKS_ORDER_INDEX
    + """;
    CREATE TABLE unread_counts (theme_id INTEGER PRIMARY KEY, unread INTEGER NOT NULL);
    CREATE TRIGGER items_flags AFTER UPDATE OF read, dismissed, starred ON items BEGIN
        UPDATE ranks SET read = new.read, dismissed = new.dismissed, starred = new.starred
        WHERE item_id = new.id;
    END;
    DROP INDEX items_sort;
    INSERT INTO ranks (item_id, theme_id, rank_key, starred)
    SELECT id, 0, -6.0 + (julianday(sort_time) - 2451544.5) / 3.0, starred FROM items;
    INSERT INTO settings (key, value)
    VALUES ('scoring', '{"version": -1, "half_life_days": 3.0, "themes": []}');
    INSERT INTO unread_counts SELECT 0, count(*) FROM ranks;
    """
    + UNREAD_COUNT_TRIGGERS,
    # 6: the posting plan: the time a planned draft is planned for (UTC); drafts planned
    # before have none ("soon") until given a slot.
    """
    ALTER TABLE drafts ADD COLUMN planned_for TEXT;
    CREATE INDEX drafts_planned ON drafts(planned_for) WHERE planned_for IS NOT NULL;
    """,
    # 7: the people ledger (docs/PEOPLE.md): circles and their intervals, people, touches.
    # A person's last touch, gives, asks and due days are kept on their row by
    # app/store/people.py, so the due list is an index range. person_keys are the
    # normalised names, handles and addresses an item's author is matched by; item_people
    # what they matched, and ranks.boost what that adds to the item's rank key.
    """
    CREATE TABLE circles (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
        ideal_days INTEGER NOT NULL CHECK (ideal_days >= 1),
        max_days   INTEGER NOT NULL CHECK (max_days >= ideal_days),
        position   INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO circles (id, name, ideal_days, max_days, position)
    VALUES (1, 'Close', 30, 45, 0), (2, 'Colleagues', 90, 120, 1), (3, 'Wider', 180, 365, 2);

    CREATE TABLE people (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL,
        company       TEXT NOT NULL DEFAULT '',
        role          TEXT NOT NULL DEFAULT '',
        how_known     TEXT NOT NULL DEFAULT '',
        notes         TEXT NOT NULL DEFAULT '',
        circle_id     INTEGER NOT NULL REFERENCES circles(id),
        ideal_days    INTEGER CHECK (ideal_days >= 1),
        max_days      INTEGER CHECK (max_days >= ideal_days),
        linkedin      TEXT NOT NULL DEFAULT '',
        x             TEXT NOT NULL DEFAULT '',
        mastodon      TEXT NOT NULL DEFAULT '',
        bluesky       TEXT NOT NULL DEFAULT '',
        threads       TEXT NOT NULL DEFAULT '',
        website       TEXT NOT NULL DEFAULT '',
        email         TEXT NOT NULL DEFAULT '',
        search_key    TEXT NOT NULL DEFAULT '',
        added_on      TEXT NOT NULL,
        archived_at   TEXT,
        snoozed_until TEXT,
        last_touch    TEXT,
        due_on        TEXT NOT NULL,
        overdue_on    TEXT NOT NULL,
        gives         INTEGER NOT NULL DEFAULT 0,
        asks          INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX people_circle ON people(circle_id);
    CREATE INDEX people_by_name ON people(name COLLATE NOCASE, id) WHERE archived_at IS NULL;
    CREATE INDEX people_due ON people(due_on) WHERE archived_at IS NULL;
    CREATE INDEX people_overdue ON people(overdue_on, due_on, id) WHERE archived_at IS NULL;

    CREATE TABLE touches (
        id         INTEGER PRIMARY KEY,
        person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        kind       TEXT NOT NULL CHECK (kind IN ('credited', 'thanked', 'helped', 'commented',
                   'talked', 'message', 'asked', 'connected')),
        touched_on TEXT NOT NULL,
        note       TEXT NOT NULL DEFAULT '',
        post_id    INTEGER REFERENCES posts(id) ON DELETE SET NULL,
        auto       INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    );
    CREATE INDEX touches_person ON touches(person_id, touched_on);
    CREATE INDEX touches_day ON touches(touched_on);
    CREATE INDEX touches_post ON touches(post_id) WHERE post_id IS NOT NULL;

    CREATE TABLE person_keys (
        key       TEXT NOT NULL,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        PRIMARY KEY (key, person_id)
    ) WITHOUT ROWID;
    CREATE INDEX person_keys_person ON person_keys(person_id);

    CREATE TABLE item_people (
        item_id   INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE
    );
    CREATE INDEX item_people_person ON item_people(person_id);
    ALTER TABLE ranks ADD COLUMN boost REAL NOT NULL DEFAULT 0;
    """,
    # 8: history from the platforms' exports (docs/HISTORY.md) and planned breaks
    # (docs/CADENCE.md, "Planned breaks"). An imported post keeps the platform's own id
    # (external_id) so a re-import adds nothing; `source` says which file it came from
    # ('' for posts logged in Digwell). Engagement (comments, replies to others) is
    # counted apart from posts: it is not a post.
    """
    ALTER TABLE posts ADD COLUMN source TEXT NOT NULL DEFAULT '';
    ALTER TABLE posts ADD COLUMN external_id TEXT;
    CREATE UNIQUE INDEX posts_external ON posts(platform, external_id)
        WHERE external_id IS NOT NULL;
    CREATE INDEX posts_url ON posts(url) WHERE url != '';
    CREATE INDEX posts_theme_time ON posts(theme_id, posted_at);
    -- Seconds since 1970 as an indexed (virtual) column: the report counts ten years of
    -- posts per local day with integer sums instead of parsing every date.
    ALTER TABLE posts ADD COLUMN posted_s INTEGER
        GENERATED ALWAYS AS (CAST(strftime('%s', posted_at) AS INTEGER)) VIRTUAL;
    CREATE INDEX posts_seconds ON posts(posted_s);

    CREATE TABLE engagement (
        id          INTEGER PRIMARY KEY,
        platform    TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('comment', 'reply')),
        at          TEXT NOT NULL,
        url         TEXT NOT NULL DEFAULT '',
        external_id TEXT NOT NULL,
        source      TEXT NOT NULL DEFAULT '',
        UNIQUE (platform, external_id)
    );
    CREATE INDEX engagement_time ON engagement(at);

    CREATE TABLE breaks (
        id        INTEGER PRIMARY KEY,
        starts_on TEXT NOT NULL,
        ends_on   TEXT NOT NULL CHECK (ends_on >= starts_on),
        note      TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX breaks_days ON breaks(starts_on, ends_on);
    """,
)

LATEST_VERSION = len(MIGRATIONS)
