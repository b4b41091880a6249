#ifndef ARMSIM_CMATHSHIM_H
#define ARMSIM_CMATHSHIM_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <math.h>
#include <stdio.h>
#include <unistd.h>
#include <fcntl.h>
#include <stdio.h>

/// Both sine and cosine of x for little more than the price of one (glibc's sincos).
static inline void armsim_sincos(double x, double *s, double *c) {
#if defined(__GLIBC__)
    sincos(x, s, c);
#else
    *s = sin(x);
    *c = cos(x);
#endif
}

/// snprintf with one double: Swift cannot call a variadic C function, and `withVaList` costs a dynamic cast per
/// argument (the first one at start-up scans every protocol conformance in the binary).
static inline int armsim_format_double(char *out, size_t size, const char *format, double x) {
    return snprintf(out, size, format, x);
}

/// Linux's syncfs (flush one file system), which Swift's Glibc module does not export.
static inline int armsim_syncfs(int fd) {
#if defined(__linux__)
    return syncfs(fd);
#else
    (void)fd;
    sync();
    return 0;
#endif
}

/// Starts writing a file's dirty pages to disk without waiting (Linux's sync_file_range), so the final sync of
/// a batch finds most of the data already written. Elsewhere it does nothing.
static inline void armsim_start_writeback(int fd) {
#if defined(__linux__)
    (void)sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#else
    (void)fd;
#endif
}
#endif
