#include "core/store.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "core/errors.h"
#include "core/schema.h"
#include "core/storeclock.h"
#include "core/tables.h"
#include "core/timeutil.h"
#include "core/validation.h"

namespace rapport::core {

namespace fs = std::filesystem;

struct Store::Listeners {
    std::mutex mutex;
    std::uint64_t nextKey = 1;
    std::vector<std::pair<std::uint64_t, std::function<void(const Change&)>>> entries;
};

namespace {

constexpr std::array<char, 16> kSqliteMagic = {'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f',
                                               'o', 'r', 'm', 'a', 't', ' ', '3', '\0'};

std::uint32_t bigEndian(const unsigned char* p, int bytes) {
    std::uint32_t v = 0;
    for (int i = 0; i < bytes; ++i) {
        v = (v << 8) | p[i];
    }
    return v;
}

// Reads the file's header and refuses anything that is not a whole SQLite database, without
// opening it through SQLite (which could try to recover a journal and so write to it).
void checkHeader(const std::string& path, std::uintmax_t size) {
    std::ifstream in{path, std::ios::binary};
    if (!in) {
        throw OpenError("Cannot read " + path + ": " + std::strerror(errno) + ".");
    }
    std::array<unsigned char, 100> header{};
    in.read(reinterpret_cast<char*>(header.data()), header.size());
    if (in.gcount() < 100 || std::memcmp(header.data(), kSqliteMagic.data(), 16) != 0) {
        throw OpenError(path +
                        " is not a Rapport workspace: it is not an SQLite database. "
                        "It was left as it was.");
    }
    std::uint32_t pageSize = bigEndian(&header[16], 2);
    if (pageSize == 1) {
        pageSize = 65536;
    }
    const std::uint32_t pages = bigEndian(&header[28], 4);
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0) {
        throw OpenError(path +
                        " is damaged: its header names an impossible page size. "
                        "It was left as it was.");
    }
    if (pages > 0 && static_cast<std::uintmax_t>(pages) * pageSize > size) {
        throw OpenError(path + " is damaged: it is truncated (" + std::to_string(size) +
                        " bytes of " + std::to_string(std::uintmax_t{pages} * pageSize) +
                        "). It was left as it was.");
    }
}

// Looks inside an existing file, read-only, and says whether it is ours and how old.
int inspectExisting(const std::string& path) {
    sql::Database db{path, sql::Database::Mode::ReadOnly};
    try {
        auto check = db.prepare("PRAGMA quick_check");
        if (!check.step() || check.text(0) != "ok") {
            throw OpenError(path + " is damaged: SQLite's integrity check failed (" +
                            check.text(0) + "). It was left as it was.");
        }
    } catch (const StorageError& e) {
        throw OpenError(path + " is damaged and cannot be read (" + e.what() +
                        ") It was left as it was.");
    }
    auto appId = db.prepare("PRAGMA application_id");
    const auto id = appId.step() ? appId.integer(0) : 0;
    const int version = schema::versionOf(db);
    auto tables = db.prepare("SELECT count(*) FROM sqlite_schema");
    const auto objects = tables.step() ? tables.integer(0) : 0;
    if (id != Store::kApplicationId && !(id == 0 && objects == 0)) {
        throw OpenError(path +
                        " is an SQLite database of another program, not a Rapport "
                        "workspace. It was left as it was.");
    }
    if (version > Store::kSchemaVersion) {
        throw OpenError(path + " was written by a newer Rapport (schema version " +
                        std::to_string(version) + "; this Rapport reads up to version " +
                        std::to_string(Store::kSchemaVersion) + "). It was left as it was.");
    }
    return version;
}

void configure(sql::Database& db, bool onDisk) {
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA busy_timeout = 5000");
    // SQLite's default page cache is 2 MB; the follow-up queue and the contact list read tens
    // of megabytes of a large workspace per query, which would otherwise come back through a
    // system call per page each time.
    db.exec("PRAGMA cache_size = -65536");
    // The stage history's trigger dates a change with rapport_today(); the system clock until
    // useClock() (core/storeclock.h) says otherwise.
    installSqlClock(db);
    if (onDisk) {
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = NORMAL");
    }
}

}  // namespace

std::unique_ptr<Store> Store::open(const std::string& path) {
    const fs::path file{path};
    const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path{"."};
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        throw OpenError("Cannot open " + path + ": the folder " + folder.string() +
                        (fs::exists(folder, ec) ? " is not a folder." : " does not exist."));
    }
    const bool exists = fs::exists(file, ec);
    if (exists && !fs::is_regular_file(file, ec)) {
        throw OpenError("Cannot open " + path + ": it is not a file.");
    }
    const auto size = exists ? fs::file_size(file, ec) : 0;
    if (!exists || size == 0) {
        if (::access(folder.c_str(), W_OK | X_OK) != 0) {
            throw OpenError("Cannot create " + path + ": the folder " + folder.string() +
                            " is not writable (" + std::strerror(errno) + ").");
        }
    } else {
        checkHeader(path, size);
        inspectExisting(path);
        if (::access(path.c_str(), W_OK) != 0 || ::access(folder.c_str(), W_OK | X_OK) != 0) {
            throw OpenError("Cannot open " + path + " for writing (" + std::strerror(errno) +
                            "); Rapport needs to write the file and its folder.");
        }
    }

    std::unique_ptr<sql::Database> db;
    try {
        db = std::make_unique<sql::Database>(path, sql::Database::Mode::Create);
        configure(*db, true);
        const bool fresh = schema::versionOf(*db) == 0;
        schema::migrate(*db, kSchemaVersion);
        std::unique_ptr<Store> store{new Store(std::move(db), path)};
        if (fresh) {
            store->setInfo({fs::path{path}.stem().string(), systemTimeZone()});
        }
        return store;
    } catch (const StorageError& e) {
        db.reset();
        if (!exists) {
            fs::remove(file, ec);
            fs::remove(path + "-wal", ec);
            fs::remove(path + "-shm", ec);
        }
        throw OpenError(std::string{"Cannot open "} + path + ": " + e.what());
    }
}

std::unique_ptr<Store> Store::openConnection(const std::string& path) {
    try {
        auto db = std::make_unique<sql::Database>(path, sql::Database::Mode::ReadWrite);
        configure(*db, true);
        if (schema::versionOf(*db) != kSchemaVersion) {
            throw OpenError("Cannot open another connection to " + path +
                            ": it is not at this Rapport's schema version.");
        }
        return std::unique_ptr<Store>{new Store(std::move(db), path)};
    } catch (const StorageError& e) {
        throw OpenError(std::string{"Cannot open "} + path + ": " + e.what());
    }
}

std::unique_ptr<Store> Store::openInMemory() {
    auto db = std::make_unique<sql::Database>(":memory:", sql::Database::Mode::Create);
    configure(*db, false);
    schema::migrate(*db, kSchemaVersion);
    std::unique_ptr<Store> store{new Store(std::move(db), ":memory:")};
    store->setInfo({"In memory", "UTC"});
    return store;
}

Store::Store(std::unique_ptr<sql::Database> db, std::string path)
    : m_db(std::move(db)), m_path(std::move(path)), m_listeners(std::make_shared<Listeners>()) {}

Store::~Store() = default;

int Store::schemaVersion() {
    return schema::versionOf(*m_db);
}

WorkspaceInfo Store::info() {
    WorkspaceInfo info;
    auto s = m_db->prepare("SELECT key, value FROM settings WHERE key IN ('name', 'time_zone')");
    while (s.step()) {
        (s.text(0) == "name" ? info.name : info.timeZone) = s.text(1);
    }
    if (info.timeZone.empty()) {
        info.timeZone = "UTC";
    }
    return info;
}

void Store::setInfo(const WorkspaceInfo& info) {
    if (!isKnownTimeZone(info.timeZone)) {
        throw ValidationError("workspace", "timeZone",
                              "is not a known IANA time zone (\"" + info.timeZone + "\")");
    }
    transaction([&] {
        for (const auto& [key, value] :
             {std::pair<const char*, const std::string&>{"name", info.name},
              {"time_zone", info.timeZone}}) {
            auto s = m_db->prepare(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
            s.bind(1, key).bind(2, value).run();
        }
        announce({Entity::Workspace, ChangeKind::Updated, 0});
    });
}

bool Store::isEmpty() {
    auto s = m_db->prepare(
        "SELECT (SELECT count(*) FROM channels) + (SELECT count(*) FROM niches) + "
        "(SELECT count(*) FROM goals) + (SELECT count(*) FROM campaigns) + "
        "(SELECT count(*) FROM series) + (SELECT count(*) FROM posts) + "
        "(SELECT count(*) FROM contacts) + (SELECT count(*) FROM sequences) + "
        "(SELECT count(*) FROM topic_ideas)");
    return s.step() && s.integer(0) == 0;
}

void Store::transaction(const std::function<void()>& fn) {
    sql::Transaction tx{*m_db};
    const auto pendingBefore = m_pending.size();
    ++m_depth;
    try {
        fn();
    } catch (...) {
        --m_depth;
        m_pending.resize(pendingBefore);
        throw;
    }
    --m_depth;
    tx.commit();
    if (m_depth == 0) {
        flush();
    }
}

Subscription Store::subscribe(std::function<void(const Change&)> listener) {
    std::lock_guard lock{m_listeners->mutex};
    const auto key = m_listeners->nextKey++;
    m_listeners->entries.emplace_back(key, std::move(listener));
    std::weak_ptr<Listeners> weak = m_listeners;
    return Subscription{[weak, key] {
        if (auto listeners = weak.lock()) {
            std::lock_guard inner{listeners->mutex};
            std::erase_if(listeners->entries, [key](const auto& e) { return e.first == key; });
        }
    }};
}

void Store::announceExternalChange() {
    bulkTransaction([] {});
}

void Store::bulkTransaction(const std::function<void()>& fn) {
    ++m_bulkDepth;
    try {
        transaction([&] {
            fn();
            for (int e = 0; e <= static_cast<int>(Entity::Workspace); ++e) {
                m_pending.push_back({static_cast<Entity>(e), ChangeKind::Reset, 0});
            }
        });
    } catch (...) {
        --m_bulkDepth;
        throw;
    }
    --m_bulkDepth;
}

void Store::announce(const Change& change) {
    if (m_bulkDepth == 0) {
        m_pending.push_back(change);
    }
}

void Store::flush() {
    auto changes = std::exchange(m_pending, {});
    if (changes.empty()) {
        return;
    }
    decltype(m_listeners->entries) listeners;
    {
        std::lock_guard lock{m_listeners->mutex};
        listeners = m_listeners->entries;
    }
    for (const auto& change : changes) {
        for (const auto& entry : listeners) {
            entry.second(change);
        }
    }
}

// ---- records ----------------------------------------------------------------------------------

namespace {

[[noreturn]] void notFound(Entity entity, Id id) {
    throw ValidationError(recordLabel(entity, id), "id", "does not exist in this workspace");
}

void checkUniqueName(sql::Database& db, const char* query, Entity entity, Id id,
                     const std::string& name) {
    auto s = db.prepare(query);
    s.bind(1, name).bind(2, id);
    if (s.step()) {
        throw ValidationError(
            recordLabel(entity, id), "name",
            "\"" + name + "\" is already used by " + recordLabel(entity, s.integer(0)));
    }
}

bool stepOfSequence(sql::Database& db, Id sequence, Id step) {
    auto s = db.prepare("SELECT 1 FROM sequence_steps WHERE id = ?1 AND sequence_id = ?2");
    s.bind(1, step).bind(2, sequence);
    return s.step();
}

// Rules that need the rest of the workspace beyond plain references.
template <class T>
void checkAgainstWorkspace(sql::Database&, const T&) {}

template <>
void checkAgainstWorkspace(sql::Database& db, const Channel& c) {
    checkUniqueName(db, "SELECT id FROM channels WHERE name = ?1 AND id <> ?2", Entity::Channel,
                    c.id, c.name);
}

template <>
void checkAgainstWorkspace(sql::Database& db, const Niche& n) {
    checkUniqueName(db, "SELECT id FROM niches WHERE name = ?1 AND id <> ?2", Entity::Niche, n.id,
                    n.name);
}

template <>
void checkAgainstWorkspace(sql::Database& db, const Enrollment& e) {
    const auto label = recordLabel(Entity::Enrollment, e.id);
    if (e.currentStepId && !stepOfSequence(db, e.sequenceId, *e.currentStepId)) {
        throw ValidationError(label, "currentStep",
                              "is not a step of sequence " + std::to_string(e.sequenceId));
    }
    for (std::size_t i = 0; i < e.stepsDone.size(); ++i) {
        if (!stepOfSequence(db, e.sequenceId, e.stepsDone[i].stepId)) {
            throw ValidationError(label, "stepsDone[" + std::to_string(i) + "].step",
                                  "is not a step of sequence " + std::to_string(e.sequenceId));
        }
    }
    if (e.isOpen()) {
        auto s = db.prepare(
            "SELECT id FROM enrollments WHERE contact_id = ?1 AND sequence_id = ?2 AND id <> ?3 "
            "AND state IN ('active', 'waiting', 'qualified')");
        s.bind(1, e.contactId).bind(2, e.sequenceId).bind(3, e.id);
        if (s.step()) {
            throw ValidationError(label, "contact",
                                  "already has an open enrollment in this sequence (enrollment " +
                                      std::to_string(s.integer(0)) + ")");
        }
    }
}

// Deleting a channel that posts use would orphan them; say so instead of failing in SQL.
template <class T>
void checkRemovable(sql::Database&, Id) {}

template <>
void checkRemovable<Channel>(sql::Database& db, Id id) {
    auto s = db.prepare("SELECT count(*) FROM posts WHERE channel_id = ?1");
    s.bind(1, id);
    if (s.step() && s.integer(0) > 0) {
        throw ValidationError(
            recordLabel(Entity::Channel, id), "id",
            "still has " + std::to_string(s.integer(0)) + " posts; move or delete them first");
    }
}

}  // namespace

template <class T>
void Store::checkReferences(const T& record) {
    for (const auto& ref : references(record)) {
        if (!rowExists(*m_db, ref.target, ref.id)) {
            throw ValidationError(
                recordLabel(Table<T>::entity, record.id), ref.field,
                "refers to " + recordLabel(ref.target, ref.id) + ", which does not exist");
        }
    }
    checkAgainstWorkspace(*m_db, record);
}

template <class T>
Id Store::add(T& record) {
    validate(record);
    transaction([&] {
        checkReferences(record);
        if (record.id != 0 && rowExists(*m_db, Table<T>::entity, record.id)) {
            throw ValidationError(recordLabel(Table<T>::entity, record.id), "id",
                                  "is already taken");
        }
        Table<T>::insert(*m_db, record);
        announce({Table<T>::entity, ChangeKind::Added, record.id});
    });
    return record.id;
}

template <class T>
void Store::update(const T& record) {
    validate(record);
    transaction([&] {
        checkReferences(record);
        if (!Table<T>::update(*m_db, record)) {
            notFound(Table<T>::entity, record.id);
        }
        announce({Table<T>::entity, ChangeKind::Updated, record.id});
    });
}

template <class T>
void Store::remove(Id id) {
    transaction([&] {
        checkRemovable<T>(*m_db, id);
        if (!Table<T>::remove(*m_db, id)) {
            notFound(Table<T>::entity, id);
        }
        announce({Table<T>::entity, ChangeKind::Removed, id});
    });
}

template <class T>
std::optional<T> Store::find(Id id) {
    return Table<T>::find(*m_db, id);
}

template <class T>
T Store::get(Id id) {
    auto found = Table<T>::find(*m_db, id);
    if (!found) {
        notFound(Table<T>::entity, id);
    }
    return std::move(*found);
}

template <class T>
std::vector<T> Store::list() {
    return Table<T>::list(*m_db);
}

template <class T>
std::int64_t Store::count() {
    return Table<T>::count(*m_db);
}

#define RAPPORT_INSTANTIATE(T)                    \
    template Id Store::add<T>(T&);                \
    template void Store::update<T>(const T&);     \
    template void Store::remove<T>(Id);           \
    template std::optional<T> Store::find<T>(Id); \
    template T Store::get<T>(Id);                 \
    template std::vector<T> Store::list<T>();     \
    template std::int64_t Store::count<T>();

RAPPORT_INSTANTIATE(Channel)
RAPPORT_INSTANTIATE(Niche)
RAPPORT_INSTANTIATE(Goal)
RAPPORT_INSTANTIATE(Campaign)
RAPPORT_INSTANTIATE(Series)
RAPPORT_INSTANTIATE(Post)
RAPPORT_INSTANTIATE(Contact)
RAPPORT_INSTANTIATE(Interaction)
RAPPORT_INSTANTIATE(Sequence)
RAPPORT_INSTANTIATE(Enrollment)
RAPPORT_INSTANTIATE(TopicIdea)

#undef RAPPORT_INSTANTIATE

}  // namespace rapport::core
