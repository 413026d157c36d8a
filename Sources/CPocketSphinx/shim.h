#ifndef PARAMEDIC_CPOCKETSPHINX_SHIM_H
#define PARAMEDIC_CPOCKETSPHINX_SHIM_H
/*
 * PocketSphinx 0.8 / sphinxbase from Debian 12.
 * cmd_ln_init is C-variadic and cannot be called from Swift: the Speech module builds an argv array and calls
 * cmd_ln_parse_r(NULL, ps_args(), argc, argv, 1) instead. The pkg-config cflags add the sphinxbase include dir.
 */
#include <pocketsphinx.h>
#include <sphinxbase/err.h>
#endif
