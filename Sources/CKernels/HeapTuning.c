#include "CKernels.h"
#include <stdlib.h>  // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

void nnlab_keep_freed_memory(void) {
#if defined(__GLIBC__)
    // 32 MB is glibc's largest mmap threshold on 64-bit systems (4 MB · sizeof(long)).
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}
