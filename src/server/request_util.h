// Validation shared by the request parsers of the server.
#ifndef VIGIL_SERVER_REQUEST_UTIL_H_
#define VIGIL_SERVER_REQUEST_UTIL_H_

#include <string_view>

#include "vigil/server.h"

namespace vigil {

// True for the FtM schema names a query may use.
bool IsKnownSchema(std::string_view schema);
// Checks the schema and the size of one parsed query; fills `error` (422).
bool ValidateQuery(const Query& query, std::string_view where, const ServerOptions& limits,
                   RequestError* error);

}  // namespace vigil

#endif  // VIGIL_SERVER_REQUEST_UTIL_H_
