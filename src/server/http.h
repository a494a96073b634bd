// Includes cpp-httplib the way Debian's libcpp-httplib.so was compiled.
//
// Debian builds the library with OpenSSL, zlib and brotli support, and
// CPPHTTPLIB_OPENSSL_SUPPORT changes the layout of httplib::Request and of
// the client classes. Code that includes <httplib.h> without the same macros
// disagrees with the library about those layouts and corrupts memory (seen as
// a crash destroying a client's Response). Always include this header instead.
#ifndef VIGIL_SERVER_HTTP_H_
#define VIGIL_SERVER_HTTP_H_

#ifndef CPPHTTPLIB_OPENSSL_SUPPORT
#define CPPHTTPLIB_OPENSSL_SUPPORT
#endif
#ifndef CPPHTTPLIB_ZLIB_SUPPORT
#define CPPHTTPLIB_ZLIB_SUPPORT
#endif
#ifndef CPPHTTPLIB_BROTLI_SUPPORT
#define CPPHTTPLIB_BROTLI_SUPPORT
#endif
#include <httplib.h>

#endif  // VIGIL_SERVER_HTTP_H_
