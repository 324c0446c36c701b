#include "core/schema.h"

#include <iterator>
#include <string>

#include "core/errors.h"
#include "core/store.h"

namespace rapport::core::schema {
namespace {

// Version 1: every entity of the planner except topic ideas.
constexpr const char* kStep1 = R"SQL(
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE channels (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    kind            TEXT NOT NULL CHECK (kind IN ('x', 'linkedin', 'facebook', 'instagram',
                        'youtube', 'tiktok', 'blog', 'newsletter', 'podcast', 'forum', 'other')),
    handle          TEXT NOT NULL DEFAULT '',
    char_limit      INTEGER CHECK (char_limit IS NULL OR char_limit > 0),
    daily_cap       INTEGER CHECK (daily_cap IS NULL OR daily_cap > 0),
    preferred_times TEXT NOT NULL DEFAULT ''
);

CREATE TABLE niches (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    topic             TEXT NOT NULL CHECK (length(trim(topic)) > 0),
    who_they_are      TEXT NOT NULL DEFAULT '',
    questions         TEXT NOT NULL DEFAULT '',
    where_they_gather TEXT NOT NULL DEFAULT '',
    unique_text       TEXT NOT NULL DEFAULT '',
    provides          TEXT NOT NULL DEFAULT '',
    draw              TEXT NOT NULL DEFAULT ''
);

CREATE TABLE niche_channels (
    niche_id   INTEGER NOT NULL REFERENCES niches(id) ON DELETE CASCADE,
    channel_id INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    PRIMARY KEY (niche_id, channel_id)
) WITHOUT ROWID;

CREATE TABLE goals (
    id           INTEGER PRIMARY KEY,
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    why          TEXT NOT NULL DEFAULT '',
    metric       TEXT NOT NULL CHECK (metric IN ('relationships', 'conversations', 'conversions',
                     'engagement', 'audience_size', 'custom')),
    baseline     REAL NOT NULL,
    target       REAL NOT NULL CHECK (target <> baseline),
    start_date   TEXT NOT NULL CHECK (date(julianday(start_date)) IS start_date),
    deadline     TEXT NOT NULL CHECK (date(julianday(deadline)) IS deadline AND deadline > start_date),
    niche_id     INTEGER REFERENCES niches(id) ON DELETE SET NULL,
    status       TEXT NOT NULL CHECK (status IN ('active', 'achieved', 'abandoned')),
    manual_value REAL
);

CREATE TABLE campaigns (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    start_date      TEXT CHECK (start_date IS NULL OR date(julianday(start_date)) IS start_date),
    end_date        TEXT CHECK (end_date IS NULL OR (date(julianday(end_date)) IS end_date
                        AND (start_date IS NULL OR end_date >= start_date))),
    mix_preset      TEXT NOT NULL CHECK (mix_preset IN ('80/20', '4-1-1', '5-3-2', 'custom')),
    earn_first      INTEGER NOT NULL CHECK (earn_first >= 0),
    ratio_window    INTEGER NOT NULL CHECK (ratio_window > 0),
    ratio_max_promo INTEGER NOT NULL CHECK (ratio_max_promo >= 0
                        AND ratio_max_promo <= ratio_window),
    status          TEXT NOT NULL CHECK (status IN ('planning', 'running', 'done'))
);

CREATE TABLE campaign_goals (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    goal_id     INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
    PRIMARY KEY (campaign_id, goal_id)
) WITHOUT ROWID;

CREATE TABLE campaign_niches (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    niche_id    INTEGER NOT NULL REFERENCES niches(id) ON DELETE CASCADE,
    PRIMARY KEY (campaign_id, niche_id)
) WITHOUT ROWID;

CREATE TABLE campaign_channels (
    campaign_id    INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    channel_id     INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    posts_per_week INTEGER NOT NULL CHECK (posts_per_week > 0),
    PRIMARY KEY (campaign_id, channel_id)
) WITHOUT ROWID;

CREATE TABLE series (
    id            INTEGER PRIMARY KEY,
    frequency     TEXT NOT NULL CHECK (frequency IN ('weekly', 'every_n_days', 'monthly')),
    weekdays      INTEGER NOT NULL CHECK (weekdays BETWEEN 0 AND 127),
    interval_days INTEGER NOT NULL CHECK (interval_days > 0),
    month_day     INTEGER NOT NULL CHECK (month_day BETWEEN 1 AND 31),
    time_minutes  INTEGER NOT NULL CHECK (time_minutes BETWEEN 0 AND 1439),
    start_date    TEXT NOT NULL CHECK (date(julianday(start_date)) IS start_date),
    end_date      TEXT CHECK (end_date IS NULL OR (date(julianday(end_date)) IS end_date
                      AND end_date >= start_date)),
    count         INTEGER CHECK (count IS NULL OR count > 0)
);

CREATE TABLE posts (
    id              INTEGER PRIMARY KEY,
    title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
    body            TEXT NOT NULL DEFAULT '',
    channel_id      INTEGER NOT NULL REFERENCES channels(id) ON DELETE RESTRICT,
    purpose         TEXT NOT NULL CHECK (purpose IN ('value', 'resource', 'conversation',
                        'promotion', 'affiliate')),
    status          TEXT NOT NULL CHECK (status IN ('idea', 'draft', 'scheduled', 'published',
                        'skipped')),
    scheduled_at    INTEGER,
    campaign_id     INTEGER REFERENCES campaigns(id) ON DELETE SET NULL,
    niche_id        INTEGER REFERENCES niches(id) ON DELETE SET NULL,
    goal_id         INTEGER REFERENCES goals(id) ON DELETE SET NULL,
    link            TEXT NOT NULL DEFAULT '' CHECK (link = '' OR link LIKE 'http://_%'
                        OR link LIKE 'https://_%'),
    comments        INTEGER NOT NULL DEFAULT 0 CHECK (comments >= 0),
    replies         INTEGER NOT NULL DEFAULT 0 CHECK (replies >= 0),
    shares          INTEGER NOT NULL DEFAULT 0 CHECK (shares >= 0),
    clicks          INTEGER NOT NULL DEFAULT 0 CHECK (clicks >= 0),
    conversions     INTEGER NOT NULL DEFAULT 0 CHECK (conversions >= 0),
    series_id       INTEGER REFERENCES series(id) ON DELETE CASCADE,
    occurrence_date TEXT CHECK (occurrence_date IS NULL OR
                        (date(julianday(occurrence_date)) IS occurrence_date
                        AND series_id IS NOT NULL)),
    CHECK (status IN ('idea', 'draft') OR scheduled_at IS NOT NULL)
);
CREATE INDEX posts_by_time ON posts(scheduled_at);
CREATE INDEX posts_by_channel ON posts(channel_id, scheduled_at);
CREATE INDEX posts_by_series ON posts(series_id) WHERE series_id IS NOT NULL;

CREATE TABLE contacts (
    id             INTEGER PRIMARY KEY,
    display_name   TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
    email          TEXT NOT NULL DEFAULT '',
    company        TEXT NOT NULL DEFAULT '',
    role           TEXT NOT NULL DEFAULT '',
    niche_id       INTEGER REFERENCES niches(id) ON DELETE SET NULL,
    stage          TEXT NOT NULL CHECK (stage IN ('looker', 'follower', 'engaged',
                       'relationship', 'customer', 'advocate')),
    cadence_days   INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
    cadence_never  INTEGER NOT NULL DEFAULT 0 CHECK (cadence_never IN (0, 1)
                       AND NOT (cadence_never = 1 AND cadence_days IS NOT NULL)),
    next_follow_up TEXT CHECK (next_follow_up IS NULL OR date(julianday(next_follow_up)) IS next_follow_up),
    snoozed_until  TEXT CHECK (snoozed_until IS NULL OR date(julianday(snoozed_until)) IS snoozed_until),
    notes          TEXT NOT NULL DEFAULT '',
    created_on     TEXT NOT NULL CHECK (date(julianday(created_on)) IS created_on),
    source         TEXT NOT NULL CHECK (source IN ('manual', 'csv', 'vcard', 'json')),
    uid            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contacts_by_name ON contacts(display_name COLLATE NOCASE);
CREATE INDEX contacts_by_email ON contacts(email COLLATE NOCASE) WHERE email <> '';
CREATE INDEX contacts_by_uid ON contacts(uid) WHERE uid <> '';
CREATE INDEX contacts_by_next_follow_up ON contacts(next_follow_up)
    WHERE next_follow_up IS NOT NULL;

CREATE TABLE contact_handles (
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('x', 'linkedin', 'facebook', 'instagram',
                   'youtube', 'tiktok', 'blog', 'newsletter', 'podcast', 'forum', 'other')),
    handle     TEXT NOT NULL CHECK (length(trim(handle)) > 0),
    PRIMARY KEY (contact_id, kind)
) WITHOUT ROWID;
CREATE INDEX handles_by_handle ON contact_handles(kind, handle COLLATE NOCASE);

CREATE TABLE contact_tags (
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    tag        TEXT NOT NULL CHECK (length(trim(tag)) > 0),
    PRIMARY KEY (contact_id, tag)
) WITHOUT ROWID;
CREATE INDEX tags_by_tag ON contact_tags(tag);

CREATE TABLE interactions (
    id         INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    at         INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('comment', 'reply', 'mention', 'direct_message',
                   'email', 'call', 'meeting', 'share', 'purchase', 'referral', 'other')),
    direction  TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    channel_id INTEGER REFERENCES channels(id) ON DELETE SET NULL,
    post_id    INTEGER REFERENCES posts(id) ON DELETE SET NULL,
    note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX interactions_by_contact_time ON interactions(contact_id, at);
CREATE INDEX interactions_by_time ON interactions(at);
CREATE INDEX interactions_by_post ON interactions(post_id) WHERE post_id IS NOT NULL;

CREATE TABLE sequences (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    niche_id    INTEGER REFERENCES niches(id) ON DELETE SET NULL,
    description TEXT NOT NULL DEFAULT '',
    asset_title TEXT NOT NULL DEFAULT '',
    asset_link  TEXT NOT NULL DEFAULT '' CHECK (asset_link = '' OR asset_link LIKE 'http://_%'
                    OR asset_link LIKE 'https://_%'),
    min_inbound INTEGER NOT NULL DEFAULT 2 CHECK (min_inbound >= 0)
);

CREATE TABLE sequence_steps (
    id          INTEGER PRIMARY KEY,
    sequence_id INTEGER NOT NULL REFERENCES sequences(id) ON DELETE CASCADE,
    phase       INTEGER NOT NULL CHECK (phase IN (1, 2)),
    position    INTEGER NOT NULL CHECK (position >= 0),
    action      TEXT NOT NULL CHECK (length(trim(action)) > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('comment', 'reply', 'mention', 'direct_message',
                    'email', 'call', 'meeting', 'share', 'purchase', 'referral', 'other')),
    channel_id  INTEGER REFERENCES channels(id) ON DELETE SET NULL,
    delay_days  INTEGER NOT NULL CHECK (delay_days >= 0),
    UNIQUE (sequence_id, phase, position)
);

CREATE TABLE enrollments (
    id                   INTEGER PRIMARY KEY,
    contact_id           INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    sequence_id          INTEGER NOT NULL REFERENCES sequences(id) ON DELETE CASCADE,
    enrolled_on          TEXT NOT NULL CHECK (date(julianday(enrolled_on)) IS enrolled_on),
    state                TEXT NOT NULL CHECK (state IN ('active', 'waiting', 'qualified',
                             'completed', 'converted', 'exited')),
    current_step_id      INTEGER REFERENCES sequence_steps(id) ON DELETE SET NULL,
    next_due             TEXT CHECK (next_due IS NULL OR date(julianday(next_due)) IS next_due),
    gate_override_reason TEXT NOT NULL DEFAULT '',
    exit_reason          TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX enrollments_one_open ON enrollments(contact_id, sequence_id)
    WHERE state IN ('active', 'waiting', 'qualified');
CREATE INDEX enrollments_by_due ON enrollments(next_due)
    WHERE state IN ('active', 'waiting', 'qualified');
CREATE INDEX enrollments_by_sequence ON enrollments(sequence_id, state);

CREATE TABLE enrollment_steps (
    enrollment_id INTEGER NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
    step_id       INTEGER NOT NULL REFERENCES sequence_steps(id) ON DELETE CASCADE,
    done_on       TEXT NOT NULL CHECK (date(julianday(done_on)) IS done_on),
    skipped       INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
    PRIMARY KEY (enrollment_id, step_id)
) WITHOUT ROWID;
)SQL";

// Version 2: the feedback loop. Topic ideas raised by interactions, answered by posts.
constexpr const char* kStep2 = R"SQL(
CREATE TABLE topic_ideas (
    id       INTEGER PRIMARY KEY,
    title    TEXT NOT NULL CHECK (length(trim(title)) > 0),
    notes    TEXT NOT NULL DEFAULT '',
    niche_id INTEGER REFERENCES niches(id) ON DELETE SET NULL,
    status   TEXT NOT NULL CHECK (status IN ('new', 'planned', 'covered', 'dropped'))
);

CREATE TABLE idea_interactions (
    idea_id        INTEGER NOT NULL REFERENCES topic_ideas(id) ON DELETE CASCADE,
    interaction_id INTEGER NOT NULL REFERENCES interactions(id) ON DELETE CASCADE,
    PRIMARY KEY (idea_id, interaction_id)
) WITHOUT ROWID;
CREATE INDEX idea_interactions_by_interaction ON idea_interactions(interaction_id);

ALTER TABLE posts ADD COLUMN topic_idea_id INTEGER REFERENCES topic_ideas(id)
    ON DELETE SET NULL;
CREATE INDEX posts_by_topic_idea ON posts(topic_idea_id) WHERE topic_idea_id IS NOT NULL;
)SQL";

// Version 3: the calendar. The content-mix advisor reads, per niche, the last posts before the
// visible range; without this index that is a scan of every earlier post.
constexpr const char* kStep3 = R"SQL(
CREATE INDEX posts_by_niche ON posts(niche_id, scheduled_at);
)SQL";

// Version 4: what the follow-up queue and the contact list read for every contact at once,
// kept current by triggers, so that no way of writing (the Store, a restore, a merge, a hand
// edit in sqlite3) can leave it stale.
//  - contacts.last_*: each contact's latest interaction (by time, then id), for the last touch
//    and whether a reply is owed; without it the queue would look up 100,000 latest
//    interactions for every day it shows.
//  - contact_list: one narrow row per contact, in name order, with what the list filters on:
//    stage, niche, and a lower-case text of the name, email, company, handles and tags (line
//    breaks between the parts, so a search never matches across two of them). A search as
//    you type scans it once for the count, and a page in name order stops after its rows.
#define RAPPORT_LATEST_OF(contact)                                                      \
    "(SELECT at, id, direction, kind FROM interactions i WHERE i.contact_id = " contact \
    " ORDER BY at DESC, id DESC LIMIT 1)"
#define RAPPORT_SEARCH_TEXT(contact)                                                        \
    "(SELECT lower(c.display_name || char(10) || c.email || char(10) || c.company || "      \
    "char(10) || coalesce((SELECT group_concat(handle, char(10)) FROM contact_handles h "   \
    "WHERE h.contact_id = c.id), '') || char(10) || coalesce((SELECT group_concat(tag, "    \
    "char(10)) FROM contact_tags t WHERE t.contact_id = c.id), '')) FROM contacts c WHERE " \
    "c.id = " contact ")"
// The coalesce keeps the old text while a deleted contact's handles and tags cascade away.
#define RAPPORT_REFRESH_SEARCH(contact) \
    "UPDATE contact_list SET search = coalesce(" RAPPORT_SEARCH_TEXT(contact) ", search) " \
    "WHERE contact_id = " contact ";"

constexpr const char* kStep4 =
    "ALTER TABLE contacts ADD COLUMN last_at INTEGER;\n"
    "ALTER TABLE contacts ADD COLUMN last_id INTEGER;\n"
    "ALTER TABLE contacts ADD COLUMN last_direction TEXT;\n"
    "ALTER TABLE contacts ADD COLUMN last_kind TEXT;\n"
    "UPDATE contacts SET (last_at, last_id, last_direction, last_kind) = " RAPPORT_LATEST_OF(
        "contacts.id") ";\n"

    "CREATE TRIGGER interactions_touch_insert AFTER INSERT ON interactions BEGIN "
    "UPDATE contacts SET last_at = NEW.at, last_id = NEW.id, last_direction = NEW.direction, "
    "last_kind = NEW.kind WHERE id = NEW.contact_id AND (last_at IS NULL OR last_at < NEW.at "
    "OR (last_at = NEW.at AND last_id < NEW.id)); END;\n"

    "CREATE TRIGGER interactions_touch_delete AFTER DELETE ON interactions BEGIN "
    "UPDATE contacts SET (last_at, last_id, last_direction, last_kind) = " RAPPORT_LATEST_OF(
        "OLD.contact_id") " WHERE id = OLD.contact_id AND last_id = OLD.id; END;\n"

    "CREATE TRIGGER interactions_touch_update AFTER UPDATE OF contact_id, at, kind, direction "
    "ON interactions BEGIN "
    "UPDATE contacts SET (last_at, last_id, last_direction, last_kind) = " RAPPORT_LATEST_OF(
        "contacts.id") " WHERE id IN (OLD.contact_id, NEW.contact_id); END;\n"

    // The follow-up queue finds its candidates through these, so a day costs in proportion
    // to the contacts due, not to the workspace: replies owed by time, default cadences by
    // stage and last touch, the contacts with a cadence of their own.
    "CREATE INDEX contacts_awaiting_reply ON contacts(last_at) "
    "WHERE last_direction = 'inbound';\n"
    "CREATE INDEX contacts_by_stage_touch ON contacts(stage, last_at) "
    "WHERE cadence_days IS NULL AND cadence_never = 0;\n"
    "CREATE INDEX contacts_own_cadence ON contacts(cadence_days) "
    "WHERE cadence_days IS NOT NULL;\n"

    "CREATE TABLE contact_list (\n"
    "    name_key   TEXT NOT NULL,\n"
    "    contact_id INTEGER NOT NULL,\n"
    "    stage      TEXT NOT NULL,\n"
    "    niche_id   INTEGER,\n"
    "    search     TEXT NOT NULL,\n"
    "    PRIMARY KEY (name_key, contact_id)\n"
    ") WITHOUT ROWID;\n"
    "CREATE UNIQUE INDEX contact_list_by_contact ON contact_list(contact_id);\n"
    "INSERT INTO contact_list (name_key, contact_id, stage, niche_id, search) "
    "SELECT lower(k.display_name), k.id, k.stage, k.niche_id, " RAPPORT_SEARCH_TEXT(
        "k.id") " FROM contacts k;\n"

    // One trigger per new contact, not two: an import of 100,000 contacts feels each one. A
    // restore defers foreign keys, so a contact may come after its interactions: the update
    // picks them up.
    "CREATE TRIGGER contacts_list_insert AFTER INSERT ON contacts BEGIN "
    "INSERT INTO contact_list (name_key, contact_id, stage, niche_id, search) VALUES "
    "(lower(NEW.display_name), NEW.id, NEW.stage, NEW.niche_id, " RAPPORT_SEARCH_TEXT(
        "NEW.id") "); "
    "UPDATE contacts SET (last_at, last_id, last_direction, last_kind) = " RAPPORT_LATEST_OF(
        "NEW.id") " WHERE id = NEW.id AND EXISTS (SELECT 1 FROM interactions WHERE contact_id = "
    "NEW.id); END;\n"

    "CREATE TRIGGER contacts_list_update AFTER UPDATE OF display_name, email, company, stage, "
    "niche_id ON contacts WHEN OLD.display_name IS NOT NEW.display_name OR OLD.email IS NOT "
    "NEW.email OR OLD.company IS NOT NEW.company OR OLD.stage IS NOT NEW.stage OR "
    "OLD.niche_id IS NOT NEW.niche_id BEGIN "
    "UPDATE contact_list SET name_key = lower(NEW.display_name), stage = NEW.stage, "
    "niche_id = NEW.niche_id, search = " RAPPORT_SEARCH_TEXT("NEW.id") " WHERE contact_id = "
    "NEW.id; END;\n"

    "CREATE TRIGGER contacts_list_delete AFTER DELETE ON contacts BEGIN "
    "DELETE FROM contact_list WHERE contact_id = OLD.id; END;\n"

    // A new handle or tag is added to the end of the text (a search finds it wherever it is);
    // a removed one makes the text be written again.
    "CREATE TRIGGER handles_list_insert AFTER INSERT ON contact_handles BEGIN "
    "UPDATE contact_list SET search = search || char(10) || lower(NEW.handle) "
    "WHERE contact_id = NEW.contact_id; END;\n"
    "CREATE TRIGGER handles_list_delete AFTER DELETE ON contact_handles BEGIN "
    RAPPORT_REFRESH_SEARCH("OLD.contact_id") " END;\n"
    "CREATE TRIGGER handles_list_update AFTER UPDATE ON contact_handles BEGIN "
    RAPPORT_REFRESH_SEARCH("OLD.contact_id") " " RAPPORT_REFRESH_SEARCH("NEW.contact_id")
    " END;\n"
    "CREATE TRIGGER tags_list_insert AFTER INSERT ON contact_tags BEGIN "
    "UPDATE contact_list SET search = search || char(10) || lower(NEW.tag) "
    "WHERE contact_id = NEW.contact_id; END;\n"
    "CREATE TRIGGER tags_list_delete AFTER DELETE ON contact_tags BEGIN "
    RAPPORT_REFRESH_SEARCH("OLD.contact_id") " END;\n"
    "CREATE TRIGGER tags_list_update AFTER UPDATE ON contact_tags BEGIN "
    RAPPORT_REFRESH_SEARCH("OLD.contact_id") " " RAPPORT_REFRESH_SEARCH("NEW.contact_id")
    " END;\n";

#undef RAPPORT_LATEST_OF
#undef RAPPORT_SEARCH_TEXT
#undef RAPPORT_REFRESH_SEARCH

// Version 5: each contact's stage history, for "contacts by stage over time", and two partial
// indexes for counting interactions over time (below). A contact without history rows has been
// at its current stage since its created date, so adding contacts (an import of 100,000) writes
// nothing here. The first change of stage writes the created date with the stage before it,
// then the local day of the change with the new one (one entry per day: the day's last stage);
// later changes add their day. Triggers keep it, so every way Rapport writes a contact (the
// Store, a merge) leaves a history; a contact's removal removes its history. The day of a change
// is rapport_today(zone), the workspace-local date of the injected clock's now (installed on
// each connection, core/storeclock.h), never the machine's zone and wall clock; a change of
// stage outside Rapport is refused for want of that function. The JSON backup carries the
// history ("stageChanges", docs/workspace-format.md).
constexpr const char* kStep5 =
    "CREATE TABLE stage_changes (\n"
    "    contact_id INTEGER NOT NULL,\n"
    "    changed_on TEXT NOT NULL CHECK (date(julianday(changed_on)) IS changed_on),\n"
    "    stage      TEXT NOT NULL CHECK (stage IN ('looker', 'follower', 'engaged',\n"
    "                   'relationship', 'customer', 'advocate')),\n"
    "    PRIMARY KEY (contact_id, changed_on)\n"
    ") WITHOUT ROWID;\n"
    "CREATE TRIGGER stage_changes_update AFTER UPDATE OF stage ON contacts "
    "WHEN OLD.stage IS NOT NEW.stage BEGIN "
    "INSERT OR IGNORE INTO stage_changes (contact_id, changed_on, stage) "
    "VALUES (NEW.id, OLD.created_on, OLD.stage); "
    "INSERT OR REPLACE INTO stage_changes (contact_id, changed_on, stage) "
    "VALUES (NEW.id, max(NEW.created_on, "
    "rapport_today((SELECT value FROM settings WHERE key = 'time_zone'))), NEW.stage); END;\n"
    "CREATE TRIGGER stage_changes_delete AFTER DELETE ON contacts BEGIN "
    "DELETE FROM stage_changes WHERE contact_id = OLD.id; END;\n"
    // The dashboard's and the review's counts over time read only these, never the table:
    // inbound conversations per week and the conversations goal (half the log), and purchases
    // for the conversions goal (a few rows).
    "CREATE INDEX interactions_inbound_by_time ON interactions(at, contact_id) "
    "WHERE direction = 'inbound';\n"
    "CREATE INDEX interactions_purchases_by_time ON interactions(at, contact_id) "
    "WHERE kind = 'purchase';\n";

// Version 6: the calendar reads every post of a 6-week grid (thousands) for each month it has
// not seen yet. Through posts_by_time each row costs a seek into the table, in no useful order,
// and those seeks were most of a switch to such a month; this index holds the whole row in time
// order, so the read is one sequential range. It costs a second copy of the posts (about two
// thirds more file for 50,000 posts) and a second write per post change; the calendar's
// one-frame switch (issue 4) is worth that. posts_by_time stays for the queries that need
// only the time (counts), which read a far smaller index.
constexpr const char* kStep6 = R"SQL(
CREATE INDEX posts_calendar ON posts(scheduled_at, id, channel_id, purpose, status, campaign_id,
    niche_id, goal_id, series_id, occurrence_date, topic_idea_id, comments, replies, shares,
    clicks, conversions, title, body, link);
)SQL";

// Version 7: the calendar page now holds every post in memory (PostTimeline) and reads the
// file once, so posts_calendar no longer pays for the second copy of every post it keeps. The
// range reads that remain (the command line, exports, the dashboard's week) go through
// posts_by_time again. The pages the index held are free for new rows at once; the file
// itself shrinks only if it is vacuumed, which a migration (one transaction) cannot do.
// IF EXISTS: a file whose index someone dropped by hand still opens.
constexpr const char* kStep7 = R"SQL(
DROP INDEX IF EXISTS posts_calendar;
)SQL";

constexpr const char* kSteps[] = {kStep1, kStep2, kStep3, kStep4, kStep5, kStep6, kStep7};
static_assert(std::size(kSteps) == Store::kSchemaVersion, "one migration step per version");

}  // namespace

int versionOf(sql::Database& db) {
    auto stmt = db.prepare("PRAGMA user_version");
    return stmt.step() ? stmt.int32(0) : 0;
}

void migrate(sql::Database& db, int target) {
    const int from = versionOf(db);
    for (int version = from + 1; version <= target; ++version) {
        sql::Transaction tx{db};
        db.exec(kSteps[version - 1]);
        // PRAGMA takes no bound parameters; the version is our own integer, never user text.
        db.exec("PRAGMA user_version = " + std::to_string(version));
        if (version == 1) {
            db.exec("PRAGMA application_id = " + std::to_string(Store::kApplicationId));
        }
        tx.commit();
    }
}

}  // namespace rapport::core::schema
