/* The check of the threaded C tests (test_threads.c, stress.c): counts the
 * failures of a job (a struct with `int index` and `long failures`) and
 * reports the first five of each thread. */
#ifndef MERZIM_THREAD_CHECK_H
#define MERZIM_THREAD_CHECK_H

#include <stdio.h>

#define T_CHECK(j, cond)                                                       \
    do {                                                                       \
        if (!(cond) && (j)->failures++ < 5) {                                  \
            fprintf(stderr, "thread %d: %s:%d: CHECK failed: %s\n",           \
                    (j)->index, __FILE__, __LINE__, #cond);                    \
        }                                                                      \
    } while (0)

#endif
