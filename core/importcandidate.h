#pragma once
// One contact as a file to import states it, before it is matched against the workspace: the
// common ground of the CSV and vCard readers and of ContactImport.

#include <cstddef>
#include <string>
#include <vector>

#include "core/entities.h"

namespace rapport::core {

/// A row of a CSV file or a card of a vCard file, read into a contact.
struct ImportCandidate {
    std::size_t line = 0;  ///< the line of the file where the row or card begins
    Contact contact;       ///< what the file says; id 0, createdOn unset unless the file says
    bool hasCreatedOn = false;
    std::string nicheName;              ///< a niche named by the file, found by name at preview
    std::vector<std::string> problems;  ///< why it cannot be imported; empty when it can
    std::vector<std::string> warnings;  ///< imported, but worth saying (Latin-1 converted...)
};

}  // namespace rapport::core
