/* aspdiag.tools.explain._records: the record search of explain's fast path, compiled.
 *
 * records(chunk, file_form) returns what iterating scan.SYSLOG_RECORD (file_form false) or scan.FILE_RECORD
 * (file_form true) over the chunk finds, one tuple per match, in the form of scan.records_py (the reference,
 * which runs the regular expressions themselves; tests/unit/test_explain_records.py holds both to the same
 * result). Why C: Python's regular expression engine reads the chunk a byte at a time and every match costs a
 * match object and its group calls; on a server's mixed syslog that search and those calls were a third of
 * explain's time (issue 17: >= 100 MB/s on one core). Here the literal start is found with memmem/memchr and
 * every alternative is tried in the order, and with the backtracking, of the regular expression:
 *
 *   SYSLOG_RECORD = ascp4?[\[ ](?P<pid>\d+)(?:\]: ?+| \S+ (?:- |\[[^\n]*?\] )) RECORD
 *   FILE_RECORD   = \[(?P<pid>[0-9A-Fa-fx]+)-[0-9A-Fa-fx]+\]  RECORD
 *   RECORD        = LOG FASP Transfer Stop uuid=(UUID) op=\w+ status=(\w+) [^\n]*? size=(\d+) [^\n]*?rate=([\d.]+)
 *                   ([KMG]?)bps elapsed=([\d.]+)s loss=([\d.]+)                                      -> 8
 *                 | LOG FASP (Session Start|Session Stop|Session Params|Session Statistics|Transfer Stop)
 *                   (?:uuid=|\[\w+\] id=)(UUID)                                                     -> 10
 *                 | (LOG Receiver bl )                                                              -> 11
 *                 | (?!LOG |DBG )                                                                   -> 1
 *
 * (UUID = [0-9a-fA-F-]{36}; \w, \d and \S are ASCII, as in a bytes pattern). No part of either expression
 * matches a line end, so a match never leaves its line.
 */
#define PY_SSIZE_T_CLEAN
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem */
#endif
#include <Python.h>
#include <string.h>

typedef Py_ssize_t idx;

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_word(unsigned char c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
static int is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static int is_uuid_char(unsigned char c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '-';
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
    idx end;     /* the match's end */
    idx g[16];   /* group spans: start, end pairs (8: uuid, status, size, rate, unit, elapsed, loss; 10: kind, uuid) */
} Found;

#define LIT(s, n, at, text) lit_at(s, n, at, text, (idx)(sizeof(text) - 1))

static const char *const KINDS[] = {"Session Start", "Session Stop", "Session Params", "Session Statistics",
                                    "Transfer Stop"};

/* RECORD at q, the line ending at e (exclusive). */
static int record_at(const char *s, idx n, idx q, idx e, Found *f) {
    if (LIT(s, e, q, "LOG FASP Transfer Stop uuid=")) {
        idx u = q + 28;
        idx k = u;
        while (k < e && k - u < 36 && is_uuid_char((unsigned char)s[k])) k++;
        if (k - u == 36 && LIT(s, e, k, " op=")) {
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
                            idx spans[14] = {u, u + 36, st, st_end, sz, sz_end, ra, ra_end, un, un_end, el, el_end, lo, lo_end};
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
            idx j = id;
            while (j < e && j - id < 36 && is_uuid_char((unsigned char)s[j])) j++;
            if (j - id != 36) break;
            f->g[0] = k;
            f->g[1] = k + len;
            f->g[2] = id;
            f->g[3] = id + 36;
            f->last = 10;
            f->end = id + 36;
            return 1;
        }
    }
    if (LIT(s, e, q, "LOG Receiver bl ")) {
        f->last = 11;
        f->end = q + 16;
        return 1;
    }
    /* (?!LOG |DBG ): looked at in the whole chunk, as the expression does (neither contains a line end) */
    if (!LIT(s, n, q, "LOG ") && !LIT(s, n, q, "DBG ")) {
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


/* ---- a session record's text and the values the analyzer reads from it ----------------------------------- */

static idx find_in(const char *s, idx a, idx b, const char *lit, idx len) {
    if (b - a < len) return -1;
    const char *hit = memmem(s + a, (size_t)(b - a), lit, (size_t)len);
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

/* session.field_value's text, not decoded: a quoted value up to its closing quote, else up to a space. */
static PyObject *field_raw(const char *s, idx a, idx b, const char *needle) {
    idx len = (idx)strlen(needle);
    idx at = find_in(s, a, b, needle, len);
    if (at < 0) Py_RETURN_NONE;
    at += len;
    if (at < b && s[at] == '"') {
        idx end = find_char(s, at + 1, b, '"');
        return span(s, at + 1, end >= 0 ? end : b);
    }
    idx end = find_char(s, at, b, ' ');
    return span(s, at, end >= 0 ? end : b);
}

/* The Session Statistics record's tx_bytes value when it is all digits (analyze's _statistics). */
static PyObject *tx_bytes(const char *s, idx a, idx b) {
    idx at = find_in(s, a, b, "tx_bytes ", 9);
    if (at < 0) Py_RETURN_NONE;
    idx v = at + 9, end = find_char(s, v, b, ' ');
    if (end < 0) end = b;
    if (end == v) Py_RETURN_NONE;
    for (idx k = v; k < end; k++)
        if (!is_digit((unsigned char)s[k])) Py_RETURN_NONE;
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

/* A session record's tuple: (10, start, end, pid, kind, uuid, record, x, y); record is the rest of its line
 * (trailing carriage returns dropped), x and y what the analyzer reads from it (see scan.records_py). */
static PyObject *session_tuple(const char *s, idx n, idx start, const Found *f, const idx *pid) {
    const char *nl = memchr(s + f->end, '\n', (size_t)(n - f->end));
    idx b = nl ? (idx)(nl - s) : n;
    while (b > f->end && s[b - 1] == '\r') b--;
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
    return Py_BuildValue("(innNNNNNN)", 10, start, f->end, span(s, pid[0], pid[1]), span(s, f->g[0], f->g[1]),
                         span(s, f->g[2], f->g[3]), span(s, a, b), x, y);
}

static PyObject *as_tuple(const char *s, idx n, idx start, const Found *f, const idx *pid) {
    PyObject *t = NULL;
    switch (f->last) {
    case 10:
        t = session_tuple(s, n, start, f, pid);
        break;
    case 8:
        t = Py_BuildValue("(innNNNNNNNNn)", 8, start, f->end, span(s, pid[0], pid[1]), span(s, f->g[0], f->g[1]),
                          span(s, f->g[2], f->g[3]), span(s, f->g[4], f->g[5]), span(s, f->g[6], f->g[7]),
                          span(s, f->g[8], f->g[9]), span(s, f->g[10], f->g[11]), span(s, f->g[12], f->g[13]),
                          f->g[0]);
        break;
    default:
        t = Py_BuildValue("(innN)", f->last, start, f->end, span(s, pid[0], pid[1]));
    }
    return t;
}

static PyObject *records(PyObject *self, PyObject *args) {
    Py_buffer view;
    int file_form;
    (void)self;
    if (!PyArg_ParseTuple(args, "y*p", &view, &file_form)) return NULL;
    const char *s = view.buf;
    idx n = view.len;
    PyObject *out = PyList_New(0);
    if (out == NULL) goto fail;
    idx pos = 0;
    while (pos < n) {
        const char *hit = file_form ? memchr(s + pos, '[', (size_t)(n - pos))
                                    : memmem(s + pos, (size_t)(n - pos), "ascp", 4);
        if (hit == NULL) break;
        idx p = (idx)(hit - s);
        Found f;
        idx pid[2];
        f.last = 0;
        int ok = file_form ? file_at(s, n, p, &f, pid) : syslog_at(s, n, p, &f, pid);
        if (!ok) {
            pos = p + 1;
            continue;
        }
        PyObject *t = as_tuple(s, n, p, &f, pid);
        if (t == NULL || PyList_Append(out, t) < 0) {
            Py_XDECREF(t);
            goto fail;
        }
        Py_DECREF(t);
        pos = f.end > p ? f.end : p + 1;
    }
    PyBuffer_Release(&view);
    return out;
fail:
    Py_XDECREF(out);
    PyBuffer_Release(&view);
    return NULL;
}


/* ---- sshd's lines ------------------------------------------------------------------------------------------
 *
 * SSHD_TAG   = sshd(?:-session)?(?:\[\d+\]:| \d+ \S+ (?:-|\[[^\n]*?\]))  (and the space after it)
 * SSHD_HINT  = SSHD_TAG (?:error: )?(?:Unable to negotiate with |drop connection #|refused connect from
 *              |Failed (?:password|publickey|keyboard-interactive/pam) for (?!invalid user ))
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

static int hint_rest(const char *s, idx n, idx q, idx e, idx *end, idx *g) {
    (void)n;
    (void)g;
    if (LIT(s, e, q, "error: ")) q += 7; /* (?:error: )? : none of the words below starts with 'e' */
    if (LIT(s, e, q, "Unable to negotiate with ")) { *end = q + 25; return 1; }
    if (LIT(s, e, q, "drop connection #")) { *end = q + 17; return 1; }
    if (LIT(s, e, q, "refused connect from ")) { *end = q + 21; return 1; }
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
static int not_space(unsigned char c) { return !is_space(c); }

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

/* Every match of SSHD_TAG + rest, leftmost first and not overlapping, as Python's finditer finds them. */
static PyObject *sshd_search(PyObject *args, after_tag rest, int logins) {
    Py_buffer view;
    if (!PyArg_ParseTuple(args, "y*", &view)) return NULL;
    const char *s = view.buf;
    idx n = view.len;
    PyObject *out = PyList_New(0);
    if (out == NULL) goto fail;
    idx pos = 0;
    while (pos < n) {
        const char *hit = memmem(s + pos, (size_t)(n - pos), "sshd", 4);
        if (hit == NULL) break;
        idx p = (idx)(hit - s), end = p, g[4];
        if (!sshd_at(s, n, p, rest, &end, g)) {
            pos = p + 1;
            continue;
        }
        PyObject *item = logins ? Py_BuildValue("(NN)", span(s, g[0], g[1]), span(s, g[2], g[3]))
                                : PyLong_FromSsize_t(p);
        if (item == NULL || PyList_Append(out, item) < 0) {
            Py_XDECREF(item);
            goto fail;
        }
        Py_DECREF(item);
        pos = end > p ? end : p + 1;
    }
    PyBuffer_Release(&view);
    return out;
fail:
    Py_XDECREF(out);
    PyBuffer_Release(&view);
    return NULL;
}

static PyObject *sshd_hints(PyObject *self, PyObject *args) {
    (void)self;
    return sshd_search(args, hint_rest, 0);
}

static PyObject *sshd_logins(PyObject *self, PyObject *args) {
    (void)self;
    return sshd_search(args, login_rest, 1);
}

static PyMethodDef methods[] = {
    {"records", records, METH_VARARGS,
     "records(chunk, file_form) -> list of tuples: scan.records_py's result, found in C."},
    {"sshd_hints", sshd_hints, METH_VARARGS, "sshd_hints(chunk) -> where SSHD_HINT matches (scan.sshd_hints_py)."},
    {"sshd_logins", sshd_logins, METH_VARARGS, "sshd_logins(chunk) -> SSHD_LOGIN.findall(chunk), found in C."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "aspdiag.tools.explain._records",
                                    "explain's record search, compiled (see scan.records).", -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__records(void) { return PyModule_Create(&module); }
