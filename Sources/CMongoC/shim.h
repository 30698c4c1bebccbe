#ifndef STUDYCIRCLE_CMONGOC_SHIM_H
#define STUDYCIRCLE_CMONGOC_SHIM_H
#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The few types of libbson/libmongoc 1.x that cross this boundary, declared here from their
   stable 1.x ABI so that neither the headers nor the libraries are needed to build, and the
   binary does not link them: everything else is an opaque handle. */
/* bson_t is opaque to Swift (it cannot import a 128-byte-aligned struct); C sees its layout. */
typedef struct bson_t bson_t;
struct sc_bson_layout { uint32_t flags; uint32_t len; uint8_t padding[120]; } __attribute__((aligned(128)));
typedef struct bson_error_t { uint32_t domain; uint32_t code; char message[504]; } bson_error_t;
typedef struct _mongoc_uri_t mongoc_uri_t;
typedef struct _mongoc_client_pool_t mongoc_client_pool_t;
typedef struct _mongoc_client_t mongoc_client_t;
typedef struct _mongoc_database_t mongoc_database_t;
typedef struct _mongoc_collection_t mongoc_collection_t;
typedef struct _mongoc_cursor_t mongoc_cursor_t;
typedef struct _mongoc_read_prefs_t mongoc_read_prefs_t;
typedef struct _mongoc_find_and_modify_opts_t mongoc_find_and_modify_opts_t;
typedef enum { MONGOC_FIND_AND_MODIFY_NONE = 0, MONGOC_FIND_AND_MODIFY_REMOVE = 1 << 0,
               MONGOC_FIND_AND_MODIFY_UPSERT = 1 << 1, MONGOC_FIND_AND_MODIFY_RETURN_NEW = 1 << 2 } mongoc_find_and_modify_flags_t;
typedef int mongoc_log_level_t;
typedef void (*mongoc_log_func_t)(mongoc_log_level_t log_level, const char *log_domain, const char *message, void *user_data);
_Static_assert(sizeof(struct sc_bson_layout) == 128, "bson_t is 128 bytes in libbson 1.x");
_Static_assert(sizeof(bson_error_t) == 512, "bson_error_t is 512 bytes in libbson 1.x");

/* libmongoc (the official MongoDB C driver) and libbson are loaded with dlopen the first time
   DB_TYPE=mongodb is used, as libcurl is: the embedded SQLite default never needs them, and a
   machine without libmongoc still runs every other backend. The functions are the ones StudyStoreMongo calls. */
typedef struct sc_mongo_api_t {
    void (*init)(void);
    void (*log_set_handler)(mongoc_log_func_t f, void *u);
    mongoc_uri_t * (*uri_new_with_error)(const char *s, bson_error_t *e);
    void (*uri_destroy)(mongoc_uri_t *u);
    const char * (*uri_get_database)(const mongoc_uri_t *u);
    const char * (*uri_get_username)(const mongoc_uri_t *u);
    mongoc_client_pool_t * (*client_pool_new)(const mongoc_uri_t *u);
    void (*client_pool_destroy)(mongoc_client_pool_t *p);
    mongoc_client_t * (*client_pool_pop)(mongoc_client_pool_t *p);
    void (*client_pool_push)(mongoc_client_pool_t *p, mongoc_client_t *c);
    bool (*client_pool_set_error_api)(mongoc_client_pool_t *p, int32_t v);
    bool (*client_pool_set_appname)(mongoc_client_pool_t *p, const char *n);
    mongoc_collection_t * (*client_get_collection)(mongoc_client_t *c, const char *db, const char *coll);
    mongoc_database_t * (*client_get_database)(mongoc_client_t *c, const char *db);
    bool (*client_command_simple)(mongoc_client_t *c, const char *db, const bson_t *cmd, const mongoc_read_prefs_t *rp, bson_t *reply, bson_error_t *e);
    void (*collection_destroy)(mongoc_collection_t *c);
    void (*database_destroy)(mongoc_database_t *d);
    bool (*insert_one)(mongoc_collection_t *c, const bson_t *d, const bson_t *o, bson_t *reply, bson_error_t *e);
    bool (*insert_many)(mongoc_collection_t *c, const bson_t **d, size_t n, const bson_t *o, bson_t *reply, bson_error_t *e);
    bool (*update_one)(mongoc_collection_t *c, const bson_t *s, const bson_t *u, const bson_t *o, bson_t *reply, bson_error_t *e);
    bool (*update_many)(mongoc_collection_t *c, const bson_t *s, const bson_t *u, const bson_t *o, bson_t *reply, bson_error_t *e);
    bool (*replace_one)(mongoc_collection_t *c, const bson_t *s, const bson_t *r, const bson_t *o, bson_t *reply, bson_error_t *e);
    bool (*delete_one)(mongoc_collection_t *c, const bson_t *s, const bson_t *o, bson_t *reply, bson_error_t *e);
    bool (*delete_many)(mongoc_collection_t *c, const bson_t *s, const bson_t *o, bson_t *reply, bson_error_t *e);
    mongoc_cursor_t * (*find_with_opts)(mongoc_collection_t *c, const bson_t *f, const bson_t *o, const mongoc_read_prefs_t *rp);
    bool (*cursor_next)(mongoc_cursor_t *c, const bson_t **d);
    bool (*cursor_error_document)(mongoc_cursor_t *c, bson_error_t *e, const bson_t **d);
    void (*cursor_destroy)(mongoc_cursor_t *c);
    mongoc_find_and_modify_opts_t * (*fam_opts_new)(void);
    bool (*fam_opts_set_update)(mongoc_find_and_modify_opts_t *o, const bson_t *u);
    bool (*fam_opts_set_sort)(mongoc_find_and_modify_opts_t *o, const bson_t *s);
    bool (*fam_opts_set_flags)(mongoc_find_and_modify_opts_t *o, const mongoc_find_and_modify_flags_t f);
    void (*fam_opts_destroy)(mongoc_find_and_modify_opts_t *o);
    bool (*find_and_modify)(mongoc_collection_t *c, const bson_t *q, const mongoc_find_and_modify_opts_t *o, bson_t *reply, bson_error_t *e);
    int64_t (*count_documents)(mongoc_collection_t *c, const bson_t *f, const bson_t *o, const mongoc_read_prefs_t *rp, bson_t *reply, bson_error_t *e);
    int64_t (*estimated_count)(mongoc_collection_t *c, const bson_t *o, const mongoc_read_prefs_t *rp, bson_t *reply, bson_error_t *e);
    bool (*drop_with_opts)(mongoc_collection_t *c, const bson_t *o, bson_error_t *e);
    mongoc_cursor_t * (*find_indexes)(mongoc_collection_t *c, const bson_t *o);
    bool (*database_write_command)(mongoc_database_t *d, const bson_t *cmd, const bson_t *o, bson_t *reply, bson_error_t *e);
    char ** (*collection_names)(mongoc_database_t *d, const bson_t *o, bson_error_t *e);
    bson_t * (*bson_new_from_data)(const uint8_t *d, size_t n);
    void (*bson_destroy)(bson_t *b);
    const uint8_t * (*bson_get_data)(const bson_t *b);
    void (*bson_strfreev)(char **s);
} sc_mongo_api_t;

static void sc_mongo_silent_log(mongoc_log_level_t l, const char *d, const char *m, void *u) {
    (void)l; (void)d; (void)m; (void)u; /* the driver must never write over the terminal UI */
}

/* The loaded functions, or NULL when libmongoc is not installed. Loaded once, thread-safely. */
static inline const sc_mongo_api_t *sc_mongo_api(void) {
    static sc_mongo_api_t api;
    static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
    static int state = 0; /* 0: not tried, 1: loaded, -1: unavailable */
    int seen = __atomic_load_n(&state, __ATOMIC_ACQUIRE);
    if (seen != 0) return seen > 0 ? &api : NULL;
    pthread_mutex_lock(&mutex);
    if (state == 0) {
        void *bson = dlopen("libbson-1.0.so.0", RTLD_NOW | RTLD_GLOBAL);
        if (!bson) bson = dlopen("libbson-1.0.so", RTLD_NOW | RTLD_GLOBAL);
        void *lib = dlopen("libmongoc-1.0.so.0", RTLD_NOW | RTLD_LOCAL);
        if (!lib) lib = dlopen("libmongoc-1.0.so", RTLD_NOW | RTLD_LOCAL);
        int ok = lib != NULL && bson != NULL;
#define SC_MONGO_LOAD(handle, field, symbol) if (ok) { *(void **)(&api.field) = dlsym(handle, symbol); ok = api.field != NULL; }
        SC_MONGO_LOAD(lib, init, "mongoc_init")
        SC_MONGO_LOAD(lib, log_set_handler, "mongoc_log_set_handler")
        SC_MONGO_LOAD(lib, uri_new_with_error, "mongoc_uri_new_with_error")
        SC_MONGO_LOAD(lib, uri_destroy, "mongoc_uri_destroy")
        SC_MONGO_LOAD(lib, uri_get_database, "mongoc_uri_get_database")
        SC_MONGO_LOAD(lib, uri_get_username, "mongoc_uri_get_username")
        SC_MONGO_LOAD(lib, client_pool_new, "mongoc_client_pool_new")
        SC_MONGO_LOAD(lib, client_pool_destroy, "mongoc_client_pool_destroy")
        SC_MONGO_LOAD(lib, client_pool_pop, "mongoc_client_pool_pop")
        SC_MONGO_LOAD(lib, client_pool_push, "mongoc_client_pool_push")
        SC_MONGO_LOAD(lib, client_pool_set_error_api, "mongoc_client_pool_set_error_api")
        SC_MONGO_LOAD(lib, client_pool_set_appname, "mongoc_client_pool_set_appname")
        SC_MONGO_LOAD(lib, client_get_collection, "mongoc_client_get_collection")
        SC_MONGO_LOAD(lib, client_get_database, "mongoc_client_get_database")
        SC_MONGO_LOAD(lib, client_command_simple, "mongoc_client_command_simple")
        SC_MONGO_LOAD(lib, collection_destroy, "mongoc_collection_destroy")
        SC_MONGO_LOAD(lib, database_destroy, "mongoc_database_destroy")
        SC_MONGO_LOAD(lib, insert_one, "mongoc_collection_insert_one")
        SC_MONGO_LOAD(lib, insert_many, "mongoc_collection_insert_many")
        SC_MONGO_LOAD(lib, update_one, "mongoc_collection_update_one")
        SC_MONGO_LOAD(lib, update_many, "mongoc_collection_update_many")
        SC_MONGO_LOAD(lib, replace_one, "mongoc_collection_replace_one")
        SC_MONGO_LOAD(lib, delete_one, "mongoc_collection_delete_one")
        SC_MONGO_LOAD(lib, delete_many, "mongoc_collection_delete_many")
        SC_MONGO_LOAD(lib, find_with_opts, "mongoc_collection_find_with_opts")
        SC_MONGO_LOAD(lib, cursor_next, "mongoc_cursor_next")
        SC_MONGO_LOAD(lib, cursor_error_document, "mongoc_cursor_error_document")
        SC_MONGO_LOAD(lib, cursor_destroy, "mongoc_cursor_destroy")
        SC_MONGO_LOAD(lib, fam_opts_new, "mongoc_find_and_modify_opts_new")
        SC_MONGO_LOAD(lib, fam_opts_set_update, "mongoc_find_and_modify_opts_set_update")
        SC_MONGO_LOAD(lib, fam_opts_set_sort, "mongoc_find_and_modify_opts_set_sort")
        SC_MONGO_LOAD(lib, fam_opts_set_flags, "mongoc_find_and_modify_opts_set_flags")
        SC_MONGO_LOAD(lib, fam_opts_destroy, "mongoc_find_and_modify_opts_destroy")
        SC_MONGO_LOAD(lib, find_and_modify, "mongoc_collection_find_and_modify_with_opts")
        SC_MONGO_LOAD(lib, count_documents, "mongoc_collection_count_documents")
        SC_MONGO_LOAD(lib, estimated_count, "mongoc_collection_estimated_document_count")
        SC_MONGO_LOAD(lib, drop_with_opts, "mongoc_collection_drop_with_opts")
        SC_MONGO_LOAD(lib, find_indexes, "mongoc_collection_find_indexes_with_opts")
        SC_MONGO_LOAD(lib, database_write_command, "mongoc_database_write_command_with_opts")
        SC_MONGO_LOAD(lib, collection_names, "mongoc_database_get_collection_names_with_opts")
        SC_MONGO_LOAD(bson, bson_new_from_data, "bson_new_from_data")
        SC_MONGO_LOAD(bson, bson_destroy, "bson_destroy")
        SC_MONGO_LOAD(bson, bson_get_data, "bson_get_data")
        SC_MONGO_LOAD(bson, bson_strfreev, "bson_strfreev")
#undef SC_MONGO_LOAD
        if (ok) {
            api.log_set_handler(sc_mongo_silent_log, NULL);
            api.init();
        }
        __atomic_store_n(&state, ok ? 1 : -1, __ATOMIC_RELEASE);
    }
    pthread_mutex_unlock(&mutex);
    return state > 0 ? &api : NULL;
}

/* 1 when libmongoc and libbson could be loaded. */
static inline int sc_mongo_available(void) { return sc_mongo_api() != NULL; }

/* A reply document for the driver to initialise (it must be 128-byte aligned); free with
   sc_mongo_reply_free, which also releases what the driver put in it. */
static inline bson_t *sc_mongo_reply_new(void) {
    struct sc_bson_layout *b = (struct sc_bson_layout *)aligned_alloc(128, sizeof(struct sc_bson_layout));
    if (b) memset(b, 0, sizeof(struct sc_bson_layout));
    return (bson_t *)b;
}
static inline void sc_mongo_reply_free(bson_t *b) {
    const sc_mongo_api_t *a = sc_mongo_api();
    if (!b) return;
    if (a && ((struct sc_bson_layout *)b)->len > 0) a->bson_destroy(b);
    free(b);
}
static inline uint32_t sc_bson_len(const bson_t *b) { return b ? ((const struct sc_bson_layout *)b)->len : 0; }
static inline const char *sc_bson_error_message(const bson_error_t *e) { return e->message; }
static inline bson_error_t *sc_bson_error_new(void) { return (bson_error_t *)calloc(1, sizeof(bson_error_t)); }

static inline mongoc_uri_t * sc_mongoc_uri_new_with_error(const char *s, bson_error_t *e) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->uri_new_with_error(s, e) : NULL; }
static inline void sc_mongoc_uri_destroy(mongoc_uri_t *u) { const sc_mongo_api_t *a = sc_mongo_api(); if (a) a->uri_destroy(u); }
static inline const char * sc_mongoc_uri_get_database(const mongoc_uri_t *u) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->uri_get_database(u) : NULL; }
static inline const char * sc_mongoc_uri_get_username(const mongoc_uri_t *u) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->uri_get_username(u) : NULL; }
static inline mongoc_client_pool_t * sc_mongoc_client_pool_new(const mongoc_uri_t *u) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->client_pool_new(u) : NULL; }
static inline void sc_mongoc_client_pool_destroy(mongoc_client_pool_t *p) { const sc_mongo_api_t *a = sc_mongo_api(); if (a) a->client_pool_destroy(p); }
static inline mongoc_client_t * sc_mongoc_client_pool_pop(mongoc_client_pool_t *p) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->client_pool_pop(p) : NULL; }
static inline void sc_mongoc_client_pool_push(mongoc_client_pool_t *p, mongoc_client_t *c) { const sc_mongo_api_t *a = sc_mongo_api(); if (a) a->client_pool_push(p, c); }
static inline bool sc_mongoc_client_pool_set_error_api(mongoc_client_pool_t *p, int32_t v) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->client_pool_set_error_api(p, v) : false; }
static inline bool sc_mongoc_client_pool_set_appname(mongoc_client_pool_t *p, const char *n) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->client_pool_set_appname(p, n) : false; }
static inline mongoc_collection_t * sc_mongoc_client_get_collection(mongoc_client_t *c, const char *db, const char *coll) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->client_get_collection(c, db, coll) : NULL; }
static inline mongoc_database_t * sc_mongoc_client_get_database(mongoc_client_t *c, const char *db) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->client_get_database(c, db) : NULL; }
static inline bool sc_mongoc_client_command_simple(mongoc_client_t *c, const char *db, const bson_t *cmd, const mongoc_read_prefs_t *rp, bson_t *reply, bson_error_t *e) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->client_command_simple(c, db, cmd, rp, reply, e) : false; }
static inline void sc_mongoc_collection_destroy(mongoc_collection_t *c) { const sc_mongo_api_t *a = sc_mongo_api(); if (a) a->collection_destroy(c); }
static inline void sc_mongoc_database_destroy(mongoc_database_t *d) { const sc_mongo_api_t *a = sc_mongo_api(); if (a) a->database_destroy(d); }
static inline bool sc_mongoc_collection_insert_one(mongoc_collection_t *c, const bson_t *d, const bson_t *o, bson_t *reply, bson_error_t *e) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->insert_one(c, d, o, reply, e) : false; }
static inline bool sc_mongoc_collection_insert_many(mongoc_collection_t *c, const bson_t **d, size_t n, const bson_t *o, bson_t *reply, bson_error_t *e) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->insert_many(c, d, n, o, reply, e) : false; }
static inline bool sc_mongoc_collection_update_one(mongoc_collection_t *c, const bson_t *s, const bson_t *u, const bson_t *o, bson_t *reply, bson_error_t *e) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->update_one(c, s, u, o, reply, e) : false; }
static inline bool sc_mongoc_collection_update_many(mongoc_collection_t *c, const bson_t *s, const bson_t *u, const bson_t *o, bson_t *reply, bson_error_t *e) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->update_many(c, s, u, o, reply, e) : false; }
static inline bool sc_mongoc_collection_replace_one(mongoc_collection_t *c, const bson_t *s, const bson_t *r, const bson_t *o, bson_t *reply, bson_error_t *e) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->replace_one(c, s, r, o, reply, e) : false; }
static inline bool sc_mongoc_collection_delete_one(mongoc_collection_t *c, const bson_t *s, const bson_t *o, bson_t *reply, bson_error_t *e) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->delete_one(c, s, o, reply, e) : false; }
static inline bool sc_mongoc_collection_delete_many(mongoc_collection_t *c, const bson_t *s, const bson_t *o, bson_t *reply, bson_error_t *e) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->delete_many(c, s, o, reply, e) : false; }
static inline mongoc_cursor_t * sc_mongoc_collection_find_with_opts(mongoc_collection_t *c, const bson_t *f, const bson_t *o, const mongoc_read_prefs_t *rp) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->find_with_opts(c, f, o, rp) : NULL; }
static inline bool sc_mongoc_cursor_next(mongoc_cursor_t *c, const bson_t **d) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->cursor_next(c, d) : false; }
static inline bool sc_mongoc_cursor_error_document(mongoc_cursor_t *c, bson_error_t *e, const bson_t **d) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->cursor_error_document(c, e, d) : false; }
static inline void sc_mongoc_cursor_destroy(mongoc_cursor_t *c) { const sc_mongo_api_t *a = sc_mongo_api(); if (a) a->cursor_destroy(c); }
static inline mongoc_find_and_modify_opts_t * sc_mongoc_find_and_modify_opts_new(void) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->fam_opts_new() : NULL; }
static inline bool sc_mongoc_find_and_modify_opts_set_update(mongoc_find_and_modify_opts_t *o, const bson_t *u) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->fam_opts_set_update(o, u) : false; }
static inline bool sc_mongoc_find_and_modify_opts_set_sort(mongoc_find_and_modify_opts_t *o, const bson_t *s) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->fam_opts_set_sort(o, s) : false; }
static inline bool sc_mongoc_find_and_modify_opts_set_flags(mongoc_find_and_modify_opts_t *o, const mongoc_find_and_modify_flags_t f) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->fam_opts_set_flags(o, f) : false; }
static inline void sc_mongoc_find_and_modify_opts_destroy(mongoc_find_and_modify_opts_t *o) { const sc_mongo_api_t *a = sc_mongo_api(); if (a) a->fam_opts_destroy(o); }
static inline bool sc_mongoc_collection_find_and_modify_with_opts(mongoc_collection_t *c, const bson_t *q, const mongoc_find_and_modify_opts_t *o, bson_t *reply, bson_error_t *e) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->find_and_modify(c, q, o, reply, e) : false; }
static inline int64_t sc_mongoc_collection_count_documents(mongoc_collection_t *c, const bson_t *f, const bson_t *o, const mongoc_read_prefs_t *rp, bson_t *reply, bson_error_t *e) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->count_documents(c, f, o, rp, reply, e) : -1; }
static inline int64_t sc_mongoc_collection_estimated_document_count(mongoc_collection_t *c, const bson_t *o, const mongoc_read_prefs_t *rp, bson_t *reply, bson_error_t *e) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->estimated_count(c, o, rp, reply, e) : -1; }
static inline bool sc_mongoc_collection_drop_with_opts(mongoc_collection_t *c, const bson_t *o, bson_error_t *e) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->drop_with_opts(c, o, e) : false; }
static inline mongoc_cursor_t * sc_mongoc_collection_find_indexes_with_opts(mongoc_collection_t *c, const bson_t *o) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->find_indexes(c, o) : NULL; }
static inline bool sc_mongoc_database_write_command_with_opts(mongoc_database_t *d, const bson_t *cmd, const bson_t *o, bson_t *reply, bson_error_t *e) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->database_write_command(d, cmd, o, reply, e) : false; }
static inline char ** sc_mongoc_database_get_collection_names_with_opts(mongoc_database_t *d, const bson_t *o, bson_error_t *e) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->collection_names(d, o, e) : NULL; }
static inline bson_t * sc_bson_new_from_data(const uint8_t *d, size_t n) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->bson_new_from_data(d, n) : NULL; }
static inline void sc_bson_destroy(bson_t *b) { const sc_mongo_api_t *a = sc_mongo_api(); if (a) a->bson_destroy(b); }
static inline const uint8_t * sc_bson_get_data(const bson_t *b) { const sc_mongo_api_t *a = sc_mongo_api(); return a ? a->bson_get_data(b) : NULL; }
static inline void sc_bson_strfreev(char **s) { const sc_mongo_api_t *a = sc_mongo_api(); if (a) a->bson_strfreev(s); }
#endif
