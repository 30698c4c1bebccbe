#ifndef STUDYCIRCLE_CCURL_SHIM_H
#define STUDYCIRCLE_CCURL_SHIM_H
#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>

/* libcurl is loaded with dlopen the first time HTTP is used, not at start: the embedded
   SQLite default never needs it, and libcurl brings some thirty libraries (TLS, Kerberos,
   LDAP, ...) whose pages would otherwise count against the app's memory from the start. */
typedef struct sc_curl_api_t {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    CURLcode (*easy_perform)(CURL *);
    void (*easy_reset)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    CURLSH *(*share_init)(void);
    CURLSHcode (*share_setopt)(CURLSH *, CURLSHoption, ...);
    CURLSHcode (*share_cleanup)(CURLSH *);
} sc_curl_api_t;

/* The loaded functions, or NULL when libcurl is not installed. Loaded once, thread-safely. */
static inline const sc_curl_api_t *sc_curl_api(void) {
    static sc_curl_api_t api;
    static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
    static int state = 0; /* 0: not tried, 1: loaded, -1: unavailable */
    int seen = __atomic_load_n(&state, __ATOMIC_ACQUIRE);
    if (seen != 0) return seen > 0 ? &api : NULL;
    pthread_mutex_lock(&mutex);
    if (state == 0) {
        void *lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
        if (!lib) lib = dlopen("libcurl.so", RTLD_NOW | RTLD_LOCAL);
        int ok = lib != NULL;
#define SC_CURL_LOAD(field, symbol) if (ok) { *(void **)(&api.field) = dlsym(lib, symbol); ok = api.field != NULL; }
        SC_CURL_LOAD(global_init, "curl_global_init")
        SC_CURL_LOAD(easy_init, "curl_easy_init")
        SC_CURL_LOAD(easy_cleanup, "curl_easy_cleanup")
        SC_CURL_LOAD(easy_perform, "curl_easy_perform")
        SC_CURL_LOAD(easy_reset, "curl_easy_reset")
        SC_CURL_LOAD(easy_strerror, "curl_easy_strerror")
        SC_CURL_LOAD(easy_setopt, "curl_easy_setopt")
        SC_CURL_LOAD(easy_getinfo, "curl_easy_getinfo")
        SC_CURL_LOAD(slist_append, "curl_slist_append")
        SC_CURL_LOAD(slist_free_all, "curl_slist_free_all")
        SC_CURL_LOAD(share_init, "curl_share_init")
        SC_CURL_LOAD(share_setopt, "curl_share_setopt")
        SC_CURL_LOAD(share_cleanup, "curl_share_cleanup")
#undef SC_CURL_LOAD
        __atomic_store_n(&state, ok ? 1 : -1, __ATOMIC_RELEASE);
    }
    pthread_mutex_unlock(&mutex);
    return state > 0 ? &api : NULL;
}

/* 1 when libcurl could be loaded. */
static inline int sc_curl_available(void) { return sc_curl_api() != NULL; }
static inline CURLcode sc_curl_global_init(long flags) {
    const sc_curl_api_t *c = sc_curl_api(); return c ? c->global_init(flags) : CURLE_FAILED_INIT;
}
static inline CURL *sc_curl_easy_init(void) { const sc_curl_api_t *c = sc_curl_api(); return c ? c->easy_init() : NULL; }
static inline void sc_curl_easy_cleanup(CURL *h) { const sc_curl_api_t *c = sc_curl_api(); if (c) c->easy_cleanup(h); }
static inline CURLcode sc_curl_easy_perform(CURL *h) {
    const sc_curl_api_t *c = sc_curl_api(); return c ? c->easy_perform(h) : CURLE_FAILED_INIT;
}
static inline void sc_curl_easy_reset(CURL *h) { const sc_curl_api_t *c = sc_curl_api(); if (c) c->easy_reset(h); }
static inline const char *sc_curl_easy_strerror(CURLcode code) {
    const sc_curl_api_t *c = sc_curl_api(); return c ? c->easy_strerror(code) : "libcurl is not installed";
}
static inline struct curl_slist *sc_curl_slist_append(struct curl_slist *l, const char *s) {
    const sc_curl_api_t *c = sc_curl_api(); return c ? c->slist_append(l, s) : NULL;
}
static inline void sc_curl_slist_free_all(struct curl_slist *l) { const sc_curl_api_t *c = sc_curl_api(); if (c) c->slist_free_all(l); }

/* curl_easy_setopt and curl_easy_getinfo are variadic: Swift cannot call them directly. */
static inline CURLcode sc_curl_setopt_long(CURL *h, CURLoption o, long v) {
    const sc_curl_api_t *c = sc_curl_api(); return c ? c->easy_setopt(h, o, v) : CURLE_FAILED_INIT;
}
static inline CURLcode sc_curl_setopt_ptr(CURL *h, CURLoption o, void *v) {
    const sc_curl_api_t *c = sc_curl_api(); return c ? c->easy_setopt(h, o, v) : CURLE_FAILED_INIT;
}
static inline CURLcode sc_curl_setopt_str(CURL *h, CURLoption o, const char *v) {
    const sc_curl_api_t *c = sc_curl_api(); return c ? c->easy_setopt(h, o, v) : CURLE_FAILED_INIT;
}
static inline CURLcode sc_curl_setopt_off(CURL *h, CURLoption o, curl_off_t v) {
    const sc_curl_api_t *c = sc_curl_api(); return c ? c->easy_setopt(h, o, v) : CURLE_FAILED_INIT;
}
typedef size_t (*sc_curl_data_cb)(char *ptr, size_t size, size_t nmemb, void *userdata);
static inline CURLcode sc_curl_setopt_write(CURL *h, CURLoption o, sc_curl_data_cb cb) {
    const sc_curl_api_t *c = sc_curl_api(); return c ? c->easy_setopt(h, o, cb) : CURLE_FAILED_INIT;
}
static inline CURLcode sc_curl_getinfo_long(CURL *h, CURLINFO i, long *v) {
    const sc_curl_api_t *c = sc_curl_api(); return c ? c->easy_getinfo(h, i, v) : CURLE_FAILED_INIT;
}

/* A share handle (DNS cache, connection pool, TLS sessions) that several easy handles may use from
   different threads at once. libcurl asks for a lock per data kind; the mutexes live beside the
   share handle so that nothing global is needed. */
typedef struct sc_curl_share {
    CURLSH *share;
    pthread_mutex_t locks[CURL_LOCK_DATA_LAST];
} sc_curl_share;

static void sc_curl_share_lock(CURL *h, curl_lock_data d, curl_lock_access a, void *u) {
    (void)h; (void)a;
    pthread_mutex_lock(&((sc_curl_share *)u)->locks[d]);
}
static void sc_curl_share_unlock(CURL *h, curl_lock_data d, void *u) {
    (void)h;
    pthread_mutex_unlock(&((sc_curl_share *)u)->locks[d]);
}
static inline sc_curl_share *sc_curl_share_new(void) {
    sc_curl_share *s = (sc_curl_share *)calloc(1, sizeof(sc_curl_share));
    if (!s) return NULL;
    for (int i = 0; i < CURL_LOCK_DATA_LAST; i++) pthread_mutex_init(&s->locks[i], NULL);
    const sc_curl_api_t *c = sc_curl_api();
    s->share = c ? c->share_init() : NULL;
    if (!s->share) { free(s); return NULL; }
    c->share_setopt(s->share, CURLSHOPT_LOCKFUNC, sc_curl_share_lock);
    c->share_setopt(s->share, CURLSHOPT_UNLOCKFUNC, sc_curl_share_unlock);
    c->share_setopt(s->share, CURLSHOPT_USERDATA, (void *)s);
    c->share_setopt(s->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
    c->share_setopt(s->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
    c->share_setopt(s->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
    return s;
}
static inline void sc_curl_share_free(sc_curl_share *s) {
    if (!s) return;
    const sc_curl_api_t *c = sc_curl_api();
    if (c) c->share_cleanup(s->share);
    for (int i = 0; i < CURL_LOCK_DATA_LAST; i++) pthread_mutex_destroy(&s->locks[i]);
    free(s);
}
static inline CURLcode sc_curl_use_share(CURL *h, sc_curl_share *s) { return sc_curl_setopt_ptr(h, CURLOPT_SHARE, s->share); }
#endif
