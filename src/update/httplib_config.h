// Includes cpp-httplib with the feature macros Debian's libcpp-httplib was
// built with (see its cpp-httplib.pc: OpenSSL, zlib and Brotli support). The
// macros change the layout of httplib::Client, so every translation unit that
// includes httplib.h must agree with the compiled library; include this header
// instead of <httplib.h>.
#ifndef VIGIL_UPDATE_HTTPLIB_CONFIG_H_
#define VIGIL_UPDATE_HTTPLIB_CONFIG_H_

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

#endif  // VIGIL_UPDATE_HTTPLIB_CONFIG_H_
