#pragma once
// Store: one open workspace file. Create, read, update, delete and list every record of the
// domain, each write in a transaction, with change notifications delivered after commit.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/entities.h"
#include "core/sqlite.h"

namespace rapport::core {

/// The kinds of record, for change notifications and error messages.
enum class Entity {
    Channel,
    Niche,
    Goal,
    Campaign,
    Series,
    Post,
    Contact,
    Interaction,
    Sequence,
    Enrollment,
    TopicIdea,
    Workspace
};

enum class ChangeKind {
    Added,    ///< a record was inserted
    Updated,  ///< a record's fields changed
    Removed,  ///< a record was deleted
    Reset     ///< many records of this kind changed at once: read them again
};

struct Change {
    Entity entity;
    ChangeKind kind;
    Id id = 0;  ///< 0 for Reset
    bool operator==(const Change&) const = default;
};

/// Keeps a change listener registered while it lives.
class Subscription {
public:
    Subscription() = default;
    explicit Subscription(std::function<void()> release) : m_release(std::move(release)) {}
    Subscription(Subscription&& o) noexcept : m_release(std::exchange(o.m_release, nullptr)) {}
    Subscription& operator=(Subscription&& o) noexcept {
        reset();
        m_release = std::exchange(o.m_release, nullptr);
        return *this;
    }
    ~Subscription() { reset(); }
    void reset() {
        if (m_release) {
            std::exchange(m_release, nullptr)();
        }
    }

private:
    std::function<void()> m_release;
};

/// The record type of each Entity, for templates.
template <class T>
struct EntityOf;

class Store {
public:
    /// Rapport's schema version, written in each workspace file.
    static constexpr int kSchemaVersion = 7;
    /// SQLite's application_id for Rapport files ("RPPT").
    static constexpr std::int32_t kApplicationId = 0x52505054;

    /// Opens a workspace file, creating it (empty, with the schema) when it does not exist.
    /// Throws OpenError with a sentence naming the file; a file it cannot read as a workspace,
    /// or one from a newer version, is left exactly as it was.
    static std::unique_ptr<Store> open(const std::string& path);
    /// Another connection to a workspace file this process has already opened with open(),
    /// for a worker thread that reads beside the GUI's connection: no integrity check and no
    /// migration (open() did both), so it takes milliseconds, not seconds, on a large file.
    /// Throws OpenError when the file is not at this Rapport's schema version.
    static std::unique_ptr<Store> openConnection(const std::string& path);
    /// A private workspace in memory; for tests and scratch work.
    static std::unique_ptr<Store> openInMemory();

    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    const std::string& path() const { return m_path; }
    int schemaVersion();

    WorkspaceInfo info();
    void setInfo(const WorkspaceInfo& info);
    /// The workspace's IANA time zone, in which local dates and times are taken.
    std::string timeZone() { return info().timeZone; }

    /// True when the workspace holds no records at all (settings aside).
    bool isEmpty();

    // Records. add() validates, inserts, and sets the record's id (a non-zero id is kept, which
    // restore relies on); update() validates and replaces; remove() deletes. Validation errors
    // are ValidationError naming the record and field; a missing record is a ValidationError on
    // field "id".
    template <class T>
    Id add(T& record);
    template <class T>
    void update(const T& record);
    template <class T>
    void remove(Id id);
    template <class T>
    std::optional<T> find(Id id);
    template <class T>
    T get(Id id);
    template <class T>
    std::vector<T> list();
    template <class T>
    std::int64_t count();

    /// Runs `fn` in one transaction; its changes are announced only once it commits.
    void transaction(const std::function<void()>& fn);
    /// Like transaction(), for work on many records at once (restore, import): instead of one
    /// announcement per record, listeners hear one Reset per kind of record.
    void bulkTransaction(const std::function<void()>& fn);

    /// Tells every listener to read everything again: another connection (a restore running on
    /// a worker thread) changed the file behind this one's back.
    void announceExternalChange();

    /// Listens to changes; the listener runs on the thread that made the change, after commit.
    Subscription subscribe(std::function<void(const Change&)> listener);

    /// The connection, for services that run their own read queries.
    sql::Database& db() { return *m_db; }

private:
    explicit Store(std::unique_ptr<sql::Database> db, std::string path);
    template <class T>
    void checkReferences(const T& record);
    void announce(const Change& change);
    void flush();

    struct Listeners;
    std::unique_ptr<sql::Database> m_db;
    std::string m_path;
    std::shared_ptr<Listeners> m_listeners;
    std::vector<Change> m_pending;
    int m_depth = 0;
    int m_bulkDepth = 0;
};

}  // namespace rapport::core
