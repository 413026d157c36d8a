#ifndef PARAMEDIC_CLINUX_SHIM_H
#define PARAMEDIC_CLINUX_SHIM_H
/*
 * Linux system calls that Swift's Glibc module does not export.
 * syncfs(2) is declared by <unistd.h> only under _GNU_SOURCE, which the Glibc module is not built with; this
 * wrapper declares it here. It flushes every dirty file of one file system in a single call (group commit of the
 * recordings' appends), and since Linux 5.8 reports write-back errors.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <unistd.h>

static inline int paramedic_syncfs(int fd) { return syncfs(fd); }
#endif
