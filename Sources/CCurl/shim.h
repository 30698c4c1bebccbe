#ifndef STUDYCIRCLE_CCURL_SHIM_H
#define STUDYCIRCLE_CCURL_SHIM_H
#include <curl/curl.h>
#include <pthread.h>
#include <stdlib.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic: Swift cannot call them directly. */
static inline CURLcode sc_curl_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode sc_curl_setopt_ptr(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode sc_curl_setopt_str(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode sc_curl_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
typedef size_t (*sc_curl_data_cb)(char *ptr, size_t size, size_t nmemb, void *userdata);
static inline CURLcode sc_curl_setopt_write(CURL *h, CURLoption o, sc_curl_data_cb cb) { return curl_easy_setopt(h, o, cb); }
static inline CURLcode sc_curl_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }

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
    s->share = curl_share_init();
    if (!s->share) { free(s); return NULL; }
    curl_share_setopt(s->share, CURLSHOPT_LOCKFUNC, sc_curl_share_lock);
    curl_share_setopt(s->share, CURLSHOPT_UNLOCKFUNC, sc_curl_share_unlock);
    curl_share_setopt(s->share, CURLSHOPT_USERDATA, (void *)s);
    curl_share_setopt(s->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
    curl_share_setopt(s->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
    curl_share_setopt(s->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
    return s;
}
static inline void sc_curl_share_free(sc_curl_share *s) {
    if (!s) return;
    curl_share_cleanup(s->share);
    for (int i = 0; i < CURL_LOCK_DATA_LAST; i++) pthread_mutex_destroy(&s->locks[i]);
    free(s);
}
static inline CURLcode sc_curl_use_share(CURL *h, sc_curl_share *s) { return curl_easy_setopt(h, CURLOPT_SHARE, s->share); }
#endif
