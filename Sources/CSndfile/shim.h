#ifndef PARAMEDIC_CSNDFILE_SHIM_H
#define PARAMEDIC_CSNDFILE_SHIM_H
/* libsndfile. SF_FORMAT_* and SFM_* import as Int: convert with Int32(...). sf_open_virtual takes a struct of
 * C callbacks (SF_VIRTUAL_IO): the Audio module passes non-capturing @convention(c) functions. */
#include <stdio.h>
#include <sndfile.h>
#endif
