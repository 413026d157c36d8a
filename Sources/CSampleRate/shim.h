#ifndef PARAMEDIC_CSAMPLERATE_SHIM_H
#define PARAMEDIC_CSAMPLERATE_SHIM_H
/* libsamplerate (Secret Rabbit Code): src_new/src_process/src_delete for streaming resampling to 16 kHz. */
#include <samplerate.h>
#endif
