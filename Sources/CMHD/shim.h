#ifndef PARAMEDIC_CMHD_SHIM_H
#define PARAMEDIC_CMHD_SHIM_H
/*
 * libmicrohttpd for Swift.
 * microhttpd.h needs the socket and stdarg types declared before it is included.
 * MHD_start_daemon is C-variadic and cannot be called from Swift: the HTTP module calls MHD_start_daemon_va
 * inside withVaList instead. MHD_get_daemon_info and MHD_get_connection_info are C-variadic too (Swift does not
 * import them at all), so the three small wrappers below call them with the one form the product needs.
 */
#include <stdarg.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <microhttpd.h>

/* The port the daemon is bound to (it was started with port 0 in tests), or 0 when MHD cannot tell. */
static inline uint16_t paramedic_mhd_bound_port(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info == NULL ? 0 : info->port;
}

/* How many connections the daemon holds open now (for graceful shutdown and tests). */
static inline unsigned int paramedic_mhd_current_connections(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
    return info == NULL ? 0 : info->num_connections;
}

/* The peer's socket address, or NULL. Valid while the connection lives; the caller copies what it needs. */
static inline const struct sockaddr *paramedic_mhd_client_address(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    return info == NULL ? NULL : info->client_addr;
}
#endif
