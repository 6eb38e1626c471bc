-- Digwell database at schema version 7: tests/store/test_schema_history.py
PRAGMA user_version = 7;
BEGIN;
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
    , paused        INTEGER NOT NULL DEFAULT 0, paused_reason TEXT NOT NULL DEFAULT '', removed_at    TEXT, failures      INTEGER NOT NULL DEFAULT 0, last_attempt  TEXT, next_fetch_at TEXT, secret_ref    TEXT, auth_kind     TEXT NOT NULL DEFAULT '');
CREATE TABLE feed_themes (
        feed_id  INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
        PRIMARY KEY (feed_id, theme_id)
    );
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
        content_hash TEXT NOT NULL, starred       INTEGER NOT NULL DEFAULT 0, read INTEGER NOT NULL DEFAULT 0, dismissed INTEGER NOT NULL DEFAULT 0,
        UNIQUE (feed_id, key)
    );
CREATE VIRTUAL TABLE items_fts USING fts5(
        title, summary_text, content='items', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );
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
    , planned_for TEXT);
CREATE TABLE draft_items (
        draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
        item_id  INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (draft_id, item_id)
    );
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
CREATE TABLE items_fts_pending (item_id INTEGER PRIMARY KEY);
CREATE TABLE ranks (
        item_id   INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        theme_id  INTEGER NOT NULL,
        rank_key  REAL NOT NULL,
        relevance REAL NOT NULL DEFAULT 0,
        best      INTEGER,
        terms     TEXT NOT NULL DEFAULT '[]',
        read      INTEGER NOT NULL DEFAULT 0,
        dismissed INTEGER NOT NULL DEFAULT 0,
        starred   INTEGER NOT NULL DEFAULT 0, boost REAL NOT NULL DEFAULT 0,
        PRIMARY KEY (item_id, theme_id)
    ) WITHOUT ROWID;
CREATE TABLE unread_counts (theme_id INTEGER PRIMARY KEY, unread INTEGER NOT NULL);
CREATE TABLE circles (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
        ideal_days INTEGER NOT NULL CHECK (ideal_days >= 1),
        max_days   INTEGER NOT NULL CHECK (max_days >= ideal_days),
        position   INTEGER NOT NULL DEFAULT 0
    );
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
CREATE TABLE person_keys (
        key       TEXT NOT NULL,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        PRIMARY KEY (key, person_id)
    ) WITHOUT ROWID;
CREATE TABLE item_people (
        item_id   INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE
    );
DELETE FROM "items_fts_config";
DELETE FROM "items_fts_data";
DELETE FROM "items_fts_docsize";
DELETE FROM "items_fts_idx";
INSERT INTO "circles" VALUES(1,'Close',30,45,0);
INSERT INTO "circles" VALUES(2,'Colleagues',90,120,1);
INSERT INTO "circles" VALUES(3,'Wider',180,365,2);
INSERT INTO "draft_items" VALUES(1,1,0);
INSERT INTO "draft_items" VALUES(2,2,0);
INSERT INTO "draft_items" VALUES(2,1,1);
INSERT INTO "draft_items" VALUES(3,4,0);
INSERT INTO "draft_items" VALUES(5,9,0);
INSERT INTO "drafts" VALUES(1,'Golden paths make Kubernetes boring. Boring is a feature.

#PlatformEngineering','Boring is a feature.','quick-share','linkedin','draft',1,'2026-11-21T08:00:00Z','2026-11-21T08:05:00Z',NULL);
INSERT INTO "drafts" VALUES(2,'This week''s reads:
1. Kubernetes upgrades
2. Golden paths','','weekly-roundup','x','planned',1,'2026-11-20T08:00:00Z','2026-11-20T09:00:00Z',NULL);
INSERT INTO "drafts" VALUES(3,'One-on-ones are the job. Credit to Lead Notes.','They are the job.','credit-the-author','mastodon','posted',2,'2026-11-09T08:00:00Z','2026-11-10T08:00:00Z',NULL);
INSERT INTO "drafts" VALUES(4,'AI governance is a platform problem.','','original-insight','bluesky','archived',3,'2026-10-01T08:00:00Z','2026-10-02T08:00:00Z',NULL);
INSERT INTO "drafts" VALUES(5,'A farewell worth reading.','','quick-share','threads','draft',NULL,'2026-10-02T08:00:00Z','2026-10-02T08:00:00Z',NULL);
INSERT INTO "feed_themes" VALUES(1,1);
INSERT INTO "feed_themes" VALUES(2,2);
INSERT INTO "feed_themes" VALUES(3,1);
INSERT INTO "feed_themes" VALUES(3,3);
INSERT INTO "feed_themes" VALUES(4,3);
INSERT INTO "feeds" VALUES(1,'https://platform.example.org/feed.xml','Platform Weekly','https://platform.example.org/','2026-01-05T09:00:00Z','2026-11-22T07:00:00Z','','"p-41"','Sun, 22 Nov 2026 06:00:00 GMT',0,'',NULL,0,'2026-11-22T07:00:00Z','2026-11-22T08:00:00Z',NULL,'');
INSERT INTO "feeds" VALUES(2,'https://lead.example.org/atom','Lead Notes','https://lead.example.org/','2026-01-05T09:00:00Z','2026-11-22T07:00:00Z','',NULL,NULL,1,'Paused by you.',NULL,0,'2026-11-22T07:00:00Z',NULL,NULL,'');
INSERT INTO "feeds" VALUES(3,'https://intranet.example.com/digest.rss','Team Digest','','2026-01-05T09:00:00Z','2026-11-22T07:00:00Z','',NULL,NULL,0,'',NULL,0,'2026-11-22T07:00:00Z','2026-11-22T08:00:00Z','feed-7c1e2a90','basic');
INSERT INTO "feeds" VALUES(4,'https://flaky.example.net/rss','','','2026-03-01T10:00:00Z',NULL,'The server answered 503 (Service Unavailable); Digwell tries again later.',NULL,NULL,0,'',NULL,3,'2026-11-22T07:00:00Z','2026-11-22T09:00:00Z',NULL,'');
INSERT INTO "feeds" VALUES(5,'https://gone.example.com/feed','Gone Blog','','2026-02-01T10:00:00Z','2026-09-30T07:00:00Z','',NULL,NULL,0,'','2026-10-01T12:00:00Z',0,NULL,NULL,NULL,'');
INSERT INTO "item_people" VALUES(1,1);
INSERT INTO "item_people" VALUES(3,1);
INSERT INTO "item_people" VALUES(5,1);
INSERT INTO "item_people" VALUES(7,1);
INSERT INTO "item_people" VALUES(9,1);
INSERT INTO "items" VALUES(1,1,'urn:item:1','urn:item:1','Golden paths with Kubernetes at scale','https://example.org/posts/1','Sam Rivera','<p>How a paved road made Kubernetes boring, in a good way.</p>','How a paved road made Kubernetes boring, in a good way.','2026-11-20T10:00:00Z','2026-11-20T10:00:00Z','2026-11-20T10:00:00Z','2026-11-20T10:00:00Z','0000000000000000000000000000000000000001',1,0,0);
INSERT INTO "items" VALUES(2,1,'urn:item:2','urn:item:2','Kubernetes upgrades without drama','https://example.org/posts/2','','<p>Blue-green clusters and a calendar.</p>','Blue-green clusters and a calendar.','2026-11-18T10:00:00Z','2026-11-18T10:00:00Z','2026-11-18T10:00:00Z','2026-11-18T10:00:00Z','0000000000000000000000000000000000000002',0,1,0);
INSERT INTO "items" VALUES(3,1,'urn:item:3','urn:item:3','Observability budgets for small teams','https://example.org/posts/3','Sam Rivera','<p>Spend on what pages you at night.</p>','Spend on what pages you at night.','2026-11-22T06:00:00Z','2026-11-22T06:00:00Z','2026-11-22T06:00:00Z','2026-11-22T06:00:00Z','0000000000000000000000000000000000000003',0,0,0);
INSERT INTO "items" VALUES(4,2,'urn:item:4','urn:item:4','Leadership is a one-on-one habit','https://example.org/posts/4','','<p>Weekly, short, about them.</p>','Weekly, short, about them.','2026-11-16T10:00:00Z','2026-11-16T10:00:00Z','2026-11-16T10:00:00Z','2026-11-16T10:00:00Z','0000000000000000000000000000000000000004',0,1,0);
INSERT INTO "items" VALUES(5,3,'urn:item:5','urn:item:5','Model risk under the AI Act, explained','https://example.org/posts/5','Sam Rivera','<p>What changes for teams shipping models.</p>','What changes for teams shipping models.','2026-11-19T10:00:00Z','2026-11-19T10:00:00Z','2026-11-19T10:00:00Z','2026-11-19T10:00:00Z','0000000000000000000000000000000000000005',0,0,1);
INSERT INTO "items" VALUES(6,3,'urn:item:6','urn:item:6','Résumé-driven development considered harmful','https://example.org/posts/6','','<p>Pick the boring tool.</p>','Pick the boring tool.','2026-11-17T10:00:00Z','2026-11-17T10:00:00Z','2026-11-17T10:00:00Z','2026-11-17T10:00:00Z','0000000000000000000000000000000000000006',0,0,0);
INSERT INTO "items" VALUES(7,4,'urn:item:7','urn:item:7','AI Act timelines for engineering teams','https://example.org/posts/7','Sam Rivera','<p>Dates to plan for.</p>','Dates to plan for.',NULL,'2026-11-21T12:00:00Z','2026-11-21T12:00:00Z','2026-11-21T12:00:00Z','0000000000000000000000000000000000000007',0,0,0);
INSERT INTO "items" VALUES(8,1,'urn:item:8','urn:item:8','Sponsored: the only platform you need','https://example.org/posts/8','','<p>Sponsored content about Kubernetes.</p>','Sponsored content about Kubernetes.','2026-11-21T10:00:00Z','2026-11-21T10:00:00Z','2026-11-21T10:00:00Z','2026-11-21T10:00:00Z','0000000000000000000000000000000000000008',0,0,0);
INSERT INTO "items" VALUES(9,5,'urn:item:9','urn:item:9','A farewell post about golden paths','https://example.org/posts/9','Sam Rivera','<p>Thanks for reading.</p>','Thanks for reading.','2026-09-29T10:00:00Z','2026-09-29T10:00:00Z','2026-09-29T10:00:00Z','2026-09-29T10:00:00Z','0000000000000000000000000000000000000009',1,0,0);
INSERT INTO "items" VALUES(10,1,'urn:item:10','urn:item:10','Café chats: mentoring on platform teams','https://example.org/posts/10','','<p>Mentoring newcomers over coffee.</p>','Mentoring newcomers over coffee.','2026-11-22T05:00:00Z','2026-11-22T05:00:00Z','2026-11-22T05:00:00Z','2026-11-22T05:00:00Z','000000000000000000000000000000000000000a',0,0,0);
INSERT INTO "items_fts_config" VALUES('automerge',8);
INSERT INTO "items_fts_config" VALUES('version',4);
INSERT INTO "items_fts_data" VALUES(1,X'072926');
INSERT INTO "items_fts_data" VALUES(10,X'000000010101010001010101');
INSERT INTO "items_fts_data" VALUES(137438953473,X'000002B802306101080101030901060101060202040502020204626F7574040601010404060101040102050202637405020702016905020602026E6402060101050201740102060104626C7565020601010202056F72696E6701060101080506010104010863616C656E6461720206010107020668616E676573050601010302076C757374657273020601010402096F6E73696465726564060205040474656E740806010103010B646576656C6F706D656E74060204020472616D6102020503046976656E06020301096578706C61696E656405020801086661726577656C6C09020302026F72050601010404060101030106676F6C64656E01020208020603026F64010601010B02047265656E0206010103010568616269740402080305726D66756C06020602026F7701060101020102696E0106010109020173040203010A6B756265726E657465730108050101070102020606010105010A6C65616465727368697004020201046D616465010601010602046F64656C050202060173050601010701046E65656408020701026F6E0402060301650404050403026C790802040105706174687301020308020703037665640106010104020369636B060601010202076C6174666F726D08020502036F7374090204010772656164696E670906010104030473756D65060202020369736B05020302036F6164010601010501057363616C65010207020768697070696E67050601010603036F727404060101030208706F6E736F72656408080201010201057465616D730506010105020568616E6B730906010102030165050205010601010302020304016D040601010502036F6F6C06060101050105756E6465720502040207706772616465730202030103776179010601010C020565656B6C79040601010202036861740506010102020369746801020405036F75740202040103796F75080206041413070609060B110F0D0E0E0B1009090E0D0E0E090B0A0A0909061A0F0B0908090707070D0A0A0C080E09080A0A0E0A100C0C0E080A0A0C0A0C0A0808');
INSERT INTO "items_fts_docsize" VALUES(1,X'060B');
INSERT INTO "items_fts_docsize" VALUES(2,X'0406');
INSERT INTO "items_fts_docsize" VALUES(4,X'0704');
INSERT INTO "items_fts_docsize" VALUES(5,X'0706');
INSERT INTO "items_fts_docsize" VALUES(6,X'0504');
INSERT INTO "items_fts_docsize" VALUES(8,X'0604');
INSERT INTO "items_fts_docsize" VALUES(9,X'0603');
INSERT INTO "items_fts_idx" VALUES(1,X'',2);
INSERT INTO "items_fts_pending" VALUES(3);
INSERT INTO "items_fts_pending" VALUES(7);
INSERT INTO "items_fts_pending" VALUES(10);
INSERT INTO "people" VALUES(1,'Sam Rivera','Example Platforms','','','',1,NULL,NULL,'','@samr','','','','','','sam rivera example platforms samr','2026-09-01',NULL,NULL,'2026-11-19','2026-12-19','2027-01-03',1,0);
INSERT INTO "people" VALUES(2,'Noor Haddad','','','','',3,NULL,NULL,'','','','','','','','noor haddad','2026-09-01','2026-11-01',NULL,NULL,'2027-02-28','2027-09-01',0,0);
INSERT INTO "person_keys" VALUES('@samr',1);
INSERT INTO "person_keys" VALUES('n:sam rivera',1);
INSERT INTO "posts" VALUES(1,'2026-09-01T08:00:00Z','linkedin','share','https://social.example/linkedin/1','Post 1, share','https://example.org/posts/1',NULL,1,1);
INSERT INTO "posts" VALUES(2,'2026-09-15T17:30:00Z','x','original','https://social.example/x/2','Post 2, original','',NULL,NULL,3);
INSERT INTO "posts" VALUES(3,'2026-10-06T08:00:00Z','mastodon','credit','https://social.example/mastodon/3','Post 3, credit','',NULL,NULL,2);
INSERT INTO "posts" VALUES(4,'2026-10-20T12:00:00Z','linkedin','help','https://social.example/linkedin/4','Post 4, help','',NULL,NULL,NULL);
INSERT INTO "posts" VALUES(5,'2026-11-03T08:00:00Z','bluesky','share','https://social.example/bluesky/5','Post 5, share','https://example.org/posts/2',NULL,2,1);
INSERT INTO "posts" VALUES(6,'2026-11-10T08:00:00Z','mastodon','credit','https://social.example/mastodon/6','Post 6, credit','https://example.org/posts/4',3,4,2);
INSERT INTO "posts" VALUES(7,'2026-11-17T08:00:00Z','x','original','https://social.example/x/7','Post 7, original','',NULL,NULL,1);
INSERT INTO "posts" VALUES(8,'2026-11-19T08:00:00Z','threads','credit','https://social.example/threads/8','Post 8, credit','',NULL,NULL,3);
INSERT INTO "ranks" VALUES(1,0,3.27313118530438714511e+03,7.89473684210526327476e-01,1,'[["golden path", "title"], ["kubernetes", "title"]]',0,0,1,0.0);
INSERT INTO "ranks" VALUES(1,1,3.27313118530438714511e+03,7.89473684210526327476e-01,1,'[["golden path", "title"], ["kubernetes", "title"]]',0,0,1,0.0);
INSERT INTO "ranks" VALUES(2,0,3.27206858996138907967e+03,0.6,1,'[["kubernetes", "title"]]',1,0,0,0.0);
INSERT INTO "ranks" VALUES(2,1,3.27206858996138907967e+03,0.6,1,'[["kubernetes", "title"]]',1,0,0,0.0);
INSERT INTO "ranks" VALUES(3,0,3.26808333333333348499e+03,0.0,NULL,'[]',0,0,0,0.0);
INSERT INTO "ranks" VALUES(4,0,3.27179785197105366025e+03,7.89473684210526327476e-01,2,'[["one-on-one", "title"], ["leadership", "title"]]',1,0,0,0.0);
INSERT INTO "ranks" VALUES(4,2,3.27179785197105366025e+03,7.89473684210526327476e-01,2,'[["one-on-one", "title"], ["leadership", "title"]]',1,0,0,0.0);
INSERT INTO "ranks" VALUES(5,0,3.2728493822716936848e+03,8.18181818181818232282e-01,3,'[["ai act", "title"], ["model risk", "title"]]',0,1,0,0.0);
INSERT INTO "ranks" VALUES(5,3,3.2728493822716936848e+03,8.18181818181818232282e-01,3,'[["ai act", "title"], ["model risk", "title"]]',0,1,0,0.0);
INSERT INTO "ranks" VALUES(6,0,3.26647222222222217177e+03,0.0,NULL,'[]',0,0,0,0.0);
INSERT INTO "ranks" VALUES(7,0,3.27330281861663479497e+03,6.92307692307692290611e-01,3,'[["ai act", "title"]]',0,0,0,0.0);
INSERT INTO "ranks" VALUES(7,3,3.27330281861663479497e+03,6.92307692307692290611e-01,3,'[["ai act", "title"]]',0,0,0,0.0);
INSERT INTO "ranks" VALUES(8,0,3.26780555555555520192e+03,0.0,NULL,'[]',0,0,0,0.0);
INSERT INTO "ranks" VALUES(9,0,3255.60837417219,6.92307692307692290611e-01,1,'[["golden path", "title"]]',0,0,1,0.0);
INSERT INTO "ranks" VALUES(9,1,3255.60837417219,6.92307692307692290611e-01,1,'[["golden path", "title"]]',0,0,1,0.0);
INSERT INTO "ranks" VALUES(10,0,3.26806944444444479806e+03,0.0,NULL,'[]',0,0,0,0.0);
INSERT INTO "settings" VALUES('scoring','{"version": 1, "half_life_days": 3.0, "themes": [[1, ["kubernetes", "golden path"], ["sponsored"]], [2, ["leadership", "one-on-one"], []], [3, ["ai act", "model risk"], []]]}');
INSERT INTO "settings" VALUES('profile','{"name": "Alex Morgan", "role": "Platform engineer", "goal": "Lead a platform team in fintech within two years", "audience": "Platform engineers and their managers"}');
INSERT INTO "settings" VALUES('weekly_target','3');
INSERT INTO "settings" VALUES('content_mix','{"share": 50, "original": 30, "credit": 20}');
INSERT INTO "settings" VALUES('freshness_half_life_days','3.0');
INSERT INTO "settings" VALUES('strategy_version','1');
INSERT INTO "settings" VALUES('last_platform','"linkedin"');
INSERT INTO "settings" VALUES('last_refresh_at','"2026-11-22T07:00:00Z"');
INSERT INTO "settings" VALUES('refresh_minutes','60');
INSERT INTO "settings" VALUES('mastodon_instance','"hachyderm.io"');
INSERT INTO "settings" VALUES('mastodon_limit','500');
INSERT INTO "settings" VALUES('composer_platforms','["linkedin", "x"]');
INSERT INTO "themes" VALUES(1,'Platform engineering','["kubernetes", "golden path"]','["sponsored"]','["#PlatformEngineering"]','#2f80ed',0);
INSERT INTO "themes" VALUES(2,'Engineering leadership','["leadership", "one-on-one"]','[]','["#Leadership"]','#9b51e0',1);
INSERT INTO "themes" VALUES(3,'AI governance','["ai act", "model risk"]','[]','["#AIGovernance", "#ResponsibleAI"]','#27ae60',2);
INSERT INTO "touches" VALUES(1,1,'credited','2026-11-19','',8,1,'2026-11-19T08:00:00Z');
INSERT INTO "touches" VALUES(2,2,'connected','2024-03-02','LinkedIn',NULL,0,'2026-09-01T08:00:00Z');
INSERT INTO "unread_counts" VALUES(0,7);
INSERT INTO "unread_counts" VALUES(1,2);
INSERT INTO "unread_counts" VALUES(3,1);
CREATE INDEX feed_themes_theme ON feed_themes(theme_id);
CREATE INDEX drafts_updated ON drafts(updated_at DESC);
CREATE INDEX draft_items_item ON draft_items(item_id);
CREATE INDEX posts_time ON posts(posted_at);
CREATE INDEX posts_link ON posts(link);
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
CREATE INDEX ranks_order ON ranks(theme_id, dismissed, rank_key DESC, item_id DESC);
CREATE TRIGGER items_flags AFTER UPDATE OF read, dismissed, starred ON items BEGIN
        UPDATE ranks SET read = new.read, dismissed = new.dismissed, starred = new.starred
        WHERE item_id = new.id;
    END;
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
CREATE INDEX drafts_planned ON drafts(planned_for) WHERE planned_for IS NOT NULL;
CREATE INDEX people_circle ON people(circle_id);
CREATE INDEX people_by_name ON people(name COLLATE NOCASE, id) WHERE archived_at IS NULL;
CREATE INDEX people_due ON people(due_on) WHERE archived_at IS NULL;
CREATE INDEX people_overdue ON people(overdue_on, due_on, id) WHERE archived_at IS NULL;
CREATE INDEX touches_person ON touches(person_id, touched_on);
CREATE INDEX touches_day ON touches(touched_on);
CREATE INDEX touches_post ON touches(post_id) WHERE post_id IS NOT NULL;
CREATE INDEX person_keys_person ON person_keys(person_id);
CREATE INDEX item_people_person ON item_people(person_id);
COMMIT;
