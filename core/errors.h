#pragma once
// Typed errors that reach users as one sentence naming the record and the field at fault.

#include <stdexcept>
#include <string>

namespace rapport::core {

/// A record broke a rule of the domain. `record` is like "contact 12" or "new contact";
/// `field` is the field's name as the JSON format spells it.
class ValidationError : public std::runtime_error {
public:
    ValidationError(std::string record, std::string field, const std::string& problem)
        : std::runtime_error(record + ": " + field + " " + problem + "."),
          m_record(std::move(record)),
          m_field(std::move(field)),
          m_problem(problem) {}

    const std::string& record() const { return m_record; }
    const std::string& field() const { return m_field; }
    const std::string& problem() const { return m_problem; }

private:
    std::string m_record;
    std::string m_field;
    std::string m_problem;
};

/// The storage failed (I/O, a broken file, a constraint). The message is a full sentence.
class StorageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A workspace file could not be opened as a workspace; nothing was changed on disk.
class OpenError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A document to import broke the format; `path` is a JSON path like `$.contacts[3].stage`.
class ImportError : public std::runtime_error {
public:
    ImportError(std::string source, std::string path, const std::string& problem)
        : std::runtime_error(source + ": " + (path.empty() ? "" : path + " ") + problem + "."),
          m_source(std::move(source)),
          m_path(std::move(path)) {}

    const std::string& source() const { return m_source; }
    const std::string& path() const { return m_path; }

private:
    std::string m_source;
    std::string m_path;
};

/// The operation would overwrite data the user did not ask to replace; nothing was changed.
class RefusedError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The user cancelled a long operation; whatever it was doing was rolled back.
class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("Cancelled; nothing was changed.") {}
};

}  // namespace rapport::core
