/* aspdiag.tools.explain._records: the record search of explain's fast path, compiled.
 *
 * records(chunk, file_form) returns what iterating scan.SYSLOG_RECORD (file_form false) or scan.FILE_RECORD
 * (file_form true) over the chunk finds, one tuple per match, in the form of scan.records_py (the reference,
 * which runs the regular expressions themselves; tests/unit/test_explain_records.py holds both to the same
 * result). Why C: Python's regular expression engine reads the chunk a byte at a time and every match costs a
 * match object and its group calls; on a server's mixed syslog that search and those calls were a third of
 * explain's time (issue 17: >= 100 MB/s on one core). Here the literal start is found with search (below) or memchr and
 * every alternative is tried in the order, and with the backtracking, of the regular expression:
 *
 *   SYSLOG_RECORD = ascp4?[\[ ](?P<pid>\d+)(?:\]: ?+| \S+ (?:- |\[[^\n]*?\] )) RECORD
 *   FILE_RECORD   = \[(?P<pid>[0-9A-Fa-fx]+)-[0-9A-Fa-fx]+\]  RECORD
 *   RECORD        = LOG FASP Transfer Stop uuid=(UUID) op=\w+ status=(\w+) [^\n]*? size=(\d+) [^\n]*?rate=([\d.]+)
 *                   ([KMG]?)bps elapsed=([\d.]+)s loss=([\d.]+)                                      -> 8
 *                 | LOG FASP (Session Start|Session Stop|Session Params|Session Statistics|Transfer Stop)
 *                   (?:uuid=|\[\w+\] id=)(UUID)                                                     -> 10
 *                 | (LOG Receiver bl )                                                              -> 11
 *                 | (?!LOG (?!FASP Session Start uuid=- )|DBG )                                      -> 1
 *
 * (UUID = [0-9a-fA-F-]{8,36}(?![0-9a-fA-F-]), scan.UUID; \w, \d and \S are ASCII, as in a bytes pattern).
 * No part of either expression matches a line end, so a match never leaves its line.
 */
#define PY_SSIZE_T_CLEAN
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem */
#endif
#include <Python.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define HAS_AVX2_PATH 1
#endif

typedef Py_ssize_t idx;

#if defined(HAS_AVX2_PATH)
static int have_avx2; /* set once at import: this CPU runs the 32-byte path below, and ASPDIAG_NO_AVX2 is
                       * not set (to any value) */

/* The same search 32 places at a time, where the CPU has AVX2 (compiled for it alone, chosen at run time, so the
 * module still loads on an x86-64 without it): the search is bound by these comparisons, not by memory, and
 * twice the width halved its time on a server's log (issue 17: a tenth of explain's time was this search). */
__attribute__((target("avx2"))) static const char *search_avx2(const char *h, size_t n, const char *lit, size_t len) {
    const __m256i first = _mm256_set1_epi8(lit[0]), last = _mm256_set1_epi8(lit[len - 1]);
    size_t i = 0;
    for (; i + len - 1 + 32 <= n; i += 32) {
        __m256i a = _mm256_loadu_si256((const __m256i *)(const void *)(h + i));
        __m256i z = _mm256_loadu_si256((const __m256i *)(const void *)(h + i + len - 1));
        unsigned mask = (unsigned)_mm256_movemask_epi8(_mm256_and_si256(_mm256_cmpeq_epi8(a, first),
                                                                         _mm256_cmpeq_epi8(z, last)));
        while (mask) {
            unsigned bit = (unsigned)__builtin_ctz(mask);
            if (memcmp(h + i + bit + 1, lit + 1, len - 2) == 0) return h + i + bit;
            mask &= mask - 1;
        }
    }
    return memmem(h + i, n - i, lit, len);
}
#endif

/* memmem(h, n, lit, len). Why not memmem itself: glibc's is a byte-wise two-way search (about 3 GB/s here, and
 * a set-up per call), and explain looks for "ascp" and "sshd" through every byte of a server's log and for a
 * field in every record. Where SSE2 is (every x86-64), 16 places are tried at once: those where both the first
 * and the last byte of the literal are found (the bytes between are compared then), 32 where the CPU has AVX2
 * (search_avx2 above); elsewhere, and for the last bytes of h, memmem. */
static const char *search(const char *h, size_t n, const char *lit, size_t len) {
    if (len == 0) return h;
    if (n < len) return NULL;
#if defined(HAS_AVX2_PATH)
    if (have_avx2 && len >= 2) return search_avx2(h, n, lit, len);
#endif
#if defined(__SSE2__)
    if (len >= 2) {
        const __m128i first = _mm_set1_epi8(lit[0]), last = _mm_set1_epi8(lit[len - 1]);
        size_t i = 0;
        for (; i + len - 1 + 16 <= n; i += 16) {
            __m128i a = _mm_loadu_si128((const __m128i *)(const void *)(h + i));
            __m128i z = _mm_loadu_si128((const __m128i *)(const void *)(h + i + len - 1));
            unsigned mask =
                (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(z, last)));
            while (mask) {
                unsigned bit = (unsigned)__builtin_ctz(mask);
                if (memcmp(h + i + bit + 1, lit + 1, len - 2) == 0) return h + i + bit;
                mask &= mask - 1;
            }
        }
        return memmem(h + i, n - i, lit, len);
    }
#endif
    return memmem(h, n, lit, len);
}

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_word(unsigned char c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
static int is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static int is_uuid_char(unsigned char c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '-';
}
/* The end of a uuid (scan.UUID) starting at at, or -1: 8 to 36 uuid characters not followed by another. */
static idx uuid_end(const char *s, idx n, idx at) {
    idx k = at;
    while (k < n && k - at <= 36 && is_uuid_char((unsigned char)s[k])) k++;
    return k - at >= 8 && k - at <= 36 ? k : -1;
}
static int is_pid_char(unsigned char c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == 'x';
}
static int is_rate_char(unsigned char c) { return is_digit(c) || c == '.'; }

/* Whether the literal lit starts at s[at] (within n bytes). */
static int lit_at(const char *s, idx n, idx at, const char *lit, idx len) {
    return at >= 0 && at + len <= n && memcmp(s + at, lit, (size_t)len) == 0;
}

/* The end of a run of at least one byte of class f from at (or -1). */
static idx run(const char *s, idx n, idx at, int (*f)(unsigned char)) {
    idx k = at;
    while (k < n && f((unsigned char)s[k])) k++;
    return k > at ? k : -1;
}

typedef struct {
    int last;    /* 8, 10, 11 or 1 (0: no match) */
    int kind;    /* 10: its kind's index in KINDS */
    idx end;     /* the match's end */
    idx g[16];   /* group spans: start, end pairs (8: uuid, status, size, rate, unit, elapsed, loss; 10: kind, uuid) */
} Found;

#define LIT(s, n, at, text) lit_at(s, n, at, text, (idx)(sizeof(text) - 1))

static const char *const KINDS[] = {"Session Start", "Session Stop", "Session Params", "Session Statistics",
                                    "Transfer Stop"};
static PyObject *KIND_BYTES[5]; /* the same kinds as bytes objects: every record of a kind shares its one */

/* RECORD at q, the line ending at e (exclusive). */
static int record_at(const char *s, idx n, idx q, idx e, Found *f) {
    if (LIT(s, e, q, "LOG FASP Transfer Stop uuid=")) {
        idx u = q + 28;
        idx k = uuid_end(s, e, u);
        if (k > 0 && LIT(s, e, k, " op=")) {
            idx w = run(s, e, k + 4, is_word);
            if (w > 0 && LIT(s, e, w, " status=")) {
                idx st = w + 8;
                idx st_end = run(s, e, st, is_word);
                if (st_end > 0 && st_end < e && s[st_end] == ' ') {
                    /* [^\n]*? size=(\d+) : every " size=" in turn, leftmost first */
                    for (idx p = st_end + 1; p + 6 <= e; p++) {
                        if (!LIT(s, e, p, " size=")) continue;
                        idx sz = p + 6;
                        idx sz_end = run(s, e, sz, is_digit);
                        if (sz_end < 0 || sz_end >= e || s[sz_end] != ' ') continue;
                        /* [^\n]*?rate=([\d.]+)([KMG]?)bps elapsed=([\d.]+)s loss=([\d.]+) */
                        for (idx r = sz_end + 1; r + 5 <= e; r++) {
                            if (!LIT(s, e, r, "rate=")) continue;
                            idx ra = r + 5;
                            idx ra_end = run(s, e, ra, is_rate_char);
                            if (ra_end < 0) continue;
                            idx un = ra_end, un_end = ra_end;
                            if (un < e && (s[un] == 'K' || s[un] == 'M' || s[un] == 'G')) un_end = un + 1;
                            if (!LIT(s, e, un_end, "bps elapsed=")) continue;
                            idx el = un_end + 12;
                            idx el_end = run(s, e, el, is_rate_char);
                            if (el_end < 0 || !LIT(s, e, el_end, "s loss=")) continue;
                            idx lo = el_end + 7;
                            idx lo_end = run(s, e, lo, is_rate_char);
                            if (lo_end < 0) continue;
                            idx spans[14] = {u, k, st, st_end, sz, sz_end, ra, ra_end, un, un_end, el, el_end, lo, lo_end};
                            memcpy(f->g, spans, sizeof(spans));
                            f->last = 8;
                            f->end = lo_end;
                            return 1;
                        }
                    }
                }
            }
        }
    }
    if (LIT(s, e, q, "LOG FASP ")) {
        idx k = q + 9;
        for (size_t i = 0; i < sizeof(KINDS) / sizeof(KINDS[0]); i++) {
            idx len = (idx)strlen(KINDS[i]);
            if (!lit_at(s, e, k, KINDS[i], len) || !(k + len < e && s[k + len] == ' ')) continue;
            idx v = k + len + 1;
            idx id = -1;
            if (LIT(s, e, v, "uuid=")) {
                id = v + 5;
            } else if (v < e && s[v] == '[') {
                idx w = run(s, e, v + 1, is_word);
                if (w > 0 && LIT(s, e, w, "] id=")) id = w + 5;
            }
            if (id < 0) break; /* the kinds are no prefix of each other: no other one can match here */
            idx j = uuid_end(s, e, id);
            if (j < 0) break;
            f->kind = (int)i;
            f->g[0] = k;
            f->g[1] = k + len;
            f->g[2] = id;
            f->g[3] = j;
            f->last = 10;
            f->end = j;
            return 1;
        }
    }
    if (LIT(s, e, q, "LOG Receiver bl ")) {
        f->last = 11;
        f->end = q + 16;
        return 1;
    }
    /* (?!LOG (?!FASP Session Start uuid=- )|DBG ): looked at in the whole chunk, as the expression does (none
     * contains a line end); a Session Start that failed before it had a uuid is a line that can matter */
    if ((!LIT(s, n, q, "LOG ") || LIT(s, n, q, "LOG FASP Session Start uuid=- ")) && !LIT(s, n, q, "DBG ")) {
        f->last = 1;
        f->end = q;
        return 1;
    }
    return 0;
}

/* SYSLOG_RECORD's match starting at p (s[p:p+4] == "ascp"); its pid span in pid. */
static int syslog_at(const char *s, idx n, idx p, Found *f, idx *pid) {
    const char *nl = memchr(s + p, '\n', (size_t)(n - p));
    idx e = nl ? (idx)(nl - s) : n;
    idx k = p + 4;
    if (k < e && s[k] == '4') k++;
    if (!(k < e && (s[k] == '[' || s[k] == ' '))) return 0;
    k++;
    idx d = run(s, e, k, is_digit);
    if (d < 0) return 0;
    pid[0] = k;
    pid[1] = d;
    k = d;
    if (LIT(s, e, k, "]:")) {
        k += 2;
        if (k < e && s[k] == ' ') k++; /* ' ?+': possessive */
        return record_at(s, n, k, e, f);
    }
    if (!(k < e && s[k] == ' ')) return 0;
    idx t = k + 1;
    while (t < e && !is_space((unsigned char)s[t])) t++;
    if (t == k + 1 || !(t < e && s[t] == ' ')) return 0;
    k = t + 1;
    if (LIT(s, e, k, "- ")) return record_at(s, n, k + 2, e, f);
    if (k < e && s[k] == '[') {
        for (idx j = k + 1; j + 1 < e; j++) /* \[[^\n]*?\] : each "] " in turn */
            if (s[j] == ']' && s[j + 1] == ' ' && record_at(s, n, j + 2, e, f)) return 1;
    }
    return 0;
}

/* FILE_RECORD's match starting at p (s[p] == '['). */
static int file_at(const char *s, idx n, idx p, Found *f, idx *pid) {
    const char *nl = memchr(s + p, '\n', (size_t)(n - p));
    idx e = nl ? (idx)(nl - s) : n;
    idx a = run(s, e, p + 1, is_pid_char);
    if (a < 0 || !(a < e && s[a] == '-')) return 0;
    idx b = run(s, e, a + 1, is_pid_char);
    if (b < 0 || !LIT(s, e, b, "] ")) return 0;
    pid[0] = p + 1;
    pid[1] = a;
    return record_at(s, n, b + 2, e, f);
}

static PyObject *span(const char *s, idx a, idx b) { return PyBytes_FromStringAndSize(s + a, b - a); }

/* span(), or the bytes object made last time for the same text (a session's records follow each other: a uuid
 * or a pid read again is the same object, and its hash is computed once for the analyzer's lookups). */
static PyObject *span_again(const char *s, idx a, idx b, PyObject **last) {
    idx len = b - a;
    if (*last != NULL && PyBytes_GET_SIZE(*last) == len &&
        memcmp(PyBytes_AS_STRING(*last), s + a, (size_t)len) == 0)
        return Py_NewRef(*last);
    PyObject *made = span(s, a, b);
    if (made == NULL) return NULL;
    Py_XDECREF(*last);
    *last = Py_NewRef(made);
    return made;
}

/* A tuple of n new references (stolen, also on failure); NULL if any is NULL. Why not Py_BuildValue: it reads
 * its format string again for each of a million records. */
static PyObject *tuple_of(Py_ssize_t n, PyObject **items) {
    PyObject *t = NULL;
    for (Py_ssize_t i = 0; i < n; i++)
        if (items[i] == NULL) goto fail;
    t = PyTuple_New(n);
    if (t == NULL) goto fail;
    for (Py_ssize_t i = 0; i < n; i++) PyTuple_SET_ITEM(t, i, items[i]);
    return t;
fail:
    for (Py_ssize_t i = 0; i < n; i++) Py_XDECREF(items[i]);
    return NULL;
}

/* The same pid and uuid objects again while they repeat (span_again). */
typedef struct {
    PyObject *pid, *uuid;
} Reuse;


/* ---- a session record's text and the values the analyzer reads from it ----------------------------------- */

static idx find_in(const char *s, idx a, idx b, const char *lit, idx len) {
    if (b - a < len) return -1;
    const char *hit = search(s + a, (size_t)(b - a), lit, (size_t)len);
    return hit ? (idx)(hit - s) : -1;
}

static idx find_char(const char *s, idx a, idx b, char c) {
    if (a >= b) return -1;
    const char *hit = memchr(s + a, c, (size_t)(b - a));
    return hit ? (idx)(hit - s) : -1;
}

/* session.raw_value: the text after the first `needle` up to the next space (or the record's end). */
static PyObject *raw_value(const char *s, idx a, idx b, const char *needle) {
    idx len = (idx)strlen(needle);
    idx at = find_in(s, a, b, needle, len);
    if (at < 0) Py_RETURN_NONE;
    at += len;
    idx end = find_char(s, at, b, ' ');
    return span(s, at, end >= 0 ? end : b);
}

/* session.field_value's text, not decoded: a quoted value up to its closing quote (an escaped one, \", when its
 * opening quote is escaped), else up to a space. */
static int field_span(const char *s, idx a, idx b, const char *needle, idx len, idx *v0, idx *v1) {
    idx at = find_in(s, a, b, needle, len);
    if (at < 0) return 0;
    at += len;
    if (at < b && s[at] == '"') {
        idx end = find_char(s, at + 1, b, '"');
        *v0 = at + 1;
        *v1 = end >= 0 ? end : b;
        return 1;
    }
    if (at + 1 < b && s[at] == '\\' && s[at + 1] == '"') {
        /* quoted inside a JSON string (errstr=\"UDP session ...\"): up to the escaped closing quote */
        idx end = find_in(s, at + 2, b, "\\\"", 2);
        *v0 = at + 2;
        *v1 = end >= 0 ? end : b;
        return 1;
    }
    idx end = find_char(s, at, b, ' ');
    *v0 = at;
    *v1 = end >= 0 ? end : b;
    return 1;
}

static PyObject *field_raw(const char *s, idx a, idx b, const char *needle) {
    idx v0, v1;
    if (!field_span(s, a, b, needle, (idx)strlen(needle), &v0, &v1)) Py_RETURN_NONE;
    return span(s, v0, v1);
}

/* parse_fields(fields, records, needles): Collected.parsed's loop compiled (its reference, run where this was not
 * built): for each (kind, record) of records and each (key, needle) of needles[kind], fields[key] = the value
 * field_raw reads after the needle, decoded (UTF-8, errors replaced), when the needle is there. Why: a server's
 * log of many failed sessions reads some twenty fields of each, a large part of what counting one cost. */
static PyObject *parse_fields(PyObject *self, PyObject *args) {
    PyObject *fields, *records, *needles;
    (void)self;
    if (!PyArg_ParseTuple(args, "O!O!O!", &PyDict_Type, &fields, &PyList_Type, &records, &PyDict_Type, &needles))
        return NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(records); i++) {
        PyObject *pair = PyList_GET_ITEM(records, i);
        if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2 || !PyBytes_Check(PyTuple_GET_ITEM(pair, 1))) {
            PyErr_SetString(PyExc_TypeError, "parse_fields: a record is not a (kind, bytes) pair");
            return NULL;
        }
        PyObject *keys = PyDict_GetItemWithError(needles, PyTuple_GET_ITEM(pair, 0));
        if (keys == NULL) {
            if (PyErr_Occurred()) return NULL;
            continue;
        }
        Py_INCREF(pair); /* a key's value may be anything: keep the record alive while it is read */
        PyObject *record = PyTuple_GET_ITEM(pair, 1);
        const char *text = PyBytes_AS_STRING(record);
        idx len = PyBytes_GET_SIZE(record);
        Py_ssize_t n = PyTuple_Check(keys) ? PyTuple_GET_SIZE(keys) : -1;
        for (Py_ssize_t k = 0; k < n; k++) {
            PyObject *item = PyTuple_GET_ITEM(keys, k);
            if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 2 || !PyBytes_Check(PyTuple_GET_ITEM(item, 1))) {
                n = -1;
                break;
            }
            PyObject *needle = PyTuple_GET_ITEM(item, 1);
            idx v0, v1;
            if (!field_span(text, 0, len, PyBytes_AS_STRING(needle), PyBytes_GET_SIZE(needle), &v0, &v1)) continue;
            PyObject *value = PyUnicode_DecodeUTF8(text + v0, v1 - v0, "replace");
            int rc = value == NULL ? -1 : PyDict_SetItem(fields, PyTuple_GET_ITEM(item, 0), value);
            Py_XDECREF(value);
            if (rc < 0) {
                Py_DECREF(pair);
                return NULL;
            }
        }
        Py_DECREF(pair);
        if (n < 0) {
            PyErr_SetString(PyExc_TypeError, "parse_fields: needles[kind] is not a tuple of (key, bytes) pairs");
            return NULL;
        }
    }
    Py_RETURN_NONE;
}

/* The Session Statistics record's tx_bytes value when it is all digits (analyze's _statistics). */
/* Its digits' span in [*v, *end): 1, or 0 when there is none (no tx_bytes, or not all digits). */
static int tx_span(const char *s, idx a, idx b, idx *v, idx *end) {
    idx at = find_in(s, a, b, "tx_bytes ", 9);
    if (at < 0) return 0;
    *v = at + 9;
    *end = find_char(s, *v, b, ' ');
    if (*end < 0) *end = b;
    if (*end == *v) return 0;
    for (idx k = *v; k < *end; k++)
        if (!is_digit((unsigned char)s[k])) return 0;
    return 1;
}

static PyObject *tx_bytes(const char *s, idx a, idx b) {
    idx v, end;
    if (!tx_span(s, a, b, &v, &end)) Py_RETURN_NONE;
    return span(s, v, end);
}

/* The first match of solicited_rex=([\d.]+)% (analyze's _SOLICITED): its number. */
static PyObject *solicited(const char *s, idx a, idx b) {
    idx at = a;
    while ((at = find_in(s, at, b, "solicited_rex=", 14)) >= 0) {
        idx v = at + 14, end = run(s, b, v, is_rate_char);
        if (end > 0 && end < b && s[end] == '%') return span(s, v, end);
        at += 1;
    }
    Py_RETURN_NONE;
}

/* The end of the line a match ending at `from` is on, its trailing carriage returns left out. */
static idx record_end(const char *s, idx n, idx from) {
    const char *nl = memchr(s + from, '\n', (size_t)(n - from));
    idx b = nl ? (idx)(nl - s) : n;
    while (b > from && s[b - 1] == '\r') b--;
    return b;
}

/* A session record's tuple: (10, start, end, pid, kind, uuid, record, x, y); record is the rest of its line
 * (trailing carriage returns dropped), x and y what the analyzer reads from it (see scan.records_py). */
static PyObject *session_tuple(const char *s, idx n, idx start, const Found *f, const idx *pid, Reuse *r) {
    idx b = record_end(s, n, f->end);
    idx a = f->end;
    const char *kind = s + f->g[0];
    idx kind_len = f->g[1] - f->g[0];
    PyObject *x, *y;
    if (kind_len == 13 && memcmp(kind, "Session Start", 13) == 0) {
        x = raw_value(s, a, b, " peer=");
        y = raw_value(s, a, b, " local=");
    } else if (kind_len == 14 && memcmp(kind, "Session Params", 14) == 0) {
        x = field_raw(s, a, b, " user=");
        y = Py_NewRef(Py_None);
    } else if (kind_len == 18 && memcmp(kind, "Session Statistics", 18) == 0) {
        x = tx_bytes(s, a, b);
        y = solicited(s, a, b);
    } else {
        x = Py_NewRef(Py_None);
        y = Py_NewRef(Py_None);
    }
    PyObject *items[9] = {PyLong_FromLong(10),
                          PyLong_FromSsize_t(start),
                          PyLong_FromSsize_t(f->end),
                          span_again(s, pid[0], pid[1], &r->pid),
                          Py_NewRef(KIND_BYTES[f->kind]),
                          span_again(s, f->g[2], f->g[3], &r->uuid),
                          span(s, a, b),
                          x,
                          y};
    return tuple_of(9, items);
}

static PyObject *as_tuple(const char *s, idx n, idx start, const Found *f, const idx *pid, Reuse *r) {
    if (f->last == 10) return session_tuple(s, n, start, f, pid, r);
    if (f->last == 8) {
        PyObject *items[12] = {PyLong_FromLong(8),
                               PyLong_FromSsize_t(start),
                               PyLong_FromSsize_t(f->end),
                               span_again(s, pid[0], pid[1], &r->pid),
                               span_again(s, f->g[0], f->g[1], &r->uuid),
                               span(s, f->g[2], f->g[3]),
                               span(s, f->g[4], f->g[5]),
                               span(s, f->g[6], f->g[7]),
                               span(s, f->g[8], f->g[9]),
                               span(s, f->g[10], f->g[11]),
                               span(s, f->g[12], f->g[13]),
                               PyLong_FromSsize_t(f->g[0])};
        return tuple_of(12, items);
    }
    PyObject *items[4] = {PyLong_FromLong(f->last), PyLong_FromSsize_t(start), PyLong_FromSsize_t(f->end),
                          span_again(s, pid[0], pid[1], &r->pid)};
    return tuple_of(4, items);
}

/* The next record from *pos on (SYSLOG_RECORD's or FILE_RECORD's match): 1 with its start in *start, its match
 * in *f and its pid's span in pid, *pos moved past it; 0 when there is none left. */
static int next_record(const char *s, idx n, int file_form, idx *pos, idx *start, Found *f, idx *pid) {
    while (*pos < n) {
        const char *hit = file_form ? memchr(s + *pos, '[', (size_t)(n - *pos))
                                    : search(s + *pos, (size_t)(n - *pos), "ascp", 4);
        if (hit == NULL) break;
        idx p = (idx)(hit - s);
        f->last = 0;
        int ok = file_form ? file_at(s, n, p, f, pid) : syslog_at(s, n, p, f, pid);
        if (!ok) {
            *pos = p + 1;
            continue;
        }
        *start = p;
        *pos = f->end > p ? f->end : p + 1;
        return 1;
    }
    *pos = n;
    return 0;
}

static PyObject *records(PyObject *self, PyObject *args) {
    Py_buffer view;
    int file_form;
    (void)self;
    if (!PyArg_ParseTuple(args, "y*p", &view, &file_form)) return NULL;
    const char *s = view.buf;
    idx n = view.len;
    Reuse reuse = {NULL, NULL};
    PyObject *out = PyList_New(0);
    if (out == NULL) goto fail;
    idx pos = 0, p;
    Found f;
    idx pid[2];
    while (next_record(s, n, file_form, &pos, &p, &f, pid)) {
        PyObject *t = as_tuple(s, n, p, &f, pid, &reuse);
        if (t == NULL || PyList_Append(out, t) < 0) {
            Py_XDECREF(t);
            goto fail;
        }
        Py_DECREF(t);
    }
    Py_XDECREF(reuse.pid);
    Py_XDECREF(reuse.uuid);
    PyBuffer_Release(&view);
    return out;
fail:
    Py_XDECREF(reuse.pid);
    Py_XDECREF(reuse.uuid);
    Py_XDECREF(out);
    PyBuffer_Release(&view);
    return NULL;
}


/* ---- sshd's lines ------------------------------------------------------------------------------------------
 *
 * SSHD_TAG   = sshd(?:-session)?(?:\[\d+\]:|:| \d+ \S+ (?:-|\[[^\n]*?\]))  (and the space after it)
 * SSHD_HINT  = SSHD_TAG (?:error: )?(?:Unable to negotiate with |drop connection #|refused connect from
 *              |Failed (?:password|publickey|keyboard-interactive/pam) for (?!invalid user )|Invalid user
 *              |(?:Connection closed by|Disconnected from) authenticating user
 *              |User \S+ (?:from \S+ )?not allowed because )
 * SSHD_LOGIN = SSHD_TAG Accepted \S+ for (\S+) from ([0-9A-Fa-f.:]+) port
 */

typedef int (*after_tag)(const char *s, idx n, idx q, idx e, idx *end, idx *g);

/* SSHD_TAG at p (s[p:p+4] == "sshd") followed by what `rest` reads, tried at each place the tag can end (its
 * lazy structured data included). */
static int sshd_at(const char *s, idx n, idx p, after_tag rest, idx *end, idx *g) {
    const char *nl = memchr(s + p, '\n', (size_t)(n - p));
    idx e = nl ? (idx)(nl - s) : n;
    idx k = p + 4;
    if (LIT(s, e, k, "-session")) k += 8;
    if (k < e && s[k] == '[') {
        idx d = run(s, e, k + 1, is_digit);
        if (d < 0 || !LIT(s, e, d, "]: ")) return 0;
        return rest(s, n, d + 3, e, end, g);
    }
    if (LIT(s, e, k, ": ")) return rest(s, n, k + 2, e, end, g); /* "sshd: " alone (Windows' sshd.log) */
    if (!(k < e && s[k] == ' ')) return 0;
    idx d = run(s, e, k + 1, is_digit);
    if (d < 0 || !(d < e && s[d] == ' ')) return 0;
    idx t = d + 1;
    while (t < e && !is_space((unsigned char)s[t])) t++;
    if (t == d + 1 || !(t < e && s[t] == ' ')) return 0;
    k = t + 1;
    if (LIT(s, e, k, "- ")) return rest(s, n, k + 2, e, end, g);
    if (k < e && s[k] == '[') {
        for (idx j = k + 1; j + 1 < e; j++)
            if (s[j] == ']' && s[j + 1] == ' ' && rest(s, n, j + 2, e, end, g)) return 1;
    }
    return 0;
}

static int not_space(unsigned char c) { return !is_space(c); }

static int hint_rest(const char *s, idx n, idx q, idx e, idx *end, idx *g) {
    (void)n;
    (void)g;
    if (LIT(s, e, q, "error: ")) q += 7; /* (?:error: )? : none of the words below starts with 'e' */
    if (LIT(s, e, q, "Unable to negotiate with ")) { *end = q + 25; return 1; }
    if (LIT(s, e, q, "drop connection #")) { *end = q + 17; return 1; }
    if (LIT(s, e, q, "refused connect from ")) { *end = q + 21; return 1; }
    if (LIT(s, e, q, "Invalid user ")) { *end = q + 13; return 1; }
    if (LIT(s, e, q, "Connection closed by authenticating user ")) { *end = q + 41; return 1; }
    if (LIT(s, e, q, "Disconnected from authenticating user ")) { *end = q + 38; return 1; }
    if (LIT(s, e, q, "User ")) {
        /* User \S+ (?:from \S+ )?not allowed because  */
        idx k = run(s, e, q + 5, not_space);
        if (k < 0 || !(k < e && s[k] == ' ')) return 0;
        k++;
        if (LIT(s, e, k, "from ")) {
            idx f = run(s, e, k + 5, not_space);
            if (f >= 0 && f < e && s[f] == ' ' && LIT(s, e, f + 1, "not allowed because ")) {
                *end = f + 21;
                return 1;
            }
        }
        if (LIT(s, e, k, "not allowed because ")) { *end = k + 20; return 1; }
        return 0;
    }
    if (LIT(s, e, q, "Failed ")) {
        idx k = q + 7;
        if (LIT(s, e, k, "password")) k += 8;
        else if (LIT(s, e, k, "publickey")) k += 9;
        else if (LIT(s, e, k, "keyboard-interactive/pam")) k += 24;
        else return 0;
        if (!LIT(s, e, k, " for ")) return 0;
        k += 5;
        if (LIT(s, n, k, "invalid user ")) return 0;
        *end = k;
        return 1;
    }
    return 0;
}

static int is_peer_char(unsigned char c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' || c == ':';
}

static int login_rest(const char *s, idx n, idx q, idx e, idx *end, idx *g) {
    (void)n;
    if (!LIT(s, e, q, "Accepted ")) return 0;
    idx k = run(s, e, q + 9, not_space);
    if (k < 0 || !LIT(s, e, k, " for ")) return 0;
    idx u = k + 5, u_end = run(s, e, u, not_space);
    if (u_end < 0 || !LIT(s, e, u_end, " from ")) return 0;
    idx a = u_end + 6, a_end = run(s, e, a, is_peer_char);
    if (a_end < 0 || !LIT(s, e, a_end, " port ")) return 0;
    g[0] = u;
    g[1] = u_end;
    g[2] = a;
    g[3] = a_end;
    *end = a_end + 6;
    return 1;
}

/* Every match of SSHD_HINT and every match of SSHD_LOGIN, each leftmost first and not overlapping, as Python's
 * finditer finds them: (hint starts, (user, address) pairs). One walk over the chunk's "sshd" serves both (two
 * walks cost a whole read of the chunk each); each search keeps its own position, so a hit inside the previous
 * match of one search can still start a match of the other, as in two separate finditer calls. */
static PyObject *sshd_lines(PyObject *self, PyObject *args) {
    Py_buffer view;
    (void)self;
    if (!PyArg_ParseTuple(args, "y*", &view)) return NULL;
    const char *s = view.buf;
    idx n = view.len;
    PyObject *hints = PyList_New(0), *logins = PyList_New(0), *out = NULL;
    if (hints == NULL || logins == NULL) goto fail;
    idx pos = 0, hint_pos = 0, login_pos = 0;
    while (pos < n) {
        const char *hit = search(s + pos, (size_t)(n - pos), "sshd", 4);
        if (hit == NULL) break;
        idx p = (idx)(hit - s), end = p, g[4];
        pos = p + 1;
        if (p >= hint_pos && sshd_at(s, n, p, hint_rest, &end, g)) {
            PyObject *item = PyLong_FromSsize_t(p);
            if (item == NULL || PyList_Append(hints, item) < 0) {
                Py_XDECREF(item);
                goto fail;
            }
            Py_DECREF(item);
            hint_pos = end > p ? end : p + 1;
        }
        end = p;
        if (p >= login_pos && sshd_at(s, n, p, login_rest, &end, g)) {
            PyObject *item = Py_BuildValue("(NN)", span(s, g[0], g[1]), span(s, g[2], g[3]));
            if (item == NULL || PyList_Append(logins, item) < 0) {
                Py_XDECREF(item);
                goto fail;
            }
            Py_DECREF(item);
            login_pos = end > p ? end : p + 1;
        }
    }
    out = PyTuple_Pack(2, hints, logins);
fail:
    Py_XDECREF(hints);
    Py_XDECREF(logins);
    PyBuffer_Release(&view);
    return out;
}


/* ---- the analyzer's loop over a chunk's records ------------------------------------------------------------
 *
 * apply(found, opened, recent, open_session, record_at, other, failed_file, analyzer, finish, grace,
 * max_kept_ok, max_clients, opening) is Analyzer._apply compiled, with Analyzer._opened for a session record that
 * opens a session (given `opening` = (chunk, syslog, source, Collected, MAX_OPEN)), Analyzer._record and _end for
 * a Session Stop that succeeded, and _finish for a success that is only counted: the same reading of each record,
 * in the same order, through the same Python objects (the sessions are the analyzer's Collected, their attributes
 * set here by name); whatever is not one of the frequent records goes to the same Python methods (a session
 * opened by a file's end, a Session Stop and the rarer records, the receiver's and ascp's other lines, a file that
 * failed). tests/unit/test_explain_records.py holds both to the same explanations.
 */

static PyObject *S_lines, *S_records, *S_named, *S_user_raw, *S_peer_raw, *S_local_raw, *S_bytes, *S_losses,
    *S_files_ok, *S_files_failed, *S_rates_mbps, *S_seconds, *K_params, *K_start, *K_stats, *B_success, *K_stop,
    *S_stop_ok, *S_ended, *S_ended_at, *S_tick, *S_pop, *S_popitem, *S_kept_ok, *S_uuid, *S_finals, *S_details,
    *S_exit_status, *S_completed, *S_read_ahead, *S_syslog, *S_sessions_total, *S_outcomes, *S_causes,
    *S_transfer_users, *S_clients, *S_sessions, *S_succeeded, *U_success, *U_ok, *U_unknown, *S_order,
    *S_sessions_seen, *S_absorb, *S_process, *S_pending, *S_run_sources;

static int intern_names(void) {
#define NAME(var, text) if ((var = PyUnicode_InternFromString(text)) == NULL) return -1;
    NAME(S_lines, "lines") NAME(S_records, "records") NAME(S_named, "named") NAME(S_user_raw, "user_raw")
    NAME(S_peer_raw, "peer_raw") NAME(S_local_raw, "local_raw") NAME(S_bytes, "bytes") NAME(S_losses, "losses")
    NAME(S_files_ok, "files_ok") NAME(S_files_failed, "files_failed") NAME(S_rates_mbps, "rates_mbps")
    NAME(S_seconds, "seconds") NAME(S_stop_ok, "stop_ok") NAME(S_ended, "ended") NAME(S_ended_at, "ended_at")
    NAME(S_tick, "_tick") NAME(S_pop, "pop") NAME(S_popitem, "popitem")
    NAME(S_kept_ok, "_kept_ok") NAME(S_uuid, "uuid") NAME(S_finals, "finals") NAME(S_details, "details")
    NAME(S_exit_status, "exit_status") NAME(S_completed, "completed") NAME(S_read_ahead, "read_ahead")
    NAME(S_syslog, "syslog") NAME(S_sessions_total, "sessions_total") NAME(S_outcomes, "outcomes")
    NAME(S_causes, "causes") NAME(S_transfer_users, "_transfer_users") NAME(S_clients, "_clients")
    NAME(S_sessions, "sessions") NAME(S_succeeded, "succeeded") NAME(U_success, "success") NAME(U_ok, "ok")
    NAME(U_unknown, "?") NAME(S_order, "_order") NAME(S_sessions_seen, "sessions_seen") NAME(S_absorb, "absorb")
    NAME(S_process, "_process") NAME(S_pending, "_pending") NAME(S_run_sources, "_run_sources")
#undef NAME
    if ((B_success = PyBytes_FromString("success")) == NULL) return -1;
    for (size_t i = 0; i < sizeof(KINDS) / sizeof(KINDS[0]); i++)
        if ((KIND_BYTES[i] = PyBytes_FromString(KINDS[i])) == NULL) return -1;
    K_start = KIND_BYTES[0], K_stop = KIND_BYTES[1], K_params = KIND_BYTES[2], K_stats = KIND_BYTES[3];
    return 0;
}

static int bytes_eq(PyObject *a, PyObject *b) {
    if (a == b) return 1; /* records' kinds are KIND_BYTES themselves */
    Py_ssize_t n = PyBytes_GET_SIZE(a);
    return n == PyBytes_GET_SIZE(b) && memcmp(PyBytes_AS_STRING(a), PyBytes_AS_STRING(b), (size_t)n) == 0;
}

/* obj.<name> += delta. */
static int add_attr(PyObject *obj, PyObject *name, PyObject *delta) {
    PyObject *value = PyObject_GetAttr(obj, name);
    if (value == NULL) return -1;
    PyObject *sum = PyNumber_Add(value, delta);
    Py_DECREF(value);
    if (sum == NULL) return -1;
    int rc = PyObject_SetAttr(obj, name, sum);
    Py_DECREF(sum);
    return rc;
}

/* obj.<name> += delta (an int). */
static int add_int(PyObject *obj, PyObject *name, long delta) {
    PyObject *d = PyLong_FromLong(delta);
    if (d == NULL) return -1;
    int rc = add_attr(obj, name, d);
    Py_DECREF(d);
    return rc;
}

/* session.records.append((kind, record)). */
static int append_record(PyObject *session, PyObject *kind, PyObject *record) {
    PyObject *records = PyObject_GetAttr(session, S_records);
    if (records == NULL) return -1;
    PyObject *pair = PyTuple_Pack(2, kind, record);
    int rc = pair != NULL && PyList_Append(records, pair) == 0 ? 0 : -1;
    Py_XDECREF(pair);
    Py_DECREF(records);
    return rc;
}

/* Collected.moved(n): bytes = n if bytes is None else max(bytes, n). Steals n. */
static int moved(PyObject *session, PyObject *n) {
    if (n == NULL) return -1;
    PyObject *now = PyObject_GetAttr(session, S_bytes);
    if (now == NULL) {
        Py_DECREF(n);
        return -1;
    }
    int rc = 0;
    if (now == Py_None) {
        rc = PyObject_SetAttr(session, S_bytes, n);
    } else {
        int less = PyObject_RichCompareBool(now, n, Py_LT); /* max(now, n) is n only when now < n */
        rc = less < 0 ? -1 : (less ? PyObject_SetAttr(session, S_bytes, n) : 0);
    }
    Py_DECREF(now);
    Py_DECREF(n);
    return rc;
}

/* list.append(item). Steals item. */
static int append_kept(PyObject *list, PyObject *item) {
    if (item == NULL) return -1;
    int rc = PyList_Append(list, item);
    Py_DECREF(item);
    return rc;
}

/* del list[:-keep] when it is longer. */
static int trim(PyObject *list, Py_ssize_t keep) {
    Py_ssize_t n = PyList_GET_SIZE(list);
    return n > keep ? PyList_SetSlice(list, 0, n - keep, NULL) : 0;
}

/* analyze._number: float(text), or NULL without an error set when it is no number (NULL with one: a failure). */
static PyObject *number(PyObject *text) {
    PyObject *value = PyFloat_FromString(text);
    if (value == NULL && PyErr_ExceptionMatches(PyExc_ValueError)) PyErr_Clear();
    return value;
}

/* What opening a session in C needs (Analyzer._opened for a session record; everything else opens in Python). */
typedef struct {
    PyObject *chunk;       /* bytes: the chunk the records were found in; NULL: every session opens in Python */
    int syslog;            /* the chunk is syslog (else ascp's own log file) */
    PyObject *source;      /* str: the input's name */
    PyObject *collected;   /* session.Collected */
    Py_ssize_t max_open;   /* analyze.MAX_OPEN */
    PyObject *analyzer;    /* its _order and sessions_seen */
    PyObject *process, *pending, *run_sources; /* the analyzer's _process, _pending and _run_sources */
} Opening;

/* scan.syslog_prefix (syslog) or scan.file_prefix of the record whose tag starts at `at`, for the usual line:
 * 1 with the stamp in [*a0, *a1) and the host in [*h0, *h1) (syslog only); 0 where Python's slices would read
 * a missing space or a negative index otherwise (Python's _opened does it then). */
static int prefix_at(const char *s, idx n, idx at, int syslog, idx *a0, idx *a1, idx *h0, idx *h1) {
    if (at < 1 || at > n) return 0;
    idx start = at;
    while (start > 0 && s[start - 1] != '\n') start--;
    if (!syslog) {
        *a0 = start;
        *a1 = at - 1 > start ? at - 1 : start; /* chunk[start : at - 1]: empty when the end is before the start */
        return 1;
    }
    if (start + 2 <= n && s[start] == '-' && s[start + 1] == ' ') start += 2; /* pastebin's list markers */
    if (start < n && s[start] == '<') { /* RFC 5424's <PRI>VERSION */
        idx space = find_char(s, start, at, ' ');
        if (space < 0) return 0;
        start = space + 1;
    }
    idx end = at - 1, h = end - 1; /* chunk.rfind(b" ", start, at - 1) */
    while (h >= start && s[h] != ' ') h--;
    if (end < start || h < start) return 0;
    *a0 = start;
    *a1 = h;
    *h0 = h + 1;
    *h1 = end;
    return 1;
}

/* Analyzer._opened (_prefix, _new and _bind) for a session record that opens a session: a new reference, or NULL
 * without an error set when Python must open it (no chunk given, a line Python's slices read otherwise, the
 * open sessions at their bound), NULL with one on a failure. Every check comes before the first change. */
static PyObject *open_here(PyObject *t, PyObject *opened, const Opening *o) {
    if (o == NULL || o->chunk == NULL) return NULL;
    Py_ssize_t size = PyObject_Length(opened);
    if (size < 0) return NULL;
    if (size >= o->max_open) return NULL; /* _new finishes the oldest open session then */
    const char *s = PyBytes_AS_STRING(o->chunk);
    idx n = PyBytes_GET_SIZE(o->chunk), a0, a1, h0 = 0, h1 = 0;
    if (!prefix_at(s, n, PyLong_AsSsize_t(PyTuple_GET_ITEM(t, 1)), o->syslog, &a0, &a1, &h0, &h1))
        return NULL; /* with PyLong_AsSsize_t's error, if it failed */
    PyObject *pid = PyTuple_GET_ITEM(t, 3), *uuid = PyTuple_GET_ITEM(t, 5);
    PyObject *stamp = NULL, *process = NULL, *order = NULL, *uuid_text = NULL, *session = NULL, *key = NULL;
    PyObject *opened_session = NULL;
    stamp = span(s, a0, a1);
    if (stamp == NULL) goto done;
    if (o->syslog) { /* host + b"/" + pid */
        idx hl = h1 - h0, pl = PyBytes_GET_SIZE(pid);
        process = PyBytes_FromStringAndSize(NULL, hl + 1 + pl);
        if (process == NULL) goto done;
        char *p = PyBytes_AS_STRING(process);
        memcpy(p, s + h0, (size_t)hl);
        p[hl] = '/';
        memcpy(p + hl + 1, PyBytes_AS_STRING(pid), (size_t)pl);
    } else {
        process = Py_NewRef(pid);
    }
    /* _new */
    if (add_int(o->analyzer, S_order, 1) < 0 || (order = PyObject_GetAttr(o->analyzer, S_order)) == NULL) goto done;
    if (PySet_Add(o->run_sources, o->source) < 0) goto done;
    if (add_int(o->analyzer, S_sessions_seen, 1) < 0) goto done;
    uuid_text = PyUnicode_DecodeASCII(PyBytes_AS_STRING(uuid), PyBytes_GET_SIZE(uuid), "replace");
    if (uuid_text == NULL) goto done;
    PyObject *args[5] = {o->source, uuid_text, order, o->syslog ? Py_True : Py_False, stamp};
    session = PyObject_Vectorcall(o->collected, args, 5, NULL);
    if (session == NULL || PyObject_SetItem(opened, uuid, session) < 0) goto done; /* an OrderedDict: its own */
    /* _bind */
    key = PyTuple_Pack(2, o->source, process);
    if (key == NULL || PyObject_SetItem(o->process, key, uuid) < 0) goto done;
    if (PyObject_Length(o->pending) != 0) {
        PyObject *pending = PyObject_CallMethodObjArgs(o->pending, S_pop, key, Py_None, NULL);
        if (pending == NULL) goto done;
        PyObject *r = pending == Py_None ? Py_NewRef(Py_None) : PyObject_CallMethodOneArg(session, S_absorb, pending);
        Py_DECREF(pending);
        if (r == NULL) goto done;
        Py_DECREF(r);
    }
    opened_session = Py_NewRef(session);
done:
    if (opened_session == NULL && !PyErr_Occurred())
        PyErr_SetString(PyExc_SystemError, "open_here: failed without an error");
    Py_XDECREF(stamp);
    Py_XDECREF(process);
    Py_XDECREF(order);
    Py_XDECREF(uuid_text);
    Py_XDECREF(session);
    Py_XDECREF(key);
    return opened_session;
}

/* opened.get(uuid) or recent.get(uuid) or the session the record opens (in C for a session record, `opening`;
 * else open_session(record), Python's): sessions are always true */
static PyObject *session_of(PyObject *key, PyObject *opened, PyObject *recent, PyObject *open_session, PyObject *t,
                            const Opening *opening) {
    PyObject *session = PyDict_GetItemWithError(opened, key);
    if (session == NULL && !PyErr_Occurred()) session = PyDict_GetItemWithError(recent, key);
    if (session != NULL) return Py_NewRef(session);
    if (PyErr_Occurred()) return NULL;
    session = open_here(t, opened, opening);
    if (session != NULL || PyErr_Occurred()) return session;
    return PyObject_CallOneArg(open_session, t);
}

typedef struct {
    PyObject *analyzer;      /* for its _tick, and its counters when a success is only counted */
    PyObject *finish;        /* Analyzer._finish */
    Py_ssize_t grace;        /* analyze.GRACE */
    Py_ssize_t max_kept_ok;  /* analyze.MAX_KEPT_OK */
    Py_ssize_t max_clients;  /* analyze.MAX_CLIENTS */
    PyObject *settled;       /* analyze._SETTLED: a settled session's place among the recent ones (NULL: none) */
} Ends;

/* The attribute as a borrowed-like value: NULL on error (the reference is dropped at once: the session or the
 * analyzer keeps the object alive while it is looked at). */
static PyObject *peek(PyObject *obj, PyObject *name) {
    PyObject *value = PyObject_GetAttr(obj, name);
    if (value != NULL) Py_DECREF(value);
    return value;
}

/* session.ports_side's `served`: a port a server listens on. */
static int served(long port) { return port < 32768 || (port >= 33001 && port <= 33100); }

/* A port after the last ':' of an end (`int(p) if p.isdigit() else None`): -1 for None, -2 when it is too long
 * to read here (Python does it then). */
static long end_port(const char *s, Py_ssize_t n, Py_ssize_t *colon) {
    Py_ssize_t at = n;
    while (at > 0 && s[at - 1] != ':') at--;
    *colon = at > 0 ? at - 1 : -1;
    Py_ssize_t len = n - at;
    if (len == 0) return -1;
    for (Py_ssize_t k = at; k < n; k++)
        if (!is_digit((unsigned char)s[k])) return -1;
    if (len > 9) return -2;
    long port = 0;
    for (Py_ssize_t k = at; k < n; k++) port = port * 10 + (s[k] - '0');
    return port;
}

/* counter[key] += 1 (a Counter: a missing key counts from 0). */
static int count_up(PyObject *counter, PyObject *key) {
    PyObject *now = PyObject_GetItem(counter, key);
    if (now == NULL) return -1;
    PyObject *one = PyLong_FromLong(1);
    PyObject *sum = one ? PyNumber_Add(now, one) : NULL;
    Py_DECREF(now);
    Py_XDECREF(one);
    if (sum == NULL) return -1;
    int rc = PyObject_SetItem(counter, key, sum);
    Py_DECREF(sum);
    return rc;
}

/* Collected.counted's reading of a session's two ends (`peer` and `local` bytes, `user_raw` bytes or None, `syslog`:
 * a logged session): 1 with *server (whose log it is: the server's), *address (the peer's address, decoded) and
 * *user (decoded; NULL for none), new references; 0 where Python reads it (an odd port or address); -1 on error. */
static int counted_ends(PyObject *peer, PyObject *local, PyObject *user_raw, int syslog, int *server,
                        PyObject **address, PyObject **user) {
    const char *ps = PyBytes_AS_STRING(peer), *ls = PyBytes_AS_STRING(local);
    Py_ssize_t pn = PyBytes_GET_SIZE(peer), ln = PyBytes_GET_SIZE(local), pcolon, lcolon;
    long peer_port = end_port(ps, pn, &pcolon), local_port = end_port(ls, ln, &lcolon);
    if (peer_port == -2 || local_port == -2) return 0;
    if (pcolon < 0) return 0; /* no ':': its address is '' and counted() reads it as none; Python does that */
    int local_any = ln >= 7 && memcmp(ls, "0.0.0.0", 7) == 0;
    long lp = local_port < 0 ? 0 : local_port, pp = peer_port < 0 ? 0 : peer_port;
    if (lp && pp && !local_any && served(lp) && !served(pp)) *server = 1;
    else if (pp && served(pp) && (!lp || !served(lp) || local_any)) *server = 0;
    else *server = syslog; /* logged: a uuid */
    Py_ssize_t a0 = 0, a1 = pcolon; /* peer_address.strip(b"[]") */
    while (a0 < a1 && (ps[a0] == '[' || ps[a0] == ']')) a0++;
    while (a1 > a0 && (ps[a1 - 1] == '[' || ps[a1 - 1] == ']')) a1--;
    if (pcolon == 0) return 0; /* an empty address: none; Python does that */
    for (Py_ssize_t k = a0; k < a1; k++)
        if ((unsigned char)ps[k] >= 0x80) return 0;
    *user = NULL;
    if (user_raw != Py_None) {
        *user = PyUnicode_DecodeUTF8(PyBytes_AS_STRING(user_raw), PyBytes_GET_SIZE(user_raw), "replace");
        if (*user == NULL) return -1;
    }
    *address = PyUnicode_DecodeASCII(ps + a0, a1 - a0, "replace");
    if (*address == NULL) {
        Py_CLEAR(*user);
        return -1;
    }
    return 1;
}

/* The analyzer's tally of the client a server's success is counted for (_count_client for a client already
 * known): 1 with *client (a new reference; NULL when there is no client to count); 0 where Python's
 * _count_client does it (a client without a user, looked up in sshd's logins; a client seen first); -1 on error. */
static int known_client(PyObject *analyzer, PyObject *address, PyObject *user, int has_user, PyObject **client) {
    *client = NULL;
    if (!has_user && PyUnicode_GET_LENGTH(address) > 0) return 0;
    if (!has_user && PyUnicode_GET_LENGTH(address) == 0) return 1;
    PyObject *clients = peek(analyzer, S_clients);
    if (clients == NULL) return -1;
    if (!PyDict_Check(clients)) return 0;
    PyObject *key = PyTuple_Pack(2, PyUnicode_GET_LENGTH(address) > 0 ? address : U_unknown, has_user ? user : U_unknown);
    if (key == NULL) return -1;
    PyObject *found = PyDict_GetItemWithError(clients, key);
    Py_DECREF(key);
    if (found == NULL) return PyErr_Occurred() ? -1 : 0;
    *client = Py_NewRef(found);
    return 1;
}

/* The counting of a success that is only counted (Analyzer._finish's first branch): the analyzer's totals, the
 * user among the transfer accounts (`user`: NULL for none), and the client's sessions, successes and bytes
 * (`client`: NULL for none; `moved`: the session's bytes, None for none). */
static int tally_success(PyObject *a, const Ends *ends, PyObject *user, PyObject *client, PyObject *moved) {
    if (add_int(a, S_sessions_total, 1) < 0) return -1;
    PyObject *outcomes = peek(a, S_outcomes), *causes = outcomes ? peek(a, S_causes) : NULL;
    if (causes == NULL || count_up(outcomes, U_success) < 0 || count_up(causes, U_ok) < 0) return -1;
    if (user != NULL) {
        PyObject *users = peek(a, S_transfer_users);
        if (users == NULL) return -1;
        Py_ssize_t n = PySet_Size(users);
        if (n < 0 || (n < ends->max_clients && PySet_Add(users, user) < 0)) return -1;
    }
    if (client != NULL) {
        if (add_int(client, S_sessions, 1) < 0 || add_int(client, S_succeeded, 1) < 0) return -1;
        int any = PyObject_IsTrue(moved); /* client.bytes += moved or 0 */
        if (any < 0) return -1;
        if (any && add_attr(client, S_bytes, moved) < 0) return -1;
    }
    return 0;
}

/* Analyzer._finish for a success beyond the kept ones that is only counted (Collected.counted with its
 * read-ahead values, and _count_client for a client already known). 1: counted here; 0: anything else, nothing
 * changed (Python's _finish does it all); -1: an error. Every check comes before the first change. */
static int finished(PyObject *session, const Ends *ends) {
    PyObject *a = ends->analyzer, *v;
    if ((v = peek(a, S_kept_ok)) == NULL) return -1;
    Py_ssize_t kept = PyLong_AsSsize_t(v);
    if (kept == -1 && PyErr_Occurred()) return -1;
    if (kept < ends->max_kept_ok) return 0;
    if ((v = peek(session, S_uuid)) == NULL) return -1;
    if (v == Py_None) return 0;
    if ((v = peek(session, S_finals)) == NULL) return -1;
    if (!PyList_CheckExact(v) || PyList_GET_SIZE(v) != 0) return 0;
    if ((v = peek(session, S_details)) == NULL) return -1;
    if (!PyList_CheckExact(v) || PyList_GET_SIZE(v) != 0) return 0;
    if ((v = peek(session, S_files_failed)) == NULL) return -1;
    if (!PyLong_CheckExact(v) || PyLong_AsLong(v) != 0) return 0;
    if ((v = peek(session, S_exit_status)) == NULL) return -1;
    if (v != Py_None) return 0;
    if ((v = peek(session, S_completed)) == NULL) return -1;
    if (v != Py_None) return 0;
    if ((v = peek(session, S_read_ahead)) == NULL) return -1;
    if (v != Py_True) return 0;
    if ((v = peek(session, S_stop_ok)) == NULL) return -1;
    if (v != Py_True) return 0;
    PyObject *peer = peek(session, S_peer_raw), *local = peer ? peek(session, S_local_raw) : NULL;
    if (local == NULL) return -1;
    if (!PyBytes_CheckExact(peer) || !PyBytes_CheckExact(local)) return 0;
    PyObject *syslog = peek(session, S_syslog), *user_raw = syslog ? peek(session, S_user_raw) : NULL;
    if (user_raw == NULL) return -1;
    if (user_raw != Py_None && !PyBytes_CheckExact(user_raw)) return 0;

    PyObject *user = NULL, *address = NULL, *client = NULL, *moved = NULL;
    int server;
    int rc = counted_ends(peer, local, user_raw, syslog == Py_True, &server, &address, &user);
    if (rc <= 0) return rc;
    int has_user = user != NULL && PyUnicode_GET_LENGTH(user) > 0;
    if (server) {
        rc = known_client(a, address, user, has_user, &client);
        if (rc <= 0) goto done;
        if (client != NULL && (moved = PyObject_GetAttr(session, S_bytes)) == NULL) {
            rc = -1;
            goto done;
        }
    }
    /* every check made: count it */
    rc = tally_success(a, ends, has_user ? user : NULL, client, moved) < 0 ? -1 : 1;
done:
    Py_XDECREF(user);
    Py_XDECREF(address);
    Py_XDECREF(client);
    Py_XDECREF(moved);
    return rc;
}

/* count_success(session, analyzer, max_kept_ok, max_clients) -> whether the session was a success beyond the
 * kept ones and is now only counted (`finished`): Analyzer._finish asks first, for the sessions Python's own
 * paths end (the oldest recent one that a failed session's end pushes out). */
static PyObject *count_success(PyObject *self, PyObject *args) {
    PyObject *session;
    Ends ends = {NULL, NULL, 0, 0, 0, NULL};
    (void)self;
    if (!PyArg_ParseTuple(args, "OOnn", &session, &ends.analyzer, &ends.max_kept_ok, &ends.max_clients))
        return NULL;
    int rc = finished(session, &ends);
    if (rc < 0) return NULL;
    return PyBool_FromLong(rc);
}

/* Analyzer._end's last part: recent[uuid] = session, then the oldest recent sessions beyond the grace finished
 * (counted here when they can be, `finished`; a settled session's place, `ends->settled`, was counted already).
 * 1, or -1 on error. */
static int keep_recent(PyObject *recent, PyObject *uuid, PyObject *session, const Ends *ends) {
    if (PyObject_SetItem(recent, uuid, session) < 0) return -1;
    while (PyObject_Length(recent) > ends->grace) {
        PyObject *item = PyObject_CallMethodObjArgs(recent, S_popitem, Py_False, NULL); /* popitem(last=False) */
        if (item == NULL) return -1;
        PyObject *done = PyTuple_GET_ITEM(item, 1);
        int counted = done == ends->settled ? 1 : finished(done, ends);
        if (counted == 0) {
            PyObject *r = PyObject_CallOneArg(ends->finish, done);
            counted = r == NULL ? -1 : 1;
            Py_XDECREF(r);
        }
        Py_DECREF(item);
        if (counted < 0) return -1;
    }
    return 1;
}

/* Analyzer._record for a Session Stop that succeeded, of a session whose Session Params named its user, with
 * Analyzer._end after it (the session kept among the recent ones, the oldest of those finished). 1: done here;
 * 0: anything else (Python's _record reads it). */
static int stopped(PyObject *session, PyObject *uuid, PyObject *record, PyObject *opened, PyObject *recent,
                   const Ends *ends) {
    const char *text = PyBytes_AS_STRING(record);
    size_t len = (size_t)PyBytes_GET_SIZE(record);
    if (search(text, len, " status=success", 15) == NULL) return 0;
    PyObject *named = PyObject_GetAttr(session, S_named);
    PyObject *was = named ? PyObject_GetAttr(session, S_ended) : NULL;
    if (was == NULL) {
        Py_XDECREF(named);
        return -1;
    }
    int plain = named == Py_True && was == Py_False;
    Py_DECREF(named);
    Py_DECREF(was);
    if (!plain) return 0;
    if (append_record(session, K_stop, record) < 0 || PyObject_SetAttr(session, S_stop_ok, Py_True) < 0 ||
        PyObject_SetAttr(session, S_ended, Py_True) < 0)
        return -1;
    PyObject *tick = PyObject_GetAttr(ends->analyzer, S_tick);
    if (tick == NULL) return -1;
    int ok = PyObject_SetAttr(session, S_ended_at, tick) == 0;
    Py_DECREF(tick);
    if (!ok) return -1;
    PyObject *r = PyObject_CallMethodObjArgs(opened, S_pop, uuid, Py_None, NULL); /* OrderedDict's own methods */
    if (r == NULL) return -1;
    Py_DECREF(r);
    return keep_recent(recent, uuid, session, ends);
}

static int session_record(PyObject *t, PyObject *opened, PyObject *recent, PyObject *open_session,
                          PyObject *record_at, const Ends *ends, const Opening *opening) {
    PyObject *kind = PyTuple_GET_ITEM(t, 4), *uuid = PyTuple_GET_ITEM(t, 5), *record = PyTuple_GET_ITEM(t, 6);
    PyObject *session = session_of(uuid, opened, recent, open_session, t, opening);
    if (session == NULL) return -1;
    int rc = -1;
    if (add_int(session, S_lines, 1) < 0) goto done;
    if (bytes_eq(kind, K_params) ||
        (bytes_eq(kind, K_start) && search(PyBytes_AS_STRING(record), (size_t)PyBytes_GET_SIZE(record),
                                           " status=failed", 14) == NULL)) {
        int params = bytes_eq(kind, K_params);
        if (append_record(session, kind, record) < 0) goto done;
        if (params) {
            if (PyObject_SetAttr(session, S_named, Py_True) < 0) goto done;
            if (PyObject_SetAttr(session, S_user_raw, PyTuple_GET_ITEM(t, 7)) < 0) goto done;
        } else {
            if (PyObject_SetAttr(session, S_peer_raw, PyTuple_GET_ITEM(t, 7)) < 0) goto done;
            if (PyObject_SetAttr(session, S_local_raw, PyTuple_GET_ITEM(t, 8)) < 0) goto done;
        }
    } else if (bytes_eq(kind, K_stats)) {
        PyObject *tx = PyTuple_GET_ITEM(t, 7), *rex = PyTuple_GET_ITEM(t, 8);
        if (tx != Py_None && moved(session, PyNumber_Long(tx)) < 0) goto done;
        PyObject *solicited = rex == Py_None ? NULL : number(rex);
        if (solicited == NULL && PyErr_Occurred()) goto done;
        if (solicited != NULL) {
            PyObject *losses = PyObject_GetAttr(session, S_losses);
            if (losses == NULL) {
                Py_DECREF(solicited);
                goto done;
            }
            int ok = append_kept(losses, solicited) == 0 && trim(losses, 50) == 0;
            Py_DECREF(losses);
            if (!ok) goto done;
        }
    } else {
        int ended = bytes_eq(kind, K_stop) ? stopped(session, uuid, record, opened, recent, ends) : 0;
        if (ended < 0) goto done;
        if (!ended) {
            PyObject *r =
                PyObject_CallFunctionObjArgs(record_at, session, kind, record, PyTuple_GET_ITEM(t, 1), NULL);
            if (r == NULL) goto done;
            Py_DECREF(r);
        }
    }
    rc = 0;
done:
    Py_DECREF(session);
    return rc;
}

static double rate_unit(PyObject *unit) {
    if (PyBytes_GET_SIZE(unit) == 0) return 1e-6;
    switch (PyBytes_AS_STRING(unit)[0]) {
    case 'K': return 1e-3;
    case 'M': return 1.0;
    default: return 1e3; /* G: the search allows nothing else */
    }
}

static int file_end(PyObject *t, PyObject *opened, PyObject *recent, PyObject *open_session, PyObject *failed_file) {
    PyObject *session = session_of(PyTuple_GET_ITEM(t, 4), opened, recent, open_session, t, NULL);
    if (session == NULL) return -1;
    int rc = -1;
    PyObject *rates = NULL, *losses = NULL;
    if (add_int(session, S_lines, 1) < 0) goto done;
    int ok = bytes_eq(PyTuple_GET_ITEM(t, 5), B_success);
    if (add_int(session, ok ? S_files_ok : S_files_failed, 1) < 0) goto done;
    if (ok) {
        PyObject *now = PyObject_GetAttr(session, S_bytes);
        if (now == NULL) goto done;
        PyObject *size = PyNumber_Long(PyTuple_GET_ITEM(t, 6));
        PyObject *sum = NULL;
        if (size != NULL) {
            int has = PyObject_IsTrue(now); /* (session.bytes or 0) + int(size) */
            sum = has < 0 ? NULL : (has ? PyNumber_Add(now, size) : Py_NewRef(size));
        }
        Py_DECREF(now);
        Py_XDECREF(size);
        if (moved(session, sum) < 0) goto done;
    } else {
        PyObject *r = PyObject_CallFunctionObjArgs(failed_file, session, t, NULL);
        if (r == NULL) goto done;
        Py_DECREF(r);
    }
    /* every figure as a number, or none of them (a damaged figure: the file counts, its figures do not) */
    PyObject *rate = number(PyTuple_GET_ITEM(t, 7));
    PyObject *loss = rate ? number(PyTuple_GET_ITEM(t, 10)) : NULL;
    PyObject *elapsed = loss ? number(PyTuple_GET_ITEM(t, 9)) : NULL;
    if (elapsed == NULL) {
        Py_XDECREF(rate);
        Py_XDECREF(loss);
        rc = PyErr_Occurred() ? -1 : 0;
        goto done;
    }
    double mbps = PyFloat_AS_DOUBLE(rate) * rate_unit(PyTuple_GET_ITEM(t, 8));
    Py_DECREF(rate);
    rates = PyObject_GetAttr(session, S_rates_mbps);
    losses = rates ? PyObject_GetAttr(session, S_losses) : NULL;
    if (losses == NULL || append_kept(rates, PyFloat_FromDouble(mbps)) < 0) {
        Py_DECREF(loss);
        Py_DECREF(elapsed);
        goto done;
    }
    if (append_kept(losses, loss) < 0) {
        Py_DECREF(elapsed);
        goto done;
    }
    if (PyList_GET_SIZE(rates) > 100 && (trim(rates, 50) < 0 || trim(losses, 50) < 0)) {
        Py_DECREF(elapsed);
        goto done;
    }
    PyObject *seconds = PyObject_GetAttr(session, S_seconds);
    PyObject *total = NULL;
    if (seconds != NULL) {
        int has = PyObject_IsTrue(seconds); /* (session.seconds or 0.0) + float(elapsed) */
        if (has > 0) total = PyNumber_Add(seconds, elapsed);
        else if (has == 0) total = PyFloat_FromDouble(0.0 + PyFloat_AS_DOUBLE(elapsed));
        Py_DECREF(seconds);
    }
    Py_DECREF(elapsed);
    if (total == NULL) goto done;
    int set = PyObject_SetAttr(session, S_seconds, total);
    Py_DECREF(total);
    if (set < 0) goto done;
    rc = 0;
done:
    Py_XDECREF(rates);
    Py_XDECREF(losses);
    Py_DECREF(session);
    return rc;
}


/* ---- plain successes settled during the search ----------------------------------------------------------
 *
 * settle(chunk, state) -> (found, n): records(chunk, False) (n: how many records it found), except that each
 * plain success (below) is two entries in place of its records: (14, process, uuid) where its Session Start was
 * and (15, uuid, client, bytes) where its Session Stop was. apply then does what those records would have done:
 * the session numbered and bound to its process at its start; at its end, its place taken among the recent
 * sessions and the success counted (Analyzer._finish's first branch: totals, client). Why: a server's log is
 * mostly such sessions, and each cost four record tuples, a Collected, and some forty attribute reads and
 * writes in the analyzer's tables, to be counted in the end; here it costs two small tuples.
 *
 * A plain success, whose result is the same whichever way it is read (tests hold settle + apply to records +
 * apply on logs made to break it): in this chunk, a Session Start (not failed) first, then its Session Params,
 * any Session Statistics and files' ends that succeeded, then a Session Stop with status=success, and no other
 * record of its uuid; no line of ascp's with its pid in the chunk but session records and files' ends; its uuid
 * neither open nor recent, its process not pending; a peer and a local end that Collected.counted reads here;
 * a user, already among the transfer users, and for a server's session a client already tallied; and at least
 * `grace` more such sessions end after it in the chunk, so that it has left the recent ones before any later
 * chunk is read. state: (opened, recent, pending, analyzer, source, grace, max_open, max_clients). Nothing is
 * settled when the open sessions could reach max_open in the chunk. */

typedef struct {
    idx start, pid0, pid1;
    int sess; /* its session's index when it is a session record or a file's end, else -1 */
    int pid;  /* its pid's index in the chunk's table of pids */
    Found f;
} Rec;

typedef struct {
    idx u0, u1;        /* its uuid's start and end */
    int nrec, start, params, stop, bad, clean;
    PyObject *uuid, *process, *client, *moved; /* for a settled one */
    int settled;
} Sess;

typedef struct {
    int *slot; /* indexes + 1, 0: empty */
    size_t mask;
} Table;

static size_t span_hash(const char *s, idx a, idx b) {
    size_t h = 1469598103934665603ULL;
    for (idx k = a; k < b; k++) h = (h ^ (unsigned char)s[k]) * 1099511628211ULL;
    return h;
}

static int table_init(Table *t, size_t want) {
    size_t size = 16;
    while (size < want * 2) size <<= 1;
    t->slot = calloc(size, sizeof(int));
    t->mask = size - 1;
    return t->slot ? 0 : -1;
}

/* Grows a list of n items of `size` bytes to hold one more: the list, or NULL (the old one then freed). */
static void *grown(void *list, size_t n, size_t *cap, size_t size) {
    if (n < *cap) return list;
    size_t more = *cap ? *cap * 2 : 1024;
    void *bigger = realloc(list, more * size);
    if (bigger == NULL) {
        free(list);
        return NULL;
    }
    *cap = more;
    return bigger;
}

static int settle_entries(Rec *recs, size_t nrecs, Sess *ss, size_t nss, const char *s, idx n, PyObject *state);

static PyObject *settle(PyObject *self, PyObject *args) {
    PyObject *chunk, *state;
    (void)self;
    if (!PyArg_ParseTuple(args, "O!O!", &PyBytes_Type, &chunk, &PyTuple_Type, &state)) return NULL;
    const char *s = PyBytes_AS_STRING(chunk);
    idx n = PyBytes_GET_SIZE(chunk);
    Rec *recs = NULL;
    Sess *ss = NULL;
    size_t nrecs = 0, cap = 0, nss = 0, scap = 0;
    Table uuids = {NULL, 0}, pids = {NULL, 0};
    int *pid_count = NULL;
    size_t npids = 0, pcap = 0;
    PyObject *out = NULL, *result = NULL;
    Reuse reuse = {NULL, NULL};

    /* every record, as records() finds them */
    idx pos = 0, pid[2];
    Rec found;
    found.sess = found.pid = -1;
    while (next_record(s, n, 0, &pos, &found.start, &found.f, pid)) {
        found.pid0 = pid[0];
        found.pid1 = pid[1];
        if ((recs = grown(recs, nrecs, &cap, sizeof(Rec))) == NULL) goto nomem;
        recs[nrecs++] = found;
    }

    /* each uuid's session; each record's pid, and how many lines of each pid are no session's records */
    if (table_init(&uuids, nrecs) < 0 || table_init(&pids, nrecs) < 0) goto nomem;
    int *pid_of = malloc((nrecs ? nrecs : 1) * sizeof(int));
    if (pid_of == NULL) goto nomem;
    for (size_t i = 0; i < nrecs; i++) {
        Rec *r = &recs[i];
        size_t h = span_hash(s, r->pid0, r->pid1) & pids.mask;
        idx plen = r->pid1 - r->pid0;
        while (pids.slot[h]) {
            Rec *o = &recs[pid_of[pids.slot[h] - 1]];
            if (o->pid1 - o->pid0 == plen && memcmp(s + o->pid0, s + r->pid0, (size_t)plen) == 0) break;
            h = (h + 1) & pids.mask;
        }
        if (!pids.slot[h]) {
            if ((pid_count = grown(pid_count, npids, &pcap, sizeof(int))) == NULL) {
                free(pid_of);
                goto nomem;
            }
            pid_count[npids] = 0;
            pid_of[npids] = (int)i;
            pids.slot[h] = (int)++npids;
        }
        r->pid = pids.slot[h] - 1;
        if (r->f.last != 10 && r->f.last != 8) { /* an ERR line, another line, the receiver's statistics */
            pid_count[r->pid]++;
            continue;
        }
        idx u0 = r->f.last == 10 ? r->f.g[2] : r->f.g[0], u1 = r->f.last == 10 ? r->f.g[3] : r->f.g[1];
        h = span_hash(s, u0, u1) & uuids.mask;
        while (uuids.slot[h]) {
            Sess *o = &ss[uuids.slot[h] - 1];
            if (o->u1 - o->u0 == u1 - u0 && memcmp(s + o->u0, s + u0, (size_t)(u1 - u0)) == 0) break;
            h = (h + 1) & uuids.mask;
        }
        if (!uuids.slot[h]) {
            if ((ss = grown(ss, nss, &scap, sizeof(Sess))) == NULL) {
                free(pid_of);
                goto nomem;
            }
            Sess fresh = {u0, u1, 0, -1, -1, -1, 0, 0, NULL, NULL, NULL, NULL, 0};
            ss[nss] = fresh;
            uuids.slot[h] = (int)++nss;
        }
        int k = uuids.slot[h] - 1;
        Sess *x = &ss[k];
        r->sess = k;
        x->nrec++;
        if (x->start >= 0) { /* its records share the Session Start's pid */
            Rec *st = &recs[x->start];
            if (st->pid1 - st->pid0 != r->pid1 - r->pid0 ||
                memcmp(s + st->pid0, s + r->pid0, (size_t)(r->pid1 - r->pid0)) != 0)
                x->bad = 1;
        }
        if (r->f.last == 8) { /* a file's end: one that succeeded, while the session runs */
            if (x->start < 0 || x->stop >= 0 || r->f.g[3] - r->f.g[2] != 7 || memcmp(s + r->f.g[2], "success", 7) != 0)
                x->bad = 1;
            continue;
        }
        idx e = record_end(s, n, r->f.end);
        switch (r->f.kind) {
        case 0: /* Session Start */
            if (x->nrec != 1 || find_in(s, r->f.end, e, " status=failed", 14) >= 0) x->bad = 1;
            x->start = (int)i;
            break;
        case 2: /* Session Params */
            if (x->start < 0 || x->params >= 0 || x->stop >= 0) x->bad = 1;
            x->params = (int)i;
            break;
        case 3: /* Session Statistics */
            if (x->start < 0 || x->stop >= 0) x->bad = 1;
            break;
        case 1: /* Session Stop */
            if (x->start < 0 || x->params < 0 || x->stop >= 0 || find_in(s, r->f.end, e, " status=success", 15) < 0)
                x->bad = 1;
            x->stop = (int)i;
            break;
        default: /* a Transfer Stop in another form than a file's end */
            x->bad = 1;
        }
    }
    for (size_t k = 0; k < nss; k++) {
        Sess *x = &ss[k];
        if (x->bad || x->start < 0 || x->params < 0 || x->stop < 0) continue;
        /* no line of its pid but session records: nothing of its process's own goes to it, nor waits for it */
        x->clean = pid_count[recs[x->start].pid] == 0;
    }
    free(pid_of);
    if (settle_entries(recs, nrecs, ss, nss, s, n, state) < 0) goto fail;

    out = PyList_New(0);
    if (out == NULL) goto fail;
    for (size_t i = 0; i < nrecs; i++) {
        Rec *r = &recs[i];
        Sess *x = r->sess >= 0 ? &ss[r->sess] : NULL;
        PyObject *t;
        if (x != NULL && x->settled) {
            if ((int)i == x->start) {
                PyObject *items[3] = {PyLong_FromLong(14), Py_NewRef(x->process), Py_NewRef(x->uuid)};
                t = tuple_of(3, items);
            } else if ((int)i == x->stop) {
                PyObject *items[4] = {PyLong_FromLong(15), Py_NewRef(x->uuid),
                                      Py_NewRef(x->client ? x->client : Py_None), Py_NewRef(x->moved)};
                t = tuple_of(4, items);
            } else {
                continue;
            }
        } else {
            idx pid[2] = {r->pid0, r->pid1};
            t = as_tuple(s, n, r->start, &r->f, pid, &reuse);
        }
        if (t == NULL || PyList_Append(out, t) < 0) {
            Py_XDECREF(t);
            goto fail;
        }
        Py_DECREF(t);
    }
    result = Py_BuildValue("(Nn)", out, (Py_ssize_t)nrecs);
    out = NULL;
    goto fail; /* the common cleanup */
nomem:
    PyErr_NoMemory();
fail:
    for (size_t k = 0; k < nss; k++) {
        Py_XDECREF(ss[k].uuid);
        Py_XDECREF(ss[k].process);
        Py_XDECREF(ss[k].client);
        Py_XDECREF(ss[k].moved);
    }
    Py_XDECREF(out);
    Py_XDECREF(reuse.pid);
    Py_XDECREF(reuse.uuid);
    free(recs);
    free(ss);
    free(uuids.slot);
    free(pids.slot);
    free(pid_count);
    return result;
}

/* A settled session's bytes as its records leave them (Collected.moved: the largest tx_bytes of its Session
 * Statistics records; a file that ended well adds its size to what was moved before it): an int, None when
 * none says it; NULL without an error set when a figure is too long to read here, with one on a failure. */
static PyObject *moved_by(Rec *recs, size_t from, size_t to, int sess, const char *s, idx n) {
    long long moved = -1; /* -1: None */
    for (size_t i = from; i <= to; i++) {
        Rec *r = &recs[i];
        if (r->sess != sess) continue;
        idx v, end;
        if (r->f.last == 8) {
            v = r->f.g[4], end = r->f.g[5];
        } else if (r->f.last == 10 && r->f.kind == 3) {
            if (!tx_span(s, r->f.end, record_end(s, n, r->f.end), &v, &end)) continue;
        } else {
            continue;
        }
        if (end - v > 17) return NULL;
        long long value = 0;
        for (idx k = v; k < end; k++) value = value * 10 + (s[k] - '0');
        if (r->f.last == 8) moved = (moved < 0 ? 0 : moved) + value;
        else if (value > moved) moved = value;
        if (moved > 4000000000000000000LL) return NULL;
    }
    if (moved < 0) Py_RETURN_NONE;
    return PyLong_FromLongLong(moved);
}

/* Which clean sessions are settled, with what their entries carry (settle's conditions). */
static int settle_entries(Rec *recs, size_t nrecs, Sess *ss, size_t nss, const char *s, idx n, PyObject *state) {
    PyObject *opened, *recent, *pending, *analyzer, *source;
    Py_ssize_t grace, max_open, max_clients;
    if (!PyArg_ParseTuple(state, "O!O!O!OUnnn", &PyDict_Type, &opened, &PyDict_Type, &recent, &PyDict_Type, &pending,
                          &analyzer, &source, &grace, &max_open, &max_clients))
        return -1;
    if (PyDict_GET_SIZE(opened) + (Py_ssize_t)nss >= max_open) return 0;
    /* fresh: clean, its uuid neither open nor recent */
    for (size_t k = 0; k < nss; k++) {
        Sess *x = &ss[k];
        if (!x->clean) continue;
        x->uuid = PyBytes_FromStringAndSize(s + x->u0, x->u1 - x->u0);
        if (x->uuid == NULL) return -1;
        int known = PyDict_Contains(opened, x->uuid);
        if (known == 0) known = PyDict_Contains(recent, x->uuid);
        if (known < 0) return -1;
        x->clean = !known;
    }
    /* how many fresh sessions end after each one's end */
    size_t later = 0;
    PyObject *users = peek(analyzer, S_transfer_users);
    if (users == NULL) return -1;
    if (!PyAnySet_Check(users)) return 0;
    for (size_t i = nrecs; i-- > 0;) {
        Rec *r = &recs[i];
        if (r->sess < 0) continue;
        Sess *x = &ss[r->sess];
        if (!x->clean || (int)i != x->stop) continue;
        size_t after = later++;
        if (after < (size_t)grace) continue;
        /* its process, as the opening reads it */
        Rec *st = &recs[x->start];
        idx a0, a1, h0 = 0, h1 = 0;
        if (!prefix_at(s, n, st->start, 1, &a0, &a1, &h0, &h1)) continue;
        idx hl = h1 - h0, pl = st->pid1 - st->pid0;
        PyObject *process = PyBytes_FromStringAndSize(NULL, hl + 1 + pl);
        if (process == NULL) return -1;
        char *p = PyBytes_AS_STRING(process);
        memcpy(p, s + h0, (size_t)hl);
        p[hl] = '/';
        memcpy(p + hl + 1, s + st->pid0, (size_t)pl);
        x->process = process;
        if (PyDict_GET_SIZE(pending) != 0) {
            PyObject *key = PyTuple_Pack(2, source, process);
            if (key == NULL) return -1;
            int waiting = PyDict_Contains(pending, key);
            Py_DECREF(key);
            if (waiting < 0) return -1;
            if (waiting) continue;
        }
        /* its ends and user, read as the fast path reads them */
        idx e = record_end(s, n, st->f.end);
        Rec *pa = &recs[x->params];
        idx pe = record_end(s, n, pa->f.end);
        PyObject *peer = raw_value(s, st->f.end, e, " peer=");
        PyObject *local = peer ? raw_value(s, st->f.end, e, " local=") : NULL;
        PyObject *user_raw = local ? field_raw(s, pa->f.end, pe, " user=") : NULL;
        PyObject *user = NULL, *address = NULL, *client = NULL;
        int rc = user_raw == NULL ? -1 : 0, server = 0;
        if (rc == 0 && PyBytes_Check(peer) && PyBytes_Check(local) && user_raw != Py_None)
            rc = counted_ends(peer, local, user_raw, 1, &server, &address, &user);
        Py_XDECREF(peer);
        Py_XDECREF(local);
        Py_XDECREF(user_raw);
        if (rc <= 0) {
            Py_XDECREF(user);
            Py_XDECREF(address);
            if (rc < 0) return -1;
            continue;
        }
        int has_user = user != NULL && PyUnicode_GET_LENGTH(user) > 0;
        int known = has_user ? PySet_Contains(users, user) : 0;
        if (known > 0 && server) known = known_client(analyzer, address, user, has_user, &client);
        Py_XDECREF(user);
        Py_XDECREF(address);
        if (known < 0) return -1;
        if (!known || (server && client == NULL)) {
            Py_XDECREF(client);
            continue;
        }
        x->client = client;
        x->moved = moved_by(recs, (size_t)x->start, (size_t)x->stop, (int)r->sess, s, n);
        if (x->moved == NULL) {
            if (PyErr_Occurred()) return -1;
            continue;
        }
        x->settled = 1;
    }
    return 0;
}

/* A settled session's start (settle): what opening it would have done (Analyzer._new and _bind: numbered, its
 * input among those with runs, its process bound to its uuid), and no more: it is counted at its end. */
static int settled_start(PyObject *t, const Opening *o) {
    if (add_int(o->analyzer, S_order, 1) < 0 || PySet_Add(o->run_sources, o->source) < 0 ||
        add_int(o->analyzer, S_sessions_seen, 1) < 0)
        return -1;
    PyObject *key = PyTuple_Pack(2, o->source, PyTuple_GET_ITEM(t, 1));
    if (key == NULL) return -1;
    int rc = PyObject_SetItem(o->process, key, PyTuple_GET_ITEM(t, 2));
    Py_DECREF(key);
    return rc;
}

/* A settled session's end (settle): its place among the recent ones (the oldest beyond the grace finished), and
 * the success counted (its user is among the transfer users already). */
static int settled_stop(PyObject *t, PyObject *recent, const Ends *ends) {
    if (keep_recent(recent, PyTuple_GET_ITEM(t, 1), ends->settled, ends) < 0) return -1;
    PyObject *client = PyTuple_GET_ITEM(t, 2);
    return tally_success(ends->analyzer, ends, NULL, client == Py_None ? NULL : client, PyTuple_GET_ITEM(t, 3));
}

static PyObject *apply(PyObject *self, PyObject *args) {
    PyObject *found, *opened, *recent, *open_session, *record_at, *other, *failed_file, *opening_args;
    Ends ends;
    Opening opening = {NULL, 0, NULL, NULL, 0, NULL, NULL, NULL, NULL};
    ends.settled = NULL;
    (void)self;
    if (!PyArg_ParseTuple(args, "O!O!O!OOOOOOnnnO", &PyList_Type, &found, &PyDict_Type, &opened, &PyDict_Type,
                          &recent, &open_session, &record_at, &other, &failed_file, &ends.analyzer, &ends.finish,
                          &ends.grace, &ends.max_kept_ok, &ends.max_clients, &opening_args))
        return NULL;
    if (opening_args != Py_None) { /* (chunk, syslog, source, Collected, MAX_OPEN, _SETTLED) */
        if (!PyArg_ParseTuple(opening_args, "O!pUOnO", &PyBytes_Type, &opening.chunk, &opening.syslog,
                              &opening.source, &opening.collected, &opening.max_open, &ends.settled))
            return NULL;
        opening.analyzer = ends.analyzer;
        /* the analyzer keeps these alive for the whole call */
        if ((opening.process = peek(ends.analyzer, S_process)) == NULL ||
            (opening.pending = peek(ends.analyzer, S_pending)) == NULL ||
            (opening.run_sources = peek(ends.analyzer, S_run_sources)) == NULL)
            return NULL;
        if (!PySet_Check(opening.run_sources)) {
            PyErr_SetString(PyExc_TypeError, "apply: the analyzer's _run_sources is not a set");
            return NULL;
        }
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(found); i++) {
        PyObject *t = PyList_GET_ITEM(found, i);
        if (!PyTuple_Check(t) || PyTuple_GET_SIZE(t) < 3) {
            PyErr_SetString(PyExc_TypeError, "apply: not a record of scan.records");
            return NULL;
        }
        long last = PyLong_AsLong(PyTuple_GET_ITEM(t, 0));
        int rc;
        if (last == 10 && PyTuple_GET_SIZE(t) == 9) {
            rc = session_record(t, opened, recent, open_session, record_at, &ends, &opening);
        } else if (last == 8 && PyTuple_GET_SIZE(t) == 12) {
            rc = file_end(t, opened, recent, open_session, failed_file);
        } else if ((last == 14 && PyTuple_GET_SIZE(t) == 3) || (last == 15 && PyTuple_GET_SIZE(t) == 4)) {
            if (opening.chunk == NULL || ends.settled == NULL) {
                PyErr_SetString(PyExc_TypeError, "apply: a settled session's entry without the opening");
                return NULL;
            }
            rc = last == 14 ? settled_start(t, &opening) : settled_stop(t, recent, &ends);
        } else if (PyTuple_GET_SIZE(t) < 4) {
            PyErr_SetString(PyExc_TypeError, "apply: not a record of scan.records");
            return NULL;
        } else {
            PyObject *r = PyObject_CallOneArg(other, t);
            rc = r == NULL ? -1 : 0;
            Py_XDECREF(r);
        }
        if (rc < 0) return NULL;
    }
    Py_RETURN_NONE;
}


/* ---- plain searches over a whole chunk (memchr and search are several times faster here than bytes.count and
 * `in`, which read a chunk a byte at a time) ---------------------------------------------------------------- */

static PyObject *count_lines(PyObject *self, PyObject *args) {
    Py_buffer view;
    (void)self;
    if (!PyArg_ParseTuple(args, "y*", &view)) return NULL;
    const char *s = view.buf, *end = s + view.len;
    Py_ssize_t n = 0;
    const char *hit;
    while (s < end && (hit = memchr(s, '\n', (size_t)(end - s))) != NULL) {
        n++;
        s = hit + 1;
    }
    PyBuffer_Release(&view);
    return PyLong_FromSsize_t(n);
}

static PyObject *contains(PyObject *self, PyObject *args) {
    Py_buffer view, needle;
    (void)self;
    if (!PyArg_ParseTuple(args, "y*y*", &view, &needle)) return NULL;
    int found = search(view.buf, (size_t)view.len, needle.buf, (size_t)needle.len) != NULL;
    PyBuffer_Release(&view);
    PyBuffer_Release(&needle);
    return PyBool_FromLong(found);
}

/* which(chunk, needles) -> a bit per needle found anywhere in chunk (bit k: needles[k]). Why: explain asks of each
 * 2 MiB chunk of a server's log whether it holds any of a dozen rare texts (sshd's negotiation and banner failures,
 * a firewall's PROTO=UDP, a loader's error, a journal's field, ...); asked one by one, each reads the whole chunk.
 * Here one pass answers them all, by Wu and Manber's multi-pattern search: a window as long as the shortest needle
 * slides along the chunk, and the two bytes at its end say how far it may jump (how far from the end of any
 * needle's first m bytes that pair of bytes stands, m the shortest needle's length); where the pair ends one of
 * them, those needles are compared in full. Written here because no kept library offers it for bytes. */
#define WHICH_MAX 32
static PyObject *which(PyObject *self, PyObject *args) {
    Py_buffer view;
    PyObject *needles;
    (void)self;
    if (!PyArg_ParseTuple(args, "y*O!", &view, &PyTuple_Type, &needles)) return NULL;
    Py_ssize_t count = PyTuple_GET_SIZE(needles);
    if (count > WHICH_MAX) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_ValueError, "which: at most 32 needles");
        return NULL;
    }
    const unsigned char *lits[WHICH_MAX];
    size_t lens[WHICH_MAX];
    uint32_t found = 0, wanted = 0, short_ones = 0;
    size_t m = (size_t)-1;
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *item = PyTuple_GET_ITEM(needles, k);
        if (!PyBytes_Check(item)) {
            PyBuffer_Release(&view);
            PyErr_SetString(PyExc_TypeError, "which: needles must be bytes");
            return NULL;
        }
        lits[k] = (const unsigned char *)PyBytes_AS_STRING(item);
        lens[k] = (size_t)PyBytes_GET_SIZE(item);
        if (lens[k] < 2) {
            short_ones |= 1u << k; /* (searched alone, below) */
            continue;
        }
        wanted |= 1u << k;
        if (lens[k] < m) m = lens[k];
    }
    const unsigned char *h = view.buf;
    size_t n = (size_t)view.len;
    if (wanted) {
        unsigned char *shift = PyMem_Malloc(65536);
        uint32_t *ends = PyMem_Calloc(65536, sizeof(uint32_t));
        if (shift == NULL || ends == NULL) {
            PyMem_Free(shift);
            PyMem_Free(ends);
            PyBuffer_Release(&view);
            return PyErr_NoMemory();
        }
        size_t most = m - 1 > 255 ? 255 : m - 1;
        memset(shift, (int)most, 65536);
        for (Py_ssize_t k = 0; k < count; k++) {
            if (!(wanted & (1u << k))) continue;
            for (size_t j = 0; j + 1 < m; j++) {
                unsigned gram = (unsigned)lits[k][j] << 8 | lits[k][j + 1];
                size_t to_end = m - 2 - j;
                if (to_end < shift[gram]) shift[gram] = (unsigned char)to_end;
            }
            ends[(unsigned)lits[k][m - 2] << 8 | lits[k][m - 1]] |= 1u << k;
        }
        size_t i = 0;
        while (i + m <= n && (found & wanted) != wanted) {
            unsigned gram = (unsigned)h[i + m - 2] << 8 | h[i + m - 1];
            unsigned jump = shift[gram];
            if (jump) {
                i += jump;
                continue;
            }
            uint32_t mask = ends[gram] & ~found;
            while (mask) {
                int k = __builtin_ctz(mask);
                if (i + lens[k] <= n && memcmp(h + i, lits[k], lens[k]) == 0) found |= 1u << k;
                mask &= mask - 1;
            }
            i += 1;
        }
        PyMem_Free(shift);
        PyMem_Free(ends);
    }
    for (Py_ssize_t k = 0; k < count; k++) {
        if (!(short_ones & (1u << k))) continue;
        if (lens[k] == 0 || memmem(h, n, lits[k], lens[k]) != NULL) found |= 1u << k;
    }
    PyBuffer_Release(&view);
    return PyLong_FromUnsignedLong(found);
}

/* search_width() -> how many places the search tries at once here (32 with AVX2, 16 with SSE2, else 1): for the
 * bench's note and the tests that hold each path to the same answers. */
static PyObject *search_width(PyObject *self, PyObject *args) {
    (void)self;
    (void)args;
#if defined(HAS_AVX2_PATH)
    if (have_avx2) return PyLong_FromLong(32);
#endif
#if defined(__SSE2__)
    return PyLong_FromLong(16);
#else
    return PyLong_FromLong(1);
#endif
}

static PyMethodDef methods[] = {
    {"search_width", search_width, METH_NOARGS,
     "search_width() -> how many places the compiled search tries at once (32: AVX2, 16: SSE2; ASPDIAG_NO_AVX2 "
     "set at import keeps it at 16)."},
    {"records", records, METH_VARARGS,
     "records(chunk, file_form) -> list of tuples: scan.records_py's result, found in C."},
    {"sshd_lines", sshd_lines, METH_VARARGS,
     "sshd_lines(chunk) -> (where SSHD_HINT matches, SSHD_LOGIN.findall(chunk)): scan.sshd_lines_py, found in C."},
    {"parse_fields", parse_fields, METH_VARARGS,
     "parse_fields(fields, records, needles): Collected.parsed's reading of its records' fields, compiled."},
    {"count_lines", count_lines, METH_VARARGS, "count_lines(chunk) -> chunk.count(b'\\n')."},
    {"contains", contains, METH_VARARGS, "contains(chunk, needle) -> needle in chunk."},
    {"which", which, METH_VARARGS,
     "which(chunk, needles) -> int: bit k set where needles[k] in chunk (one pass for up to 32 needles)."},
    {"count_success", count_success, METH_VARARGS,
     "count_success(session, analyzer, max_kept_ok, max_clients) -> whether a success beyond the kept ones was "
     "only counted (Analyzer._finish's first branch, for a client already tallied)."},
    {"settle", settle, METH_VARARGS,
     "settle(chunk, state) -> (found, n): records(chunk, False) with each plain success as two entries for apply "
     "(see _records.c)."},
    {"apply", apply, METH_VARARGS,
     "apply(found, opened, recent, open_session, record_at, other, failed_file, analyzer, finish, grace, "
     "max_kept_ok, max_clients, opening): "
     "Analyzer._apply compiled."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "aspdiag.tools.explain._records",
                                    "explain's record search, compiled (see scan.records).", -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__records(void) {
    if (intern_names() < 0) return NULL;
#if defined(HAS_AVX2_PATH)
    __builtin_cpu_init();
    have_avx2 = __builtin_cpu_supports("avx2") && getenv("ASPDIAG_NO_AVX2") == NULL;
#endif
    return PyModule_Create(&module);
}
