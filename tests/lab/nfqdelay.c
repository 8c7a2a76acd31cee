/*
 * nfqdelay: a fixed-delay line for the aspdiag network lab (the lab's kernel has no netem).
 *
 *   nfqdelay QUEUE:DELAY_US [QUEUE:DELAY_US ...]
 *
 * Binds each netfilter queue (iptables ... -j NFQUEUE --queue-num QUEUE) in the current network namespace and
 * holds every packet queued there for DELAY_US microseconds before accepting it. The packets themselves stay in
 * the kernel: the queue copies only metadata (NFQNL_COPY_META) and keeps GSO packets whole (NFQA_CFG_F_GSO), so
 * the program handles packet ids and deadlines, and one batch verdict ("accept every id up to N") releases all
 * packets that are due. The delay of a queue is constant, so deadlines are in arrival order and packets leave in
 * the order they came: nothing is reordered.
 *
 * Prints "ready" on stdout once every queue is bound. On SIGTERM or SIGINT it drains: packets already held are
 * still released on time (the caller removes its NFQUEUE rules first), then it exits; if packets keep coming
 * for longer than the largest delay plus one second, it accepts whatever it holds and exits anyway.
 *
 * Build: gcc -O2 -o nfqdelay nfqdelay.c -lnetfilter_queue   (Debian: libnetfilter-queue-dev)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <linux/netfilter.h>
#include <libnetfilter_queue/libnetfilter_queue.h>

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif
#ifndef NETLINK_NO_ENOBUFS
#define NETLINK_NO_ENOBUFS 5
#endif

#define MAX_QUEUES 4
#define KERNEL_MAXLEN 65536u  /* packets the kernel may hold per queue before it drops */
#define RING (KERNEL_MAXLEN * 2u)  /* larger than the kernel's limit: the ring itself never fills */
#define RCVBUF (64 << 20)

struct held {
    uint32_t id;
    uint64_t due_ns;
};

struct queue {
    unsigned num;
    uint64_t delay_ns;
    struct nfq_q_handle *qh;
    struct held ring[RING];
    uint32_t head, tail; /* free-running; ring index is value % RING */
    uint64_t packets, verdicts, dropped;
};

static struct queue queues[MAX_QUEUES];
static int nqueues;
static uint64_t arrival_ns;
static volatile sig_atomic_t stopping;

static uint64_t now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static void on_signal(int sig)
{
    (void)sig;
    stopping = 1;
}

static int on_packet(struct nfq_q_handle *qh, struct nfgenmsg *msg, struct nfq_data *data, void *arg)
{
    struct queue *q = arg;
    struct nfqnl_msg_packet_hdr *ph = nfq_get_msg_packet_hdr(data);
    (void)msg;
    if (ph == NULL)
        return 0;
    uint32_t id = ntohl(ph->packet_id);
    q->packets++;
    if (q->tail - q->head >= RING) { /* cannot happen while RING > the kernel's queue length */
        nfq_set_verdict(qh, id, NF_DROP, 0, NULL);
        q->dropped++;
        return 0;
    }
    q->ring[q->tail % RING] = (struct held){id, arrival_ns + q->delay_ns};
    q->tail++;
    return 0;
}

/* Accept every held packet of q that is due at `now` (all of them when `all`); return the next deadline. */
static uint64_t release(struct queue *q, uint64_t now, int all)
{
    uint32_t last = 0;
    int any = 0;
    while (q->head != q->tail && (all || q->ring[q->head % RING].due_ns <= now)) {
        last = q->ring[q->head % RING].id;
        q->head++;
        any = 1;
    }
    if (any) {
        /* One message accepts every queued id up to `last`; ids grow in arrival order. */
        if (nfq_set_verdict_batch(q->qh, last, NF_ACCEPT) < 0)
            fprintf(stderr, "nfqdelay: queue %u: batch verdict failed: %s\n", q->num, strerror(errno));
        q->verdicts++;
    }
    return q->head != q->tail ? q->ring[q->head % RING].due_ns : UINT64_MAX;
}

static int parse_spec(const char *spec, struct queue *q)
{
    char *end;
    unsigned long num = strtoul(spec, &end, 10);
    if (end == spec || *end != ':' || num > 65535)
        return -1;
    const char *d = end + 1;
    unsigned long long us = strtoull(d, &end, 10);
    if (end == d || *end != '\0' || us > 60ull * 1000 * 1000)
        return -1;
    q->num = (unsigned)num;
    q->delay_ns = us * 1000u;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc - 1 > MAX_QUEUES) {
        fprintf(stderr, "usage: %s QUEUE:DELAY_US [QUEUE:DELAY_US ...] (at most %d queues)\n", argv[0], MAX_QUEUES);
        return 2;
    }
    uint64_t max_delay_ns = 0;
    for (int i = 1; i < argc; i++) {
        if (parse_spec(argv[i], &queues[nqueues]) < 0) {
            fprintf(stderr, "nfqdelay: bad queue spec '%s' (want QUEUE:DELAY_US, delay at most 60 s)\n", argv[i]);
            return 2;
        }
        if (queues[nqueues].delay_ns > max_delay_ns)
            max_delay_ns = queues[nqueues].delay_ns;
        nqueues++;
    }

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    prctl(PR_SET_TIMERSLACK, 1UL, 0, 0, 0); /* wake up at the deadline, not up to 50 us later */

    struct nfq_handle *h = nfq_open();
    if (h == NULL) {
        fprintf(stderr, "nfqdelay: nfq_open: %s\n", strerror(errno));
        return 1;
    }
    for (int i = 0; i < nqueues; i++) {
        struct queue *q = &queues[i];
        q->qh = nfq_create_queue(h, (uint16_t)q->num, on_packet, q);
        if (q->qh == NULL) {
            fprintf(stderr, "nfqdelay: cannot bind queue %u (bound by another process?): %s\n", q->num,
                    strerror(errno));
            return 1;
        }
        if (nfq_set_mode(q->qh, NFQNL_COPY_META, 0) < 0) {
            fprintf(stderr, "nfqdelay: queue %u: copy mode: %s\n", q->num, strerror(errno));
            return 1;
        }
        if (nfq_set_queue_maxlen(q->qh, KERNEL_MAXLEN) < 0)
            fprintf(stderr, "nfqdelay: queue %u: cannot set the queue length: %s\n", q->num, strerror(errno));
        if (nfq_set_queue_flags(q->qh, NFQA_CFG_F_GSO, NFQA_CFG_F_GSO) < 0)
            fprintf(stderr, "nfqdelay: queue %u: no GSO pass-through (more packets to handle)\n", q->num);
    }
    int fd = nfq_fd(h);
    int size = RCVBUF, one = 1;
    if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size) < 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    setsockopt(fd, SOL_NETLINK, NETLINK_NO_ENOBUFS, &one, sizeof one);

    printf("ready\n");
    fflush(stdout);

    static char buf[1 << 17];
    uint64_t give_up_ns = 0;
    for (;;) {
        uint64_t now = now_ns(), next = UINT64_MAX;
        if (stopping && give_up_ns == 0)
            give_up_ns = now + max_delay_ns + 1000000000u;
        int all = stopping && now >= give_up_ns;
        int held = 0;
        for (int i = 0; i < nqueues; i++) {
            uint64_t due = release(&queues[i], now, all);
            if (due < next)
                next = due;
            held |= queues[i].head != queues[i].tail;
        }
        if (stopping && (!held || all))
            break;

        struct pollfd p = {fd, POLLIN, 0};
        struct timespec ts, *timeout = NULL;
        if (stopping && give_up_ns < next)
            next = give_up_ns;
        if (next != UINT64_MAX) {
            uint64_t wait = next > now ? next - now : 0;
            ts.tv_sec = (time_t)(wait / 1000000000u);
            ts.tv_nsec = (long)(wait % 1000000000u);
            timeout = &ts;
        }
        int ready = ppoll(&p, 1, timeout, NULL);
        if (ready < 0 && errno != EINTR) {
            fprintf(stderr, "nfqdelay: poll: %s\n", strerror(errno));
            return 1;
        }
        if (ready <= 0)
            continue;
        for (;;) {
            ssize_t n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
            if (n < 0) {
                if (errno == EAGAIN || errno == EWOULDBLOCK)
                    break;
                if (errno == EINTR || errno == ENOBUFS)
                    continue;
                fprintf(stderr, "nfqdelay: recv: %s\n", strerror(errno));
                return 1;
            }
            arrival_ns = now_ns();
            nfq_handle_packet(h, buf, (int)n);
        }
    }

    for (int i = 0; i < nqueues; i++) {
        struct queue *q = &queues[i];
        printf("queue %u: delay %" PRIu64 " us, %" PRIu64 " packets, %" PRIu64 " batch verdicts, %" PRIu64
               " dropped\n",
               q->num, q->delay_ns / 1000u, q->packets, q->verdicts, q->dropped);
        nfq_destroy_queue(q->qh);
    }
    nfq_close(h);
    return 0;
}
