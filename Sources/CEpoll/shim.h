#ifndef PARAMEDIC_CEPOLL_SHIM_H
#define PARAMEDIC_CEPOLL_SHIM_H
/* Linux epoll (part of glibc, no library to link): Swift's Glibc module does not export <sys/epoll.h>.
   bench-tablets' load generator uses it so that waiting costs per ready connection, not per connection in flight
   as poll(2) does; with the server behind, poll's cost grew with the lag it was measuring. */
#include <sys/epoll.h>
#endif
