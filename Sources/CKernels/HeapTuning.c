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

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23  // Linux 5.14; older kernels answer EINVAL
#endif
#endif

void nnlab_populate_for_writing(void *start, size_t bytes) {
#if defined(__linux__)
    static int unsupported = 0;
    if (unsupported) return;
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    // Only whole pages inside the block: the partial pages at its ends may hold other data.
    uintptr_t first = ((uintptr_t)start + page - 1) & ~(page - 1);
    uintptr_t end = ((uintptr_t)start + bytes) & ~(page - 1);
    if (end <= first) return;
    // On failure (kernel before 5.14, or no memory for every page at once) the pages simply
    // fault on first touch, as without this call.
    if (madvise((void *)first, end - first, MADV_POPULATE_WRITE) != 0) unsupported = 1;
#else
    (void)start; (void)bytes;
#endif
}
