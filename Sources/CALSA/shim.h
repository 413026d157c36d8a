#ifndef PARAMEDIC_CALSA_SHIM_H
#define PARAMEDIC_CALSA_SHIM_H
/* ALSA PCM capture. snd_pcm_hw_params_alloca is a macro over alloca: Swift uses snd_pcm_hw_params_malloc/free. */
#include <alsa/asoundlib.h>
#endif
