// The OpenAPI 3 description served at /openapi.json.
#ifndef VIGIL_SERVER_OPENAPI_H_
#define VIGIL_SERVER_OPENAPI_H_

#include <string>

namespace vigil::server {

// The document as JSON text (built once).
const std::string& OpenApiJson();

}  // namespace vigil::server

#endif  // VIGIL_SERVER_OPENAPI_H_
