#pragma once
// Every post of a workspace held in memory in time order, for the calendar: a month of a busy
// workspace is thousands of rows, and reading them from the file costs more than a frame, while
// taking them from memory costs a fraction of one. The timeline reads the posts once, on first
// use, and then follows the store's change announcements: a changed post is read again on its
// own; a change that may touch many posts behind the announcements (a series, niche, campaign,
// goal or topic idea removed, which the schema cascades or clears, a Reset, or a commit by
// another connection) reads everything again on the next use. The workspace's zone is read at
// each use: the posts hold instants, which do not depend on it.
//
// effectivePosts() gives exactly what core::effectivePosts(store, from, to) gives. The timeline
// belongs to the thread of its store, like the store itself; the first read of everything may
// run on a worker through its own connection (read(), then adopt()).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/entities.h"
#include "core/store.h"

namespace rapport::core {

/// Every post and series of a workspace as one connection read them at one moment.
struct PostSnapshot {
    std::vector<Series> series;
    std::vector<Post> posts;
};

class PostTimeline {
public:
    explicit PostTimeline(Store& store);
    PostTimeline(const PostTimeline&) = delete;
    PostTimeline& operator=(const PostTimeline&) = delete;

    /// As core::effectivePosts(store, from, to): every post the local days [from, to] hold, in
    /// time order, series expanded and exceptions in place of their occurrences.
    std::vector<Post> effectivePosts(Date from, Date to);

    /// True once the posts are in memory (changes may wait to be taken in).
    bool isLoaded() const { return m_loaded; }
    /// True when the next use must read every post: never read, or a change touched more than
    /// the announcements name (a Reset, a removal the schema cascades).
    bool needsFullRead() const { return !m_loaded || m_reload; }
    /// True once the posts are in memory and no change announced since waits to be taken in.
    bool isCurrent() const { return m_loaded && !m_reload && m_changed.empty() && !m_seriesStale; }
    /// How many posts are held (templates and exceptions included); loads first if needed.
    std::size_t size();

    /// Reads a snapshot through `connection`: a worker thread's own (Store::openConnection),
    /// so the first read of a large workspace keeps off the GUI thread.
    static PostSnapshot read(Store& connection);
    /// Says a snapshot is about to be read elsewhere, when needsFullRead(), and returns its
    /// ticket (0 when none is needed). From now on every change is noted, so the snapshot can
    /// be brought up to date when it arrives. Call before the worker starts.
    std::uint64_t expectSnapshot();
    /// Takes in the snapshot read for `ticket`; the changes announced since it was asked for
    /// are read again on the next use. Ignored when the ticket is not the newest (a later
    /// snapshot was asked for), or when the timeline has meanwhile read everything itself (it
    /// was needed before the snapshot came).
    void adopt(std::uint64_t ticket, PostSnapshot snapshot);

    /// True, and everything is read on the next use, when another connection (another
    /// process, or a worker) committed to the file since the posts were read: their changes
    /// are not announced to this store. Every use checks this itself; a caller that keeps
    /// results of its own asks, to know they are stale.
    bool changedElsewhere();

private:
    // Where a post sits in time: the calendar's order for stored posts (time, then id).
    struct Key {
        std::int64_t at;
        Id id;
        auto operator<=>(const Key&) const = default;
    };
    // What the timeline keeps of a post, to find it again when it changes.
    struct Place {
        std::optional<Key> timed;  ///< in m_timed
        Id seriesId = 0;           ///< a template or exception of this series
        bool isTemplate = false;
    };

    void onChange(const Change& change);
    /// Notes what `change` means for the posts held; `readEverything` is set when it may have
    /// changed posts the announcements do not name.
    void note(const Change& change, bool& readEverything);
    void bringUpToDate();
    void loadAll();
    void install(PostSnapshot snapshot);
    void take(Post post);
    void forget(Id id);
    /// SQLite's count of commits by other connections, as this connection sees it.
    std::int64_t dataVersion();

    Store& m_store;
    bool m_loaded = false;
    bool m_reload = false;
    bool m_seriesStale = false;
    std::uint64_t m_ticket = 0;          ///< the last snapshot asked for
    std::uint64_t m_expecting = 0;       ///< the snapshot on its way, 0 for none
    bool m_snapshotStale = false;        ///< since it was asked for, many posts may have changed
    std::int64_t m_expectedVersion = 0;  ///< dataVersion() when the snapshot was asked for
    std::int64_t m_readVersion = 0;      ///< dataVersion() of the posts held
    std::unordered_set<Id> m_changed;    ///< posts announced since the last use

    std::vector<Series> m_series;
    std::map<Key, Post> m_timed;                    ///< posts with a time, templates left out
    std::map<Id, std::map<Id, Post>> m_templates;   ///< series → its templates by id
    std::map<Id, std::map<Id, Post>> m_exceptions;  ///< series → its exceptions by id
    std::unordered_map<Id, Place> m_places;
    // Last, so it is released first: no announcement reaches a timeline half destroyed.
    Subscription m_subscription;
};

}  // namespace rapport::core
