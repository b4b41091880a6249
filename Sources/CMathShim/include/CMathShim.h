#ifndef ARMSIM_CMATHSHIM_H
#define ARMSIM_CMATHSHIM_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <math.h>

/// Both sine and cosine of x for little more than the price of one (glibc's sincos).
static inline void armsim_sincos(double x, double *s, double *c) {
#if defined(__GLIBC__)
    sincos(x, s, c);
#else
    *s = sin(x);
    *c = cos(x);
#endif
}
#endif
