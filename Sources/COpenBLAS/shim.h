// CBLAS from OpenBLAS (dgemm) and LAPACKE (dgeqrf/dorgqr for orthogonal init).
// Debian installs OpenBLAS's cblas.h as the alternative for <cblas.h>.
#include <cblas.h>
#include <lapacke.h>
