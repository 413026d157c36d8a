#ifndef PARAMEDIC_CCRYPTO_SHIM_H
#define PARAMEDIC_CCRYPTO_SHIM_H
/*
 * OpenSSL 3 libcrypto for Swift: EVP_MAC (HMAC), EVP_CIPHER (AES-256-GCM, AES key wrap), EVP_PBE_scrypt,
 * RAND_bytes, EVP_Digest (SHA-256), CRYPTO_memcmp.
 */
#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/kdf.h>

/* OSSL_PARAM_construct_* are functions already; EVP_CTRL_GCM_* are plain macros Swift imports.
 * EVP_CIPHER_CTX_set_flags needs EVP_CIPHER_CTX_FLAG_WRAP_ALLOW, a macro: imported as Int32. */
#endif
