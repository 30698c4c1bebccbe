#ifndef STUDYCIRCLE_COPENSSL_SHIM_H
#define STUDYCIRCLE_COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>
#include <openssl/sha.h>
#include <openssl/err.h>
#include <dlfcn.h>
#include <pthread.h>
#include <string.h>

/* libcrypto is loaded with dlopen the first time a digest, password hash or random salt is
   needed, not at start: the app's start on the embedded database uses none, and a linked
   libcrypto costs its relocations and some 1.4 MB resident in every process (issue 13).
   Only the headers are used at build time; the functions are reached through this table. */
typedef struct sc_crypto_api_t {
    EVP_MD *(*md_fetch)(OSSL_LIB_CTX *, const char *, const char *);
    void (*md_free)(EVP_MD *);
    EVP_MD_CTX *(*ctx_new)(void);
    void (*ctx_free)(EVP_MD_CTX *);
    int (*digest_init_ex2)(EVP_MD_CTX *, const EVP_MD *, const OSSL_PARAM *);
    int (*digest_update)(EVP_MD_CTX *, const void *, size_t);
    int (*digest_final_ex)(EVP_MD_CTX *, unsigned char *, unsigned int *);
    int (*pbkdf2_hmac)(const char *, int, const unsigned char *, int, int, const EVP_MD *, int, unsigned char *);
    const EVP_MD *(*sha256_md)(void);
    int (*rand_bytes)(unsigned char *, int);
} sc_crypto_api_t;

typedef struct sc_crypto_state {
    pthread_once_t once;
    int loaded;
    sc_crypto_api_t api;
} sc_crypto_state;

/* Function-local static: header-level statics are not reliably emitted by Swift's C importer. */
static inline sc_crypto_state *sc_crypto_shared(void) {
    static sc_crypto_state state = { PTHREAD_ONCE_INIT, 0 };
    return &state;
}

static void sc_crypto_load(void) {
    sc_crypto_state *st = sc_crypto_shared();
    void *lib = dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL);
    if (!lib) lib = dlopen("libcrypto.so", RTLD_NOW | RTLD_LOCAL);
    int ok = lib != NULL;
#define SC_CRYPTO_LOAD(field, symbol) if (ok) { *(void **)(&st->api.field) = dlsym(lib, symbol); ok = st->api.field != NULL; }
    SC_CRYPTO_LOAD(md_fetch, "EVP_MD_fetch")
    SC_CRYPTO_LOAD(md_free, "EVP_MD_free")
    SC_CRYPTO_LOAD(ctx_new, "EVP_MD_CTX_new")
    SC_CRYPTO_LOAD(ctx_free, "EVP_MD_CTX_free")
    SC_CRYPTO_LOAD(digest_init_ex2, "EVP_DigestInit_ex2")
    SC_CRYPTO_LOAD(digest_update, "EVP_DigestUpdate")
    SC_CRYPTO_LOAD(digest_final_ex, "EVP_DigestFinal_ex")
    SC_CRYPTO_LOAD(pbkdf2_hmac, "PKCS5_PBKDF2_HMAC")
    SC_CRYPTO_LOAD(sha256_md, "EVP_sha256")
    SC_CRYPTO_LOAD(rand_bytes, "RAND_bytes")
#undef SC_CRYPTO_LOAD
    st->loaded = ok;
}

/* The loaded functions, or NULL when libcrypto (libssl3 / libssl-dev) is not installed. */
static inline const sc_crypto_api_t *sc_crypto(void) {
    sc_crypto_state *st = sc_crypto_shared();
    pthread_once(&st->once, sc_crypto_load);
    return st->loaded ? &st->api : NULL;
}

/* SHA-256 and HMAC-SHA-256 for SigV4 signing, which runs once per request and must be cheap.
   OpenSSL 3 looks up ("fetches") the algorithm's provider on every EVP_sha256() digest unless it
   is given an explicitly fetched EVP_MD, and allocates a context per one-shot call; so the
   algorithm is fetched once and each thread keeps one reusable digest context. */
typedef struct sc_sha256_state {
    pthread_once_t once;
    EVP_MD *md;
    pthread_key_t key;
} sc_sha256_state;

static inline sc_sha256_state *sc_sha256_shared(void) {
    static sc_sha256_state state = { PTHREAD_ONCE_INIT, NULL, 0 };
    return &state;
}

static void sc_sha256_ctx_free(void *ctx) {
    const sc_crypto_api_t *api = sc_crypto();
    if (api) api->ctx_free((EVP_MD_CTX *)ctx);
}
static void sc_sha256_fetch(void) {
    sc_sha256_state *st = sc_sha256_shared();
    const sc_crypto_api_t *api = sc_crypto();
    if (!api) return;
    st->md = api->md_fetch(NULL, "SHA256", NULL);
    /* The per-thread context is freed when its thread exits. */
    if (pthread_key_create(&st->key, sc_sha256_ctx_free) != 0) { api->md_free(st->md); st->md = NULL; }
}

static inline EVP_MD_CTX *sc_sha256_begin(void) {
    sc_sha256_state *st = sc_sha256_shared();
    pthread_once(&st->once, sc_sha256_fetch);
    if (!st->md) return NULL;
    const sc_crypto_api_t *api = sc_crypto();
    EVP_MD_CTX *ctx = (EVP_MD_CTX *)pthread_getspecific(st->key);
    if (!ctx) {
        ctx = api->ctx_new();
        if (!ctx) return NULL;
        if (pthread_setspecific(st->key, ctx) != 0) { api->ctx_free(ctx); return NULL; }
    }
    if (api->digest_init_ex2(ctx, st->md, NULL) != 1) return NULL;
    return ctx;
}

/* out must hold 32 bytes. Returns 1 on success, 0 on failure. */
static inline int sc_sha256(const void *data, size_t len, unsigned char *out) {
    EVP_MD_CTX *ctx = sc_sha256_begin();
    if (!ctx) return 0;
    const sc_crypto_api_t *api = sc_crypto();
    unsigned int n = 0;
    if (api->digest_update(ctx, data, len) != 1) return 0;
    return api->digest_final_ex(ctx, out, &n) == 1 && n == 32;
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
    const sc_crypto_api_t *api = sc_crypto();
    for (int i = 0; i < 64; i++) pad[i] = k[i] ^ 0x36;
    if (api->digest_update(ctx, pad, 64) != 1 || api->digest_update(ctx, data, len) != 1) return 0;
    if (api->digest_final_ex(ctx, inner, &n) != 1) return 0;
    if (api->digest_init_ex2(ctx, sc_sha256_shared()->md, NULL) != 1) return 0;
    for (int i = 0; i < 64; i++) pad[i] = k[i] ^ 0x5c;
    if (api->digest_update(ctx, pad, 64) != 1 || api->digest_update(ctx, inner, 32) != 1) return 0;
    return api->digest_final_ex(ctx, out, &n) == 1 && n == 32;
}

/* PBKDF2-HMAC-SHA256 into out[outlen]. Returns 1 on success, 0 on failure. */
static inline int sc_pbkdf2_hmac_sha256(const char *pass, int passlen, const unsigned char *salt, int saltlen,
                                        int iterations, int outlen, unsigned char *out) {
    const sc_crypto_api_t *api = sc_crypto();
    if (!api) return 0;
    return api->pbkdf2_hmac(pass, passlen, salt, saltlen, iterations, api->sha256_md(), outlen, out);
}

/* Cryptographically strong random bytes. Returns 1 on success, 0 on failure. */
static inline int sc_random_bytes(unsigned char *buf, int num) {
    const sc_crypto_api_t *api = sc_crypto();
    if (!api) return 0;
    return api->rand_bytes(buf, num);
}

/* Compares in time that depends only on len (as CRYPTO_memcmp). Returns 0 when equal. */
static inline int sc_constant_time_compare(const void *a, const void *b, size_t len) {
    const volatile unsigned char *x = (const volatile unsigned char *)a;
    const volatile unsigned char *y = (const volatile unsigned char *)b;
    unsigned char diff = 0;
    for (size_t i = 0; i < len; i++) diff |= x[i] ^ y[i];
    return diff;
}
#endif
