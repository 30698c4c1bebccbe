#ifndef STUDYCIRCLE_COPENSSL_SHIM_H
#define STUDYCIRCLE_COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>
#include <openssl/sha.h>
#include <openssl/err.h>
#include <pthread.h>
#include <string.h>

/* SHA-256 and HMAC-SHA-256 for SigV4 signing, which runs once per request and must be cheap.
   OpenSSL 3 looks up ("fetches") the algorithm's provider on every EVP_sha256() digest unless it
   is given an explicitly fetched EVP_MD, and allocates a context per one-shot call; so the
   algorithm is fetched once and each thread keeps one reusable digest context. */
typedef struct sc_sha256_state {
    pthread_once_t once;
    EVP_MD *md;
    pthread_key_t key;
} sc_sha256_state;

/* Function-local static: header-level statics are not reliably emitted by Swift's C importer. */
static inline sc_sha256_state *sc_sha256_shared(void) {
    static sc_sha256_state state = { PTHREAD_ONCE_INIT, NULL, 0 };
    return &state;
}

static void sc_sha256_ctx_free(void *ctx) { EVP_MD_CTX_free((EVP_MD_CTX *)ctx); }
static void sc_sha256_fetch(void) {
    sc_sha256_state *st = sc_sha256_shared();
    st->md = EVP_MD_fetch(NULL, "SHA256", NULL);
    /* The per-thread context is freed when its thread exits. */
    if (pthread_key_create(&st->key, sc_sha256_ctx_free) != 0) { EVP_MD_free(st->md); st->md = NULL; }
}

static inline EVP_MD_CTX *sc_sha256_begin(void) {
    sc_sha256_state *st = sc_sha256_shared();
    pthread_once(&st->once, sc_sha256_fetch);
    if (!st->md) return NULL;
    EVP_MD_CTX *ctx = (EVP_MD_CTX *)pthread_getspecific(st->key);
    if (!ctx) {
        ctx = EVP_MD_CTX_new();
        if (!ctx) return NULL;
        if (pthread_setspecific(st->key, ctx) != 0) { EVP_MD_CTX_free(ctx); return NULL; }
    }
    if (EVP_DigestInit_ex2(ctx, st->md, NULL) != 1) return NULL;
    return ctx;
}

/* out must hold 32 bytes. Returns 1 on success, 0 on failure. */
static inline int sc_sha256(const void *data, size_t len, unsigned char *out) {
    EVP_MD_CTX *ctx = sc_sha256_begin();
    if (!ctx) return 0;
    unsigned int n = 0;
    if (EVP_DigestUpdate(ctx, data, len) != 1) return 0;
    return EVP_DigestFinal_ex(ctx, out, &n) == 1 && n == 32;
}

/* HMAC-SHA-256 (RFC 2104) on the digest above. out must hold 32 bytes. Returns 1 on success. */
static inline int sc_hmac_sha256(const void *key, size_t keylen, const void *data, size_t len, unsigned char *out) {
    unsigned char k[64], pad[64], inner[32];
    unsigned int n = 0;
    memset(k, 0, sizeof k);
    if (keylen > 64) {
        if (!sc_sha256(key, keylen, k)) return 0;
    } else if (keylen > 0) {
        memcpy(k, key, keylen);
    }
    EVP_MD_CTX *ctx = sc_sha256_begin();
    if (!ctx) return 0;
    for (int i = 0; i < 64; i++) pad[i] = k[i] ^ 0x36;
    if (EVP_DigestUpdate(ctx, pad, 64) != 1 || EVP_DigestUpdate(ctx, data, len) != 1) return 0;
    if (EVP_DigestFinal_ex(ctx, inner, &n) != 1) return 0;
    if (EVP_DigestInit_ex2(ctx, sc_sha256_shared()->md, NULL) != 1) return 0;
    for (int i = 0; i < 64; i++) pad[i] = k[i] ^ 0x5c;
    if (EVP_DigestUpdate(ctx, pad, 64) != 1 || EVP_DigestUpdate(ctx, inner, 32) != 1) return 0;
    return EVP_DigestFinal_ex(ctx, out, &n) == 1 && n == 32;
}
#endif
