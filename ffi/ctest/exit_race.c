/*
 * A host whose main returns while its worker threads still call merzim: the
 * process must exit cleanly (status 0, its own buffered output intact), never
 * abort on freed memory. Runs the scenario in N forked children (default 300),
 * each exiting after a slightly different delay, and checks every child.
 *
 *   exit_race [N]
 *
 * Built with gcc -std=c99 -Wall -Wextra -Werror -pthread.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "merzim.h"

enum { THREADS = 4 };

/* Requests that fill the built-in evaluator's caches (other schedules, weeks
 * and knowledge dates) while the process exits. */
static const char *REQUESTS[] = {
    "{\"id\": 1, \"submitted\": \"2026-03-20T16:30:00\", \"term\": \"22 working days\"}",
    "{\"id\": 2, \"submitted\": \"2026-03-20T16:30:00\", \"term\": \"5 working days\", \"schedule\": \"09:00-18:00\"}",
    "{\"id\": 3, \"submitted\": \"2024-05-02T10:00\", \"term\": \"4 working days\", \"as_known_on\": \"2024-04-01\"}",
    "{\"id\": 4, \"submitted\": \"2026-03-20T10:00\", \"term\": \"3 working days\", \"week\": \"six\"}",
    "{\"id\": 5, \"regulation\": \"east-kazakhstan-2016-land-purpose-change\", \"submitted\": \"2026-03-18T16:30\"}",
};

static void *worker(void *arg) {
    unsigned k = (unsigned)(uintptr_t)arg;
    int32_t dates[64], n[64], out[64];
    for (int i = 0; i < 64; i++) {
        dates[i] = 20260302 + (i % 20);
        n[i] = i % 30;
    }
    for (;;) {
        char *json = NULL;
        merzim_eval_json(REQUESTS[k % 5], &json);
        merzim_string_free(json);
        size_t failed = 0;
        merzim_add_working_days_bulk(merzim_calendar_kazakhstan(), dates, n, 64, out, &failed);
        int32_t w = 0;
        merzim_is_working_day(merzim_calendar_kazakhstan(), 20260323, &w);
        k++;
    }
    return NULL;
}

/* One child: workers start, main prints (buffered) and returns from "main". */
static int child(unsigned seed) {
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++) {
        if (pthread_create(&t[i], NULL, worker, (void *)(uintptr_t)(seed + (unsigned)i)) != 0) {
            return 2;
        }
    }
    struct timespec d = {0, (long)(200000 + (seed % 17) * 150000)}; /* 0.2 to 2.6 ms */
    nanosleep(&d, NULL);
    printf("host output %u\n", seed); /* buffered: lost if the exit aborts */
    return 0;
}

int main(int argc, char **argv) {
    int runs = argc > 1 ? atoi(argv[1]) : 300;
    if (runs <= 0) {
        runs = 300;
    }
    int bad = 0;
    for (int r = 0; r < runs; r++) {
        int fd[2];
        if (pipe(fd) != 0) {
            perror("pipe");
            return 1;
        }
        fflush(stdout);
        pid_t pid = fork();
        if (pid < 0) {
            perror("fork");
            return 1;
        }
        if (pid == 0) {
            close(fd[0]);
            dup2(fd[1], STDOUT_FILENO);
            close(fd[1]);
            exit(child((unsigned)r));
        }
        close(fd[1]);
        char buf[128] = {0};
        size_t got = 0;
        ssize_t m;
        while (got < sizeof buf - 1 && (m = read(fd[0], buf + got, sizeof buf - 1 - got)) > 0) {
            got += (size_t)m;
        }
        close(fd[0]);
        int status = 0;
        waitpid(pid, &status, 0);
        char want[64];
        snprintf(want, sizeof want, "host output %d\n", r);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || strcmp(buf, want) != 0) {
            fprintf(stderr, "run %d: %s %d, output %s", r,
                    WIFEXITED(status) ? "exit" : "signal",
                    WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status), buf);
            bad++;
        }
    }
    printf("exit_race: %d of %d exits under running threads failed\n", bad, runs);
    return bad == 0 ? 0 : 1;
}
