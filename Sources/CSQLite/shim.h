#ifndef PARAMEDIC_CSQLITE_SHIM_H
#define PARAMEDIC_CSQLITE_SHIM_H
#include <sqlite3.h>

/* SQLITE_TRANSIENT is a macro that casts -1 to a function pointer: Swift cannot import it.
 * This shim returns it so bound text and blobs are copied by SQLite before the Swift buffer goes away. */
static inline sqlite3_destructor_type paramedic_sqlite_transient(void) { return SQLITE_TRANSIENT; }
#endif
