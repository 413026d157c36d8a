#ifndef PARAMEDIC_CMHD_SHIM_H
#define PARAMEDIC_CMHD_SHIM_H
/*
 * libmicrohttpd for Swift.
 * microhttpd.h needs the socket and stdarg types declared before it is included.
 * MHD_start_daemon is C-variadic and cannot be called from Swift: the HTTP module calls MHD_start_daemon_va
 * inside withVaList instead, so no shim function is needed for it here.
 */
#include <stdarg.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <microhttpd.h>

/* MHD_HTTP_* status constants are macros Swift imports as Int32; nothing else to shim. */
#endif
